import Graphology from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
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
let complete: Promise<number> = Promise.resolve(0);

/** What the bench reads of GraphCanvas's internals (private fields, kept by the minifier). */
interface Internals {
  shown: object | null;
  stage: HTMLElement;
  pictures: number;
}
const internals = () => canvas as unknown as Internals;
let counting = { moved: 0, frames: 0, maxGapMs: 0, running: false, t0: 0 };

/** Resolves with ms since t0 when the canvas has shown its first complete picture. */
function firstPicture(t0: number): Promise<number> {
  return new Promise((resolve) => {
    const poll = () =>
      internals().pictures > 0 ? resolve(performance.now() - t0) : requestAnimationFrame(poll);
    requestAnimationFrame(poll);
  });
}

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
  /** The same gap watch on this page with no canvas: the machine's own noise. */
  idleGaps(ms: string): Promise<{ maxGapMs: number; longestTaskMs: number; frames: number }> {
    canvas?.destroy();
    canvas = null;
    return watchGaps(new Promise((r) => setTimeout(r, Number(ms))));
  },

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
    complete = firstPicture(t0);
    return (await frames()) - t0;
  },

  /** Waits for the layout begun by open(): ms from open() to settled, and the gaps meanwhile. */
  async settle(): Promise<{
    settleMs: number;
    completeMs: number;
    maxGapMs: number;
    longestTaskMs: number;
    frames: number;
  }> {
    const gaps = await watchGaps(settled);
    return { settleMs: await settled, completeMs: await complete, ...gaps };
  },

  /** Destroys the canvas and opens a new one with the positions it had: ms to the first frame. */
  async reopen(): Promise<number> {
    const positions = canvas!.positions();
    canvas!.destroy();
    await frames();
    const t0 = performance.now();
    canvas = make();
    canvas.setData(graph!.nodes, graph!.edges, { positions, layout: true });
    complete = firstPicture(t0);
    return (await frames()) - t0;
  },

  /** ms from the last open() or reopen() to its first complete picture. */
  complete(): Promise<number> {
    return complete;
  },

  /** A new complete picture after a zoom out by key (no layout running): ms until shown. */
  async redraw(): Promise<number> {
    const root = container.querySelector<HTMLElement>('.graph-canvas')!;
    root.focus();
    const before = internals().pictures;
    const t0 = performance.now();
    root.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true }));
    await new Promise<void>((resolve) => {
      const poll = () => (internals().pictures > before ? resolve() : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    });
    return performance.now() - t0;
  },

  /**
   * Counts animation frames in which what is on screen differs from the
   * frame before (the picture, by the camera it was drawn with, or its CSS
   * transform), and the longest gap between frames, until stopCounting().
   */
  startCounting(): void {
    const signature = () =>
      JSON.stringify(internals().shown) + internals().pictures + internals().stage.style.transform;
    let previous = signature();
    const state = { moved: 0, frames: 0, maxGapMs: 0, running: true, t0: performance.now() };
    let last = state.t0;
    const loop = (now: number) => {
      if (!state.running) return;
      const current = signature();
      state.frames++;
      state.maxGapMs = Math.max(state.maxGapMs, now - last);
      last = now;
      if (current !== previous) state.moved++;
      previous = current;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    counting = state;
  },

  stopCounting(): { moved: number; frames: number; maxGapMs: number; ms: number } {
    counting.running = false;
    return { ...counting, ms: performance.now() - counting.t0 };
  },

  /**
   * A scripted 5 s pan and zoom from inside the page: one pointer or wheel
   * event an animation frame, as a mouse sends them, to the canvas's root
   * (2.5 s of dragging in circles, then 2.5 s of wheel zoom in and out).
   */
  async panInPage(ms: number): Promise<void> {
    const root = container.querySelector<HTMLElement>('.graph-canvas')!;
    const rect = root.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const pointer = (type: string, x: number, y: number) =>
      root.dispatchEvent(
        new PointerEvent(type, {
          pointerId: 1,
          button: 0,
          buttons: type === 'pointerup' ? 0 : 1,
          clientX: x,
          clientY: y,
          bubbles: true,
        }),
      );
    await panAndZoom(ms, cx, cy, {
      press: (x, y) => pointer('pointerdown', x, y),
      move: (x, y) => pointer('pointermove', x, y),
      release: (x, y) => pointer('pointerup', x, y),
      wheel: root,
    });
  },

  /**
   * The baseline: sigma 3.0.3 as the prototype ran it (EdgeLineProgram,
   * hideEdgesOnMove), on the same graph at the positions GraphCanvas's layout
   * reached, in the same page. First frame (graphology graph + Sigma, two
   * frames), then the same 5 s of scripted drag and wheel sent to sigma's
   * mouse layer, counting renders whose camera differs from the last's.
   */
  async sigma(ms: string): Promise<{
    firstFrameMs: number;
    renders: number;
    moved: number;
    maxGapMs: number;
    ms: number;
  }> {
    const positions = canvas!.positions();
    canvas!.destroy();
    canvas = null;
    await frames();
    const t0 = performance.now();
    const g = new Graphology({ type: 'undirected', multi: false });
    let maxWeight = 1;
    for (const n of graph!.nodes) maxWeight = Math.max(maxWeight, n.weight);
    for (const n of graph!.nodes) {
      const p = positions.get(n.id)!;
      g.addNode(n.id, {
        x: p.x,
        y: -p.y,
        size: 2 + 12 * Math.sqrt(n.weight / maxWeight),
        label: n.label,
        color: KINDS[n.community % KINDS.length],
      });
    }
    for (const e of graph!.edges)
      g.mergeEdge(e.source, e.target, { size: 0.6, color: 'rgba(110, 120, 140, 0.5)' });
    const sigma = new Sigma(g, container, {
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram },
      hideEdgesOnMove: true,
    });
    const firstFrameMs = (await frames()) - t0;

    const camera = sigma.getCamera();
    const mouse = sigma.getMouseCaptor().container;
    const rect = mouse.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const send = (type: string, x: number, y: number) =>
      mouse.dispatchEvent(
        new MouseEvent(type, {
          button: 0,
          clientX: x,
          clientY: y,
          bubbles: true,
          cancelable: true,
        }),
      );
    let renders = 0;
    let moved = 0;
    let previous = JSON.stringify(camera.getState());
    sigma.on('afterRender', () => {
      renders++;
      const now = JSON.stringify(camera.getState());
      if (now !== previous) moved++;
      previous = now;
    });
    let maxGapMs = 0;
    const start = performance.now();
    let last = start;
    await panAndZoom(
      Number(ms),
      cx,
      cy,
      {
        press: (x, y) => send('mousedown', x, y),
        move: (x, y) => send('mousemove', x, y),
        release: (x, y) => send('mouseup', x, y),
        wheel: mouse,
      },
      (now) => {
        maxGapMs = Math.max(maxGapMs, now - last);
        last = now;
      },
    );
    const elapsed = performance.now() - start;
    sigma.kill();
    return { firstFrameMs, renders, moved, maxGapMs, ms: elapsed };
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

interface GestureInput {
  press(x: number, y: number): void;
  move(x: number, y: number): void;
  release(x: number, y: number): void;
  /** Where wheel events go. */
  wheel: EventTarget;
}

/**
 * The scripted gesture both drawings get, so their figures compare: one event an animation
 * frame, half the time dragging in circles from (cx, cy), then wheel zoom in and out.
 */
function panAndZoom(
  ms: number,
  cx: number,
  cy: number,
  input: GestureInput,
  onFrame?: (now: number) => void,
): Promise<void> {
  const start = performance.now();
  input.press(cx, cy);
  let moves = 0;
  let wheels = 0;
  return new Promise<void>((resolve) => {
    const step = (now: number) => {
      onFrame?.(now);
      if (now - start < ms / 2) {
        moves++;
        input.move(cx + 150 * Math.sin(moves / 15), cy + 100 * Math.sin(moves / 10));
      } else if (now - start < ms) {
        if (wheels++ === 0) input.release(cx, cy);
        const deltaY = Math.floor(wheels / 25) % 2 ? 40 : -40;
        input.wheel.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY,
            clientX: cx,
            clientY: cy,
            bubbles: true,
            cancelable: true,
          }),
        );
      } else return resolve();
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}
