import {
  applyScreenTransform,
  boundsOf,
  fitCamera,
  interpolate,
  toGraph,
  toScreen,
  type Camera,
  type Viewport,
} from './camera';
import { cssRgba, parseColor, unit, type Rgba } from './colors';
import { labelCap, selectLabels, type PlacedLabel } from './labels';
import type { LayoutAnswer, LayoutRequest } from './layout-protocol';
import { buildScene, neighboursOf, type Scene } from './scene';
import { seedPositions } from './seed';
import { toSvg } from './svg';
import { FLAG_EMPHASIZED, FLAG_HIDDEN, GraphGl } from './webgl';

// The Graph view's drawing surface: a WebGL canvas of nodes and edges, a 2D
// canvas of labels above it, ForceAtlas2 in a worker. Built for software
// WebGL (SwiftShader), where every pixel drawn costs: while the camera moves
// the last picture is moved as an image (a CSS transform of the stage) and
// drawn again, crisp, once the gesture rests; the layout's positions reach the
// GPU as one small texture, so layout steps never rebuild edge buffers.

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

interface Gesture {
  /** The stage's transform: screen point p of the last picture shows at p * s + (tx, ty). */
  tx: number;
  ty: number;
  s: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class GraphCanvas {
  private readonly options: GraphCanvasOptions;
  private readonly root: HTMLDivElement;
  private readonly stage: HTMLDivElement;
  private readonly labelCanvas: HTMLCanvasElement;
  private readonly labels2d: CanvasRenderingContext2D;
  private readonly gl: GraphGl;
  private readonly resizeObserver: ResizeObserver | null;
  private worker: Worker | null = null;
  private run = 0;
  private layoutRunning = false;

  private scene: Scene = buildScene([], []);
  private xy: Float32Array = new Float32Array(0);
  private flags = new Uint8Array(0);
  private hidden: ReadonlySet<string> | null = null;
  private focus = -1;
  private hover = -1;
  private density = 0.5;
  private labelWidths: Float32Array = new Float32Array(0);
  private placed: PlacedLabel[] = [];

  private colorOf: ((node: CanvasNode) => string) | null = null;
  private nodeRgba: Rgba[] = [];
  private edgeRgba: Rgba = [153, 153, 153, 0.5];
  private labelRgba: Rgba = [34, 34, 34, 1];
  private backgroundRgba: Rgba = [255, 255, 255, 1];
  private labelColor = '#222';
  private background = '#fff';

  private viewport: Viewport = { width: 1, height: 1 };
  private camera: Camera = { x: 0, y: 0, scale: 1 };
  /** The scale at which the whole graph fits: node sizes grow gently beyond it. */
  private fitScale = 1;
  /** Follow the layout with the camera until the user moves it. */
  private autoFit = true;
  private gesture: Gesture | null = null;
  private animation: number | null = null;
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
    this.listen(glCanvas, 'webglcontextlost', (e) => e.preventDefault());
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
    this.labelWidths = new Float32Array(n).fill(-1);
    this.hover = -1;
    this.focus = focusId !== undefined ? (scene.index.get(focusId) ?? -1) : -1;
    this.gl.setScene(scene);
    this.applyColors();
    this.applyFlags();
    this.fit();
    this.autoFit = true;
    this.draw();
    if (missing > 0 && opts.layout !== false && n > 1) this.startLayout();
    else this.afterFrame(() => this.options.onLayoutProgress?.('settled'));
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
    this.applyColors();
    this.requestDraw();
  }

  setHidden(hidden: ReadonlySet<string> | null): void {
    this.hidden = hidden && hidden.size ? hidden : null;
    this.applyFlags();
    if (this.hover >= 0 && this.isHidden(this.hover)) this.setHover(-1);
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
    this.settleGesture();
    const from = this.camera;
    const to: Camera = {
      x: this.xy[2 * i]!,
      y: this.xy[2 * i + 1]!,
      scale: Math.max(from.scale, this.fitScale * 3),
    };
    if (this.animation !== null) cancelAnimationFrame(this.animation);
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / FOCUS_MS);
      const eased = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      this.camera = interpolate(from, to, eased);
      this.draw();
      this.animation = t < 1 ? requestAnimationFrame(step) : null;
    };
    this.animation = requestAnimationFrame(step);
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
    this.settleGesture();
    // Drawn and copied in one task: the WebGL buffer is not preserved past it.
    this.draw();
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
    this.settleGesture();
    return toSvg({
      scene: this.scene,
      xy: this.xy,
      hidden: (i) => this.isHidden(i),
      focus: this.focus,
      emphasized: (i) => (this.flags[i]! & FLAG_EMPHASIZED) !== 0,
      camera: this.camera,
      viewport: this.viewport,
      sizeZoom: this.sizeZoom(),
      edgeCount: this.edgeBudget(),
      nodeColor: (i) => this.nodeRgba[i] ?? [153, 153, 153, 1],
      edgeColor: this.edgeRgba,
      focusEdgeColor: this.focusEdgeRgba(),
      labelColor: this.labelRgba,
      background: this.backgroundRgba,
      labels: this.placeLabels(),
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
    this.draw();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopLayout();
    this.worker?.terminate();
    this.worker = null;
    if (this.gesture?.timer) clearTimeout(this.gesture.timer);
    for (const id of [this.animation, this.frame, this.hoverFrame])
      if (id !== null) cancelAnimationFrame(id);
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
    this.applyFlags();
    if (this.autoFit && !this.gesture) this.fit();
    this.requestDraw();
    if (answer.settled) this.finishLayout();
  }

  private finishLayout() {
    if (!this.layoutRunning) return;
    this.layoutRunning = false;
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
    this.gl.setNodes(this.xy, flags);
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

  private sizeZoom(): number {
    return Math.min(3, Math.max(0.6, Math.sqrt(this.camera.scale / this.fitScale)));
  }

  private edgeBudget(): number {
    return this.scene.source.length;
  }

  private requestDraw() {
    if (this.frame !== null || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private afterFrame(fn: () => void) {
    requestAnimationFrame(() => setTimeout(fn, 0));
  }

  /** Draws now, with the current camera; a gesture's transform, if any, still applies on top. */
  private draw() {
    if (this.destroyed) return;
    if (this.frame !== null) {
      cancelAnimationFrame(this.frame);
      this.frame = null;
    }
    const pixelRatio = window.devicePixelRatio || 1;
    this.gl.draw({
      camera: this.camera,
      viewport: this.viewport,
      pixelRatio,
      sizeZoom: this.sizeZoom(),
      focus: this.focus,
      edgeCount: this.edgeBudget(),
      background: unit(this.backgroundRgba),
      edgeColor: unit(this.edgeRgba),
      focusEdgeColor: unit(this.focusEdgeRgba()),
    });
    this.drawLabels(pixelRatio);
  }

  private placeLabels(): PlacedLabel[] {
    const ctx = this.labels2d;
    ctx.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
    const forced: number[] = [];
    if (this.hover >= 0) forced.push(this.hover);
    if (this.focus >= 0) {
      forced.push(this.focus);
      const neighbours = [...neighboursOf(this.scene, this.focus)].sort(
        (a, b) => this.scene.nodes[b]!.weight - this.scene.nodes[a]!.weight,
      );
      forced.push(...neighbours.slice(0, 30));
    }
    const sizeZoom = this.sizeZoom();
    return selectLabels({
      order: this.scene.byWeight,
      xy: this.xy,
      radius: (i) => this.scene.radius[i]! * sizeZoom,
      hidden: (i) => this.isHidden(i),
      width: (i) => {
        let w = this.labelWidths[i]!;
        if (w < 0) w = this.labelWidths[i] = ctx.measureText(this.scene.nodes[i]!.label).width;
        return w;
      },
      height: LINE_HEIGHT,
      camera: this.camera,
      viewport: this.viewport,
      cap: labelCap(this.density, this.viewport),
      forced,
    });
  }

  private drawLabels(pixelRatio: number) {
    const canvas = this.labelCanvas;
    const width = Math.round(this.viewport.width * pixelRatio);
    const height = Math.round(this.viewport.height * pixelRatio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = this.labels2d;
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.clearRect(0, 0, this.viewport.width, this.viewport.height);
    this.placed = this.placeLabels();
    if (this.hover >= 0) {
      const [x, y] = toScreen(
        this.camera,
        this.viewport,
        this.xy[2 * this.hover]!,
        this.xy[2 * this.hover + 1]!,
      );
      ctx.beginPath();
      ctx.arc(x, y, this.scene.radius[this.hover]! * this.sizeZoom() + 2.5, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = this.labelColor;
      ctx.stroke();
    }
    ctx.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = cssRgba(this.backgroundRgba, 0.85);
    ctx.fillStyle = this.labelColor;
    for (const label of this.placed) {
      const text = this.scene.nodes[label.node]!.label;
      const y = label.y + LINE_HEIGHT / 2;
      ctx.strokeText(text, label.x, y);
      ctx.fillText(text, label.x, y);
    }
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
    const t = this.gesture;
    // Under a gesture the picture is transformed: undo that first.
    if (t) {
      sx = (sx - t.tx) / t.s;
      sy = (sy - t.ty) / t.s;
    }
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
    if (!this.gesture) this.drawLabelsOnly();
  }

  private drawLabelsOnly() {
    if (this.frame !== null) return;
    this.drawLabels(window.devicePixelRatio || 1);
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
    if (this.gesture || this.hoverFrame !== null) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = null;
      if (!this.destroyed && !this.pointer) this.setHover(this.pick(x, y));
    });
  }

  private onPointerUp(e: PointerEvent, cancelled = false) {
    const p = this.pointer;
    if (!p || p.id !== e.pointerId) return;
    this.pointer = null;
    this.root.releasePointerCapture?.(e.pointerId);
    if (p.dragging) {
      this.settleGesture();
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
        this.settleGesture();
        this.autoFit = true;
        this.fit();
        this.draw();
      },
    };
    const action = moves[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  }

  // -- gestures: move the last picture, draw again when the input rests ---------

  private beginGesture(): Gesture {
    if (this.animation !== null) {
      cancelAnimationFrame(this.animation);
      this.animation = null;
    }
    this.autoFit = false;
    if (!this.gesture) this.gesture = { tx: 0, ty: 0, s: 1, timer: undefined };
    if (this.hover >= 0) this.setHover(-1);
    return this.gesture;
  }

  private moveBy(dx: number, dy: number) {
    const g = this.beginGesture();
    g.tx += dx;
    g.ty += dy;
    this.showGesture(g);
  }

  private zoomBy(x: number, y: number, factor: number) {
    const g = this.beginGesture();
    // Keep the scale within 1/20 and 200 times the fitted one.
    const scale = this.camera.scale * g.s;
    const next = Math.min(this.fitScale * 200, Math.max(this.fitScale / 20, scale * factor));
    const f = next / scale;
    g.tx = f * g.tx + x * (1 - f);
    g.ty = f * g.ty + y * (1 - f);
    g.s *= f;
    this.showGesture(g);
  }

  private showGesture(g: Gesture) {
    this.stage.style.transform = `translate(${g.tx}px, ${g.ty}px) scale(${g.s})`;
    clearTimeout(g.timer);
    g.timer = setTimeout(() => this.settleGesture(), REST_MS);
  }

  /** Ends a gesture: the camera takes over the stage's transform and the view is drawn crisp. */
  private settleGesture() {
    const g = this.gesture;
    if (!g) return;
    clearTimeout(g.timer);
    this.gesture = null;
    this.camera = applyScreenTransform(this.camera, this.viewport, g.tx, g.ty, g.s);
    this.draw();
    this.stage.style.transform = '';
  }
}
