import {
  boundsOf,
  fitCamera,
  focusCamera,
  interpolate,
  panBy,
  pictureTransform,
  toGraph,
  toScreen,
  zoomAt,
  type Camera,
  type Viewport,
} from './camera';
import { cssRgba, parseColor, unit, type Rgba } from './colors';
import { labelCap, selectLabels, type PlacedLabel } from './labels';
import type { LayoutAnswer, LayoutRequest } from './layout-protocol';
import { buildScene, hiddenEdges, neighboursOf, type Scene } from './scene';
import { seedPositions } from './seed';
import { toSvg } from './svg';
import { FLAG_EMPHASIZED, FLAG_HIDDEN, GraphGl, type DrawState } from './webgl';

// The Graph view's drawing surface: a WebGL canvas of nodes and edges, a 2D
// canvas of labels above it, ForceAtlas2 in a worker. Built for software
// WebGL (SwiftShader), where one picture of 50,000 edges takes the GPU most
// of a second and showing a frame makes the main thread wait for it:
// - A picture is drawn offscreen in slices, one a frame, each waited for
//   with a fence, and shown whole when done (webgl.ts); a slice's size
//   adapts so that it takes the GPU about a frame.
// - The camera never waits for a picture: the picture on screen (`shown`)
//   is moved and scaled by a CSS transform to where the camera now is
//   (`camera`), and once input rests for REST_MS a new picture is drawn.
// - The first picture of new data is its nodes alone (one quick slice),
//   then the whole picture follows.
// - The layout's positions reach the GPU as one small texture at the start
//   of a picture, so a layout step never rebuilds an edge buffer.

export interface CanvasNode {
  id: string;
  label: string;
  kind: string;
  weight: number;
  community: number;
  x?: number;
  y?: number;
}
export interface CanvasEdge {
  source: string;
  target: string;
  weight: number;
}
export interface GraphCanvasOptions {
  container: HTMLElement;
  onNodeClick?(id: string): void;
  onNodeDoubleClick?(id: string): void;
  onNodeHover?(id: string | null): void;
  onStageClick?(): void;
  onLayoutProgress?(state: 'running' | 'settled'): void;
}

const FONT_FAMILY = 'system-ui, sans-serif';
const FONT_SIZE = 12;
const LINE_HEIGHT = 15;
/** A gesture rests (and the view is drawn again, crisp) after this long without input. */
const REST_MS = 140;
const DRAG_TOLERANCE = 4;
const FOCUS_MS = 450;
const HOVER_SLACK = 3;
/** Half the width of the background-coloured outline that keeps labels legible over edges. */
const HALO = 1.5;
const MAX_SPRITES = 4000;
/** Items (edges or nodes) a slice starts with; then adapted to the GPU's pace. */
const FIRST_BUDGET = 4000;
const MIN_BUDGET = 500;
const MAX_BUDGET = 60_000;
/**
 * While the layout runs, pictures show the strongest LAYOUT_EDGES edges
 * and begin at most every LAYOUT_PICTURE_MS: each picture is then quick, and
 * the GPU (a CPU, under SwiftShader) leaves time to the layout's worker.
 */
const LAYOUT_EDGES = 5000;
const LAYOUT_PICTURE_MS = 1000;

/** A picture being drawn offscreen, slice by slice. */
interface Pass {
  state: DrawState;
  stage: 'edges' | 'nodes' | 'present';
  next: number;
  /** Edges this picture draws, heaviest first. */
  edges: number;
  sync: WebGLSync | null;
  /** Frames the current slice has kept the GPU busy beyond the first. */
  waited: number;
}

interface Animation {
  from: Camera;
  to: Camera;
  start: number;
}

export class GraphCanvas {
  private readonly options: GraphCanvasOptions;
  private readonly root: HTMLDivElement;
  private readonly stage: HTMLDivElement;
  private readonly labelCanvas: HTMLCanvasElement;
  private readonly labels2d: CanvasRenderingContext2D;
  private gl: GraphGl;
  /** The WebGL context is lost (GPU reset, too many contexts): nothing is drawn until restored. */
  private contextLost = false;
  private readonly resizeObserver: ResizeObserver | null;
  private worker: Worker | null = null;
  private run = 0;
  private layoutRunning = false;

  private scene: Scene = buildScene([], []);
  private xy: Float32Array = new Float32Array(0);
  private flags = new Uint8Array(0);
  private hidden: ReadonlySet<string> | null = null;
  private edgeHidden: Uint8Array = new Uint8Array(0);
  /** edgeHidden changed since the GPU last had it. */
  private edgesChanged = false;
  private focus = -1;
  private hover = -1;
  private density = 0.5;
  private labelWidths: Float32Array = new Float32Array(0);
  private placed: PlacedLabel[] = [];
  /** Label sprites by node, for the current data, colours and pixel ratio. */
  private sprites = new Map<number, HTMLCanvasElement>();
  private spriteRatio = 1;
  private pass: Pass | null = null;
  /** Something drawn has changed since the picture in the making (or on screen) began. */
  private dirty = false;
  private budget = FIRST_BUDGET;
  private passStarted = -Infinity;
  /** Complete pictures shown so far (the bench reads it). */
  private pictures = 0;

  private colorOf: ((node: CanvasNode) => string) | null = null;
  private nodeRgba: Rgba[] = [];
  private edgeRgba: Rgba = [153, 153, 153, 0.5];
  private labelRgba: Rgba = [34, 34, 34, 1];
  private backgroundRgba: Rgba = [255, 255, 255, 1];
  private labelColor = '#222';
  private background = '#fff';

  private viewport: Viewport = { width: 1, height: 1 };
  /** Where the view is. */
  private camera: Camera = { x: 0, y: 0, scale: 1 };
  /** Where the view was when the picture on screen was drawn; null before the first. */
  private shown: Camera | null = null;
  private transform = '';
  /** The scale at which the whole graph fits: node sizes grow gently beyond it. */
  private fitScale = 1;
  /** Follow the layout with the camera until the user moves it. */
  private autoFit = true;
  private lastInput = -Infinity;
  private animation: Animation | null = null;
  private frame: number | null = null;
  private pointer: { id: number; x: number; y: number; dragging: boolean } | null = null;
  private hoverFrame: number | null = null;
  private destroyed = false;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions?][] = [];

  constructor(options: GraphCanvasOptions) {
    this.options = options;
    const root = document.createElement('div');
    root.className = 'graph-canvas';
    root.tabIndex = 0;
    root.setAttribute('role', 'application');
    root.setAttribute('aria-roledescription', 'graph');
    root.setAttribute(
      'aria-label',
      'Graph of entities. Arrow keys pan, plus and minus zoom, 0 fits the graph.',
    );
    Object.assign(root.style, {
      position: 'relative',
      overflow: 'hidden',
      width: '100%',
      height: '100%',
      touchAction: 'none',
      userSelect: 'none',
    });
    const stage = document.createElement('div');
    Object.assign(stage.style, {
      position: 'absolute',
      inset: '0',
      transformOrigin: '0 0',
      willChange: 'transform',
    });
    const glCanvas = document.createElement('canvas');
    const labelCanvas = document.createElement('canvas');
    for (const c of [glCanvas, labelCanvas]) {
      Object.assign(c.style, {
        position: 'absolute',
        inset: '0',
        width: '100%',
        height: '100%',
        display: 'block',
      });
      stage.append(c);
    }
    root.append(stage);
    options.container.append(root);
    this.root = root;
    this.stage = stage;
    this.labelCanvas = labelCanvas;
    const ctx = labelCanvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the graph: no 2D canvas.');
    this.labels2d = ctx;
    try {
      this.gl = new GraphGl(glCanvas);
    } catch (error) {
      root.remove();
      throw error;
    }
    this.listen(root, 'pointerdown', (e) => this.onPointerDown(e as PointerEvent));
    this.listen(root, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen(root, 'pointerup', (e) => this.onPointerUp(e as PointerEvent));
    this.listen(root, 'pointercancel', (e) => this.onPointerUp(e as PointerEvent, true));
    this.listen(root, 'pointerleave', () => this.setHover(-1));
    this.listen(root, 'dblclick', (e) => this.onDoubleClick(e as MouseEvent));
    this.listen(root, 'wheel', (e) => this.onWheel(e as WheelEvent), { passive: false });
    this.listen(root, 'keydown', (e) => this.onKey(e as KeyboardEvent));
    // preventDefault asks for the context back; once restored, everything is uploaded again.
    this.listen(glCanvas, 'webglcontextlost', (e) => {
      e.preventDefault();
      this.contextLost = true;
      this.pass = null;
    });
    this.listen(glCanvas, 'webglcontextrestored', () => {
      try {
        this.gl = new GraphGl(glCanvas);
      } catch (error) {
        console.error('Graph canvas: the WebGL context came back unusable:', error);
        return;
      }
      this.contextLost = false;
      this.gl.setScene(this.scene);
      this.applyColors();
      this.edgesChanged = true;
      this.shown = null;
      this.lastInput = -Infinity;
      this.requestDraw();
    });
    this.resizeObserver =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.resize());
    this.resizeObserver?.observe(root);
    this.measureViewport();
  }

  // -- data -------------------------------------------------------------------

  setData(
    nodes: CanvasNode[],
    edges: CanvasEdge[],
    opts: { positions?: Map<string, { x: number; y: number }>; layout?: boolean } = {},
  ): void {
    this.stopLayout();
    const focusId = this.focus >= 0 ? this.scene.nodes[this.focus]?.id : undefined;
    const scene = buildScene(nodes, edges);
    this.scene = scene;
    const n = nodes.length;
    const seeded = seedPositions(
      nodes.map((node) => node.id),
      nodes.map((node) => node.community),
    );
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const known =
        opts.positions?.get(node.id) ??
        (node.x !== undefined && node.y !== undefined ? { x: node.x, y: node.y } : undefined);
      if (known && Number.isFinite(known.x) && Number.isFinite(known.y)) {
        seeded[2 * i] = known.x;
        seeded[2 * i + 1] = known.y;
      } else missing++;
    }
    this.xy = seeded;
    this.flags = new Uint8Array(n);
    this.edgeHidden = new Uint8Array(scene.source.length);
    this.edgesChanged = false;
    this.labelWidths = new Float32Array(n).fill(-1);
    this.sprites.clear();
    this.hover = -1;
    this.focus = focusId !== undefined ? (scene.index.get(focusId) ?? -1) : -1;
    this.gl.setScene(scene);
    this.applyColors();
    this.applyFlags();
    this.fit();
    this.autoFit = true;
    // New data: no picture of it yet, so the next one starts with its nodes alone.
    this.pass = null;
    this.shown = null;
    this.lastInput = -Infinity;
    this.dirty = true;
    // The layout first, so that the first picture is already a layout picture (fewer edges).
    const layout = missing > 0 && opts.layout !== false && n > 1;
    if (layout) this.startLayout();
    this.tick();
    if (!layout) this.afterFrame(() => this.options.onLayoutProgress?.('settled'));
  }

  setColors(
    colorOf: (node: CanvasNode) => string,
    edgeColor: string,
    labelColor: string,
    background: string,
  ): void {
    this.colorOf = colorOf;
    this.edgeRgba = parseColor(edgeColor);
    this.labelRgba = parseColor(labelColor);
    this.backgroundRgba = parseColor(background);
    this.labelColor = labelColor;
    this.background = background;
    this.root.style.background = background;
    this.sprites.clear();
    this.applyColors();
    this.requestDraw();
  }

  setHidden(hidden: ReadonlySet<string> | null): void {
    this.hidden = hidden && hidden.size ? hidden : null;
    this.applyFlags();
    if (this.hover >= 0 && this.isHidden(this.hover)) this.setHover(-1);
    this.requestDraw();
  }

  /**
   * Not in the contract, an extension the view asked for (the time
   * slider): hides edges by their index in the array given to setData, as
   * setHidden hides nodes. A new setData shows every edge again.
   */
  setHiddenEdges(indices: ReadonlySet<number> | null): void {
    this.edgeHidden = hiddenEdges(this.scene, indices);
    this.edgesChanged = true;
    this.requestDraw();
  }

  setHighlighted(id: string | null): void {
    const i = id === null ? -1 : (this.scene.index.get(id) ?? -1);
    if (i === this.focus) return;
    this.focus = i;
    this.applyFlags();
    this.requestDraw();
  }

  setLabelDensity(density: number): void {
    this.density = Math.min(1, Math.max(0, Number.isFinite(density) ? density : 0));
    this.requestDraw();
  }

  focusNode(id: string): void {
    const i = this.scene.index.get(id);
    if (i === undefined) return;
    this.setHighlighted(id);
    this.autoFit = false;
    this.animation = {
      from: this.camera,
      to: focusCamera(this.xy, i, neighboursOf(this.scene, i), this.fitScale, this.viewport),
      start: performance.now(),
    };
    this.schedule();
  }

  positions(): Map<string, { x: number; y: number }> {
    const map = new Map<string, { x: number; y: number }>();
    this.scene.nodes.forEach((node, i) =>
      map.set(node.id, { x: this.xy[2 * i]!, y: this.xy[2 * i + 1]! }),
    );
    return map;
  }

  // -- export -----------------------------------------------------------------

  toPNG(): Promise<Blob> {
    if (this.contextLost)
      return Promise.reject(
        new Error('Could not export the graph as PNG: its WebGL context was lost; try again.'),
      );
    // Drawn whole onto the canvas and copied in one task (the WebGL buffer is
    // not preserved past it); it is then the picture on screen, too.
    this.pass = null;
    const state = this.drawState();
    this.gl.setNodes(this.xy, this.flags);
    if (this.edgesChanged) {
      this.gl.setEdgesHidden(this.edgeHidden);
      this.edgesChanged = false;
    }
    this.gl.drawAll(state);
    this.showPicture(state.camera);
    const canvas = document.createElement('canvas');
    canvas.width = this.gl.canvas.width;
    canvas.height = this.gl.canvas.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return Promise.reject(new Error('Could not export the graph: no 2D canvas.'));
    ctx.fillStyle = this.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(this.gl.canvas, 0, 0);
    ctx.drawImage(this.labelCanvas, 0, 0, canvas.width, canvas.height);
    return new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('Could not export the graph as PNG.'))),
        'image/png',
      ),
    );
  }

  toSVG(): string {
    return toSvg({
      scene: this.scene,
      xy: this.xy,
      hidden: (i) => this.isHidden(i),
      edgeHidden: (k) => this.edgeHidden[k] === 1,
      focus: this.focus,
      emphasized: (i) => (this.flags[i]! & FLAG_EMPHASIZED) !== 0,
      camera: this.camera,
      viewport: this.viewport,
      sizeZoom: this.sizeZoom(),
      edgeCount: this.scene.source.length,
      nodeColor: (i) => this.nodeRgba[i] ?? [153, 153, 153, 1],
      edgeColor: this.edgeRgba,
      focusEdgeColor: this.focusEdgeRgba(),
      labelColor: this.labelRgba,
      background: this.backgroundRgba,
      labels: this.placeLabels(this.camera),
      font: { family: FONT_FAMILY, size: FONT_SIZE, lineHeight: LINE_HEIGHT },
    });
  }

  // -- lifecycle --------------------------------------------------------------

  resize(): void {
    if (this.destroyed) return;
    const before = this.viewport;
    this.measureViewport();
    if (before.width === this.viewport.width && before.height === this.viewport.height) return;
    if (this.autoFit) this.fit();
    this.lastInput = -Infinity;
    this.requestDraw();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopLayout();
    this.worker?.terminate();
    this.worker = null;
    for (const id of [this.frame, this.hoverFrame]) if (id !== null) cancelAnimationFrame(id);
    this.resizeObserver?.disconnect();
    for (const [target, type, fn, opts] of this.listeners)
      target.removeEventListener(type, fn, opts);
    this.gl.destroy();
    this.root.remove();
  }

  // -- layout -----------------------------------------------------------------

  private startLayout() {
    const worker = this.ensureWorker();
    if (!worker) return;
    const run = ++this.run;
    this.layoutRunning = true;
    this.options.onLayoutProgress?.('running');
    const { source, target, edgeWeight } = this.scene;
    const message: LayoutRequest = {
      type: 'run',
      run,
      xy: this.xy.slice(),
      source: source.slice(),
      target: target.slice(),
      weight: edgeWeight.slice(),
    };
    worker.postMessage(message, [
      message.xy.buffer,
      message.source.buffer,
      message.target.buffer,
      message.weight.buffer,
    ]);
  }

  private stopLayout() {
    this.run++;
    if (this.layoutRunning) this.worker?.postMessage({ type: 'stop' } satisfies LayoutRequest);
    this.layoutRunning = false;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      console.error('Graph layout unavailable:', error);
      return null;
    }
    this.worker.onmessage = (event: MessageEvent<LayoutAnswer>) => this.onLayout(event.data);
    this.worker.onerror = (event) => {
      console.error('Graph layout failed:', event.message);
      this.finishLayout();
    };
    return this.worker;
  }

  private onLayout(answer: LayoutAnswer) {
    if (this.destroyed || answer.run !== this.run) return;
    if (answer.type === 'error') {
      console.error('Graph layout failed:', answer.message);
      this.finishLayout();
      return;
    }
    if (answer.xy.length === this.xy.length) this.xy = answer.xy;
    if (this.autoFit) this.fit();
    this.requestDraw();
    if (answer.settled) this.finishLayout();
  }

  private finishLayout() {
    if (!this.layoutRunning) return;
    this.layoutRunning = false;
    // Every edge, now that the nodes stand still.
    this.requestDraw();
    this.afterFrame(() => {
      if (!this.destroyed) this.options.onLayoutProgress?.('settled');
    });
  }

  // -- state → GPU ------------------------------------------------------------

  private isHidden(i: number): boolean {
    return (this.flags[i]! & FLAG_HIDDEN) !== 0;
  }

  private applyFlags() {
    const { nodes } = this.scene;
    const flags = this.flags;
    flags.fill(0);
    if (this.hidden)
      for (let i = 0; i < nodes.length; i++)
        if (this.hidden.has(nodes[i]!.id)) flags[i] = FLAG_HIDDEN;
    if (this.focus >= 0 && this.isHidden(this.focus)) this.focus = -1;
    if (this.focus >= 0) {
      flags[this.focus]! |= FLAG_EMPHASIZED;
      for (const j of neighboursOf(this.scene, this.focus)) flags[j]! |= FLAG_EMPHASIZED;
    }
    // Uploaded when the next picture begins (startPass), never in the middle of one.
  }

  private applyColors() {
    const { nodes } = this.scene;
    const rgba = new Uint8Array(nodes.length * 4);
    this.nodeRgba = nodes.map((node, i) => {
      const c = parseColor(this.colorOf ? this.colorOf(node) : '#7a869a');
      rgba.set([c[0], c[1], c[2], Math.round(c[3] * 255)], 4 * i);
      return c;
    });
    this.gl.setColors(rgba);
  }

  private focusEdgeRgba(): Rgba {
    return this.focus >= 0
      ? ([...(this.nodeRgba[this.focus] ?? this.edgeRgba).slice(0, 3), 0.9] as Rgba)
      : this.edgeRgba;
  }

  // -- drawing ----------------------------------------------------------------

  private measureViewport() {
    const rect = this.root.getBoundingClientRect();
    this.viewport = { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
  }

  private fit() {
    const bounds = boundsOf(this.xy, this.scene.nodes.length, (i) => this.isHidden(i));
    this.camera = fitCamera(bounds, this.viewport);
    this.fitScale = this.camera.scale;
  }

  private sizeZoom(camera = this.camera): number {
    return Math.min(3, Math.max(0.6, Math.sqrt(camera.scale / this.fitScale)));
  }

  private drawState(): DrawState {
    return {
      camera: this.camera,
      viewport: this.viewport,
      pixelRatio: window.devicePixelRatio || 1,
      sizeZoom: this.sizeZoom(),
      focus: this.focus,
      background: unit(this.backgroundRgba),
      edgeColor: unit(this.edgeRgba),
      focusEdgeColor: unit(this.focusEdgeRgba()),
    };
  }

  /** Something drawn changed: a new picture once input rests. */
  private requestDraw() {
    this.dirty = true;
    this.schedule();
  }

  private schedule() {
    if (this.frame !== null || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.tick();
    });
  }

  private afterFrame(fn: () => void) {
    requestAnimationFrame(() => setTimeout(fn, 0));
  }

  private resting(now: number): boolean {
    return !this.animation && !this.pointer?.dragging && now - this.lastInput >= REST_MS;
  }

  /** One frame's work: the camera's animation, the picture's next slice, the stage's transform. */
  private tick() {
    if (this.destroyed || this.contextLost) return;
    const now = performance.now();
    const a = this.animation;
    if (a) {
      const t = Math.min(1, (now - a.start) / FOCUS_MS);
      const eased = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      this.camera = interpolate(a.from, a.to, eased);
      if (t >= 1) {
        this.animation = null;
        this.dirty = true;
      }
    }
    const pass = this.pass;
    if (pass) {
      // A finished picture waits for input to rest: showing it costs the
      // main thread a long frame, which would jolt a pan or zoom under way.
      if (pass.stage === 'present' && !this.resting(now)) {
        /* held */
      } else if (this.gl.done(pass.sync)) {
        // About one frame of GPU time a slice: grow when done within a frame, shrink when late.
        if (pass.waited === 0) this.budget = Math.min(MAX_BUDGET, Math.round(this.budget * 1.5));
        else if (pass.waited >= 2)
          this.budget = Math.max(MIN_BUDGET, Math.round(this.budget * 0.6));
        pass.waited = 0;
        this.advance(pass);
      } else pass.waited++;
    } else if (
      this.dirty &&
      this.resting(now) &&
      !(this.layoutRunning && this.shown && now - this.passStarted < LAYOUT_PICTURE_MS)
    )
      this.startPass();
    this.showTransform();
    if (this.pass || this.dirty || this.animation) this.schedule();
  }

  private startPass() {
    this.dirty = false;
    this.passStarted = performance.now();
    this.gl.setNodes(this.xy, this.flags);
    if (this.edgesChanged) {
      this.gl.setEdgesHidden(this.edgeHidden);
      this.edgesChanged = false;
    }
    const state = this.drawState();
    const edges = this.layoutRunning
      ? Math.min(LAYOUT_EDGES, this.gl.edgeCount)
      : this.gl.edgeCount;
    const pass: Pass = { state, stage: 'edges', next: 0, edges, sync: null, waited: 0 };
    this.pass = pass;
    if (!this.shown) {
      // No picture of this data yet: show its nodes now, the edges follow.
      this.gl.begin(state);
      this.gl.drawNodes(state, 0, this.scene.nodes.length);
      this.gl.present();
      this.showPicture(state.camera);
      pass.sync = this.gl.fence();
      this.gl.begin(state);
      return;
    }
    this.gl.begin(state);
    this.advance(pass);
  }

  /** Draws the pass's next slice; shows the picture after the last. */
  private advance(pass: Pass) {
    const gl = this.gl;
    const { state } = pass;
    gl.resume();
    if (pass.stage === 'edges') {
      const to = Math.min(pass.next + this.budget, pass.edges);
      gl.drawEdges(state, pass.next, to);
      pass.next = to;
      if (to >= pass.edges) {
        pass.stage = 'nodes';
        pass.next = 0;
      }
    } else if (pass.stage === 'nodes') {
      const to = Math.min(pass.next + this.budget, gl.nodeCount);
      gl.drawNodes(state, pass.next, to);
      pass.next = to;
      if (to >= gl.nodeCount) pass.stage = 'present';
    } else {
      // A frame of its own, once every slice is done: showing it then waits
      // for nothing but the copy.
      gl.present();
      this.pass = null;
      if (pass.edges === gl.edgeCount) this.pictures++;
      this.showPicture(state.camera);
      return;
    }
    pass.sync = gl.fence();
  }

  /** The canvas now holds the picture drawn for `camera`: labels to match, and no transform. */
  private showPicture(camera: Camera) {
    this.shown = camera;
    this.drawLabels(camera);
    this.showTransform();
  }

  /** Moves the picture on screen to where the camera is now. */
  private showTransform() {
    const t = this.shown ? pictureTransform(this.shown, this.camera, this.viewport) : null;
    const css =
      !t || (t.s === 1 && t.tx === 0 && t.ty === 0)
        ? ''
        : `translate(${t.tx}px, ${t.ty}px) scale(${t.s})`;
    if (css !== this.transform) {
      this.transform = css;
      this.stage.style.transform = css;
    }
  }

  private placeLabels(camera: Camera): PlacedLabel[] {
    const forced = [this.hover, this.focus].filter((i) => i >= 0);
    const preferred =
      this.focus >= 0
        ? [...neighboursOf(this.scene, this.focus)].sort(
            (a, b) => this.scene.nodes[b]!.weight - this.scene.nodes[a]!.weight,
          )
        : [];
    const sizeZoom = this.sizeZoom(camera);
    return selectLabels({
      order: this.scene.byWeight,
      xy: this.xy,
      radius: (i) => this.scene.radius[i]! * sizeZoom,
      hidden: (i) => this.isHidden(i),
      // Measured once a label is drawn (sprite); estimated until then, as
      // measuring thousands of candidates cost the first picture 10-25 ms.
      width: (i) => {
        const w = this.labelWidths[i]!;
        return w >= 0 ? w : this.scene.nodes[i]!.label.length * FONT_SIZE * 0.6;
      },
      height: LINE_HEIGHT,
      camera,
      viewport: this.viewport,
      cap: labelCap(this.density, this.viewport),
      forced,
      preferred,
    });
  }

  private drawLabels(camera: Camera) {
    const pixelRatio = window.devicePixelRatio || 1;
    const canvas = this.labelCanvas;
    const width = Math.round(this.viewport.width * pixelRatio);
    const height = Math.round(this.viewport.height * pixelRatio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = this.labels2d;
    if (pixelRatio !== this.spriteRatio) {
      this.sprites.clear();
      this.spriteRatio = pixelRatio;
    }
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.clearRect(0, 0, this.viewport.width, this.viewport.height);
    this.placed = this.placeLabels(camera);
    // A ring around the hovered and the highlighted node.
    for (const i of new Set([this.hover, this.focus])) {
      if (i < 0 || this.isHidden(i)) continue;
      const [x, y] = toScreen(camera, this.viewport, this.xy[2 * i]!, this.xy[2 * i + 1]!);
      ctx.beginPath();
      ctx.arc(x, y, this.scene.radius[i]! * this.sizeZoom(camera) + 2.5, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = this.labelColor;
      ctx.stroke();
    }
    // Each label is drawn once onto a sprite of its own and copied from then
    // on: rasterizing a few hundred haloed labels took 50-150 ms a picture
    // (when the page was painted, on the main thread); copies take a few.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    for (const label of this.placed) {
      const sprite = this.sprite(label.node, pixelRatio);
      ctx.drawImage(
        sprite,
        Math.round((label.x - HALO) * pixelRatio),
        Math.round(label.y * pixelRatio),
      );
    }
  }

  private sprite(node: number, pixelRatio: number): HTMLCanvasElement {
    const cached = this.sprites.get(node);
    if (cached) return cached;
    if (this.sprites.size >= MAX_SPRITES) this.sprites.clear();
    const text = this.scene.nodes[node]!.label;
    if (this.labelWidths[node]! < 0) {
      this.labels2d.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
      this.labelWidths[node] = this.labels2d.measureText(text).width;
    }
    const sprite = document.createElement('canvas');
    sprite.width = Math.ceil((this.labelWidths[node]! + 2 * HALO) * pixelRatio) || 1;
    sprite.height = Math.ceil(LINE_HEIGHT * pixelRatio);
    const ctx = sprite.getContext('2d');
    if (ctx) {
      ctx.scale(pixelRatio, pixelRatio);
      ctx.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 2 * HALO;
      ctx.strokeStyle = cssRgba(this.backgroundRgba, 0.85);
      ctx.fillStyle = this.labelColor;
      ctx.strokeText(text, HALO, LINE_HEIGHT / 2);
      ctx.fillText(text, HALO, LINE_HEIGHT / 2);
    }
    this.sprites.set(node, sprite);
    return sprite;
  }

  // -- input ------------------------------------------------------------------

  private listen(
    target: EventTarget,
    type: string,
    fn: EventListener,
    opts?: AddEventListenerOptions,
  ) {
    target.addEventListener(type, fn, opts);
    this.listeners.push([target, type, fn, opts]);
  }

  private local(e: MouseEvent): [number, number] {
    const rect = this.root.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  /** The visible node under a screen point, or -1: the nearest whose disc (plus slack) holds it. */
  private pick(sx: number, sy: number): number {
    const [gx, gy] = toGraph(this.camera, this.viewport, sx, sy);
    const zoom = this.sizeZoom();
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < this.scene.nodes.length; i++) {
      if (this.isHidden(i)) continue;
      const d = Math.hypot(this.xy[2 * i]! - gx, this.xy[2 * i + 1]! - gy) * this.camera.scale;
      const reach = this.scene.radius[i]! * zoom + HOVER_SLACK;
      if (d <= reach && d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }

  private setHover(i: number) {
    if (i === this.hover) return;
    this.hover = i;
    this.root.style.cursor = i >= 0 ? 'pointer' : '';
    this.options.onNodeHover?.(i >= 0 ? this.scene.nodes[i]!.id : null);
    // The labels canvas belongs to the picture on screen: redrawn for its camera.
    if (this.shown) this.drawLabels(this.shown);
  }

  private onPointerDown(e: PointerEvent) {
    if (e.button !== 0 || this.pointer) return;
    const [x, y] = this.local(e);
    this.pointer = { id: e.pointerId, x, y, dragging: false };
    this.root.setPointerCapture?.(e.pointerId);
  }

  private onPointerMove(e: PointerEvent) {
    const [x, y] = this.local(e);
    const p = this.pointer;
    if (p && p.id === e.pointerId) {
      if (!p.dragging && Math.hypot(x - p.x, y - p.y) < DRAG_TOLERANCE) return;
      p.dragging = true;
      this.moveBy(x - p.x, y - p.y);
      p.x = x;
      p.y = y;
      return;
    }
    if (this.hoverFrame !== null) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = null;
      if (this.destroyed || this.pointer) return;
      // Not while the view moves: the picture is then a stretched image.
      if (!this.resting(performance.now())) return this.setHover(-1);
      this.setHover(this.pick(x, y));
    });
  }

  private onPointerUp(e: PointerEvent, cancelled = false) {
    const p = this.pointer;
    if (!p || p.id !== e.pointerId) return;
    this.pointer = null;
    this.root.releasePointerCapture?.(e.pointerId);
    if (p.dragging) {
      // Draw the new view now rather than after REST_MS.
      this.lastInput = -Infinity;
      this.requestDraw();
      return;
    }
    if (cancelled) return;
    const [x, y] = this.local(e);
    const i = this.pick(x, y);
    if (i >= 0) this.options.onNodeClick?.(this.scene.nodes[i]!.id);
    else this.options.onStageClick?.();
  }

  private onDoubleClick(e: MouseEvent) {
    e.preventDefault();
    const [x, y] = this.local(e);
    const i = this.pick(x, y);
    if (i >= 0) this.options.onNodeDoubleClick?.(this.scene.nodes[i]!.id);
    else this.zoomBy(x, y, 2);
  }

  private onWheel(e: WheelEvent) {
    e.preventDefault();
    const [x, y] = this.local(e);
    const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.viewport.height : 1;
    const delta = Math.max(-400, Math.min(400, e.deltaY * lines));
    this.zoomBy(x, y, Math.exp(-delta * 0.0015));
  }

  private onKey(e: KeyboardEvent) {
    const step = 60;
    const { width, height } = this.viewport;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => this.moveBy(step, 0),
      ArrowRight: () => this.moveBy(-step, 0),
      ArrowUp: () => this.moveBy(0, step),
      ArrowDown: () => this.moveBy(0, -step),
      '+': () => this.zoomBy(width / 2, height / 2, 1.25),
      '=': () => this.zoomBy(width / 2, height / 2, 1.25),
      '-': () => this.zoomBy(width / 2, height / 2, 0.8),
      '0': () => {
        this.animation = null;
        this.autoFit = true;
        this.fit();
        this.lastInput = -Infinity;
        this.requestDraw();
      },
    };
    const action = moves[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  }

  // -- gestures: the camera moves at once, the picture follows by CSS transform --

  private input() {
    this.animation = null;
    this.autoFit = false;
    this.lastInput = performance.now();
    if (this.hover >= 0) this.setHover(-1);
    this.requestDraw();
  }

  private moveBy(dx: number, dy: number) {
    this.camera = panBy(this.camera, dx, dy);
    this.input();
  }

  private zoomBy(x: number, y: number, factor: number) {
    // Within 1/20 and 200 times the fitted scale.
    const scale = this.camera.scale;
    const next = Math.min(this.fitScale * 200, Math.max(this.fitScale / 20, scale * factor));
    this.camera = zoomAt(this.camera, this.viewport, x, y, next / scale);
    this.input();
  }
}
