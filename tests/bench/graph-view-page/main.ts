import { GraphCanvas, type CanvasEdge, type CanvasNode } from '../../../src/renderer/graph/canvas';

// The bench page: the app's GraphCanvas, built by Vite and minified as the
// app's renderer is, driven by tests/bench/graph-view.ts through
// window.graphBench. Times are taken here, in the page, with
// performance.now(); "drawn" means two animation frames after the call, when
// the frame holding the drawing has been handed to the compositor.

interface Graph {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

const KINDS = ['#3d7bd9', '#d9793d', '#3da55d', '#b84dc4', '#c9a227', '#d9453d', '#4dc4c4'];
const container = document.getElementById('graph')!;
let canvas: GraphCanvas | null = null;
let graph: Graph | null = null;
let settled: Promise<number> = Promise.resolve(0);

const frames = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
  );

function make(onSettled?: () => void): GraphCanvas {
  const made = new GraphCanvas({
    container,
    onLayoutProgress: (state) => state === 'settled' && onSettled?.(),
  });
  made.setColors(
    (n) => KINDS[n.community % KINDS.length]!,
    'rgba(110, 120, 140, 0.5)',
    '#1d2330',
    '#ffffff',
  );
  return made;
}

/** The longest gap between animation frames and the longest task, while `until` is pending. */
function watchGaps(
  until: Promise<unknown>,
): Promise<{ maxGapMs: number; longestTaskMs: number; frames: number }> {
  let maxGapMs = 0;
  let longestTaskMs = 0;
  let count = 0;
  let last = performance.now();
  let done = false;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    /* no longtask support: the frame gaps still tell */
  }
  const loop = (now: number) => {
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    count++;
    if (!done) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return until.then(() => {
    done = true;
    observer.disconnect();
    return { maxGapMs, longestTaskMs, frames: count };
  });
}

const bench = {
  async load(url: string): Promise<{ nodes: number; edges: number }> {
    graph = (await (await fetch(url)).json()) as Graph;
    return { nodes: graph.nodes.length, edges: graph.edges.length };
  },

  /** A fresh canvas with no positions: ms to the first frame; the layout keeps running. */
  async open(): Promise<number> {
    canvas?.destroy();
    const t0 = performance.now();
    let resolveSettled: (t: number) => void = () => {};
    settled = new Promise((r) => (resolveSettled = r));
    canvas = make(() => resolveSettled(performance.now() - t0));
    (window as unknown as { graphCanvas: GraphCanvas }).graphCanvas = canvas;
    canvas.setData(graph!.nodes, graph!.edges, { layout: true });
    return (await frames()) - t0;
  },

  /** Waits for the layout begun by open(): ms from open() to settled, and the gaps meanwhile. */
  async settle(): Promise<{
    settleMs: number;
    maxGapMs: number;
    longestTaskMs: number;
    frames: number;
  }> {
    const gaps = await watchGaps(settled);
    return { settleMs: await settled, ...gaps };
  },

  /** Destroys the canvas and opens a new one with the positions it had: ms to the first frame. */
  async reopen(): Promise<number> {
    const positions = canvas!.positions();
    canvas!.destroy();
    await frames();
    const t0 = performance.now();
    canvas = make();
    canvas.setData(graph!.nodes, graph!.edges, { positions, layout: true });
    return (await frames()) - t0;
  },

  /** A full, crisp redraw (the fit key): ms to the frame. */
  async redraw(): Promise<number> {
    const root = container.querySelector<HTMLElement>('.graph-canvas')!;
    root.focus();
    const t0 = performance.now();
    root.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
    return (await frames()) - t0;
  },

  /**
   * Counts animation frames in which the view differs from the frame before
   * (the camera, or the transform of the picture while a gesture runs), until
   * stopCounting() is called.
   */
  startCounting(): void {
    const internals = canvas as unknown as { camera: object; stage: HTMLElement };
    const signature = () => JSON.stringify(internals.camera) + internals.stage.style.transform;
    let previous = signature();
    const state = { moved: 0, frames: 0, running: true, t0: performance.now(), t1: 0 };
    const loop = () => {
      if (!state.running) return;
      const now = signature();
      state.frames++;
      if (now !== previous) state.moved++;
      previous = now;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    (window as unknown as { counting: typeof state }).counting = state;
  },

  stopCounting(): { moved: number; frames: number; ms: number } {
    const state = (
      window as unknown as {
        counting: { moved: number; frames: number; running: boolean; t0: number };
      }
    ).counting;
    state.running = false;
    return { moved: state.moved, frames: state.frames, ms: performance.now() - state.t0 };
  },

  svgLength(): number {
    return canvas!.toSVG().length;
  },

  async pngSize(): Promise<number> {
    return (await canvas!.toPNG()).size;
  },

  close(): void {
    canvas?.destroy();
    canvas = null;
  },
};

(window as unknown as { graphBench: typeof bench }).graphBench = bench;
