import { toScreen, type Camera, type Viewport } from './camera';

// Which labels to draw: the heaviest nodes on screen first, each label kept
// only where it overlaps none already placed, at most `cap` of them; the
// forced ones (the hovered and highlighted nodes) come before all others,
// placed whatever they cover, then the preferred (the highlighted node's
// neighbours), kept apart like the rest. Text is drawn on a 2D canvas, so fewer labels is the
// difference between a redraw of 2 ms and one of 200.

export interface LabelInput {
  /** Node indices, heaviest first. */
  order: ArrayLike<number>;
  xy: Float32Array;
  /** Rendered radius of node i in CSS pixels. */
  radius(i: number): number;
  hidden(i: number): boolean;
  /** Width of node i's label in CSS pixels. */
  width(i: number): number;
  /** Line height of a label in CSS pixels. */
  height: number;
  camera: Camera;
  viewport: Viewport;
  cap: number;
  /** Placed first, even over others (the hovered and the highlighted node). */
  forced?: readonly number[];
  /** Considered before the rest, still kept apart (the highlighted node's neighbours). */
  preferred?: readonly number[];
}

export interface PlacedLabel {
  node: number;
  /** Left end of the text's baseline box, top-left corner, in CSS pixels. */
  x: number;
  y: number;
  width: number;
}

/** Labels a viewport this big holds at density 1: one per 5,000 square pixels. */
export function labelCap(density: number, viewport: Viewport): number {
  const d = Math.min(1, Math.max(0, density));
  return Math.round(d * ((viewport.width * viewport.height) / 5000));
}

/** Placed label boxes, bucketed by a coarse grid so that a test looks at a few neighbours only. */
class LabelGrid {
  private cells = new Map<number, PlacedLabel[]>();
  constructor(private readonly height: number) {}

  private *keys(x: number, y: number, w: number): Generator<number> {
    const top = Math.floor(y / CELL_HEIGHT);
    const bottom = Math.floor((y + this.height) / CELL_HEIGHT);
    for (let cy = top; cy <= bottom; cy++)
      for (let cx = Math.floor(x / CELL_WIDTH); cx <= Math.floor((x + w) / CELL_WIDTH); cx++)
        yield cy * 100_000 + cx;
  }

  fits(x: number, y: number, w: number): boolean {
    const h = this.height;
    for (const key of this.keys(x - GAP, y, w + 2 * GAP))
      for (const p of this.cells.get(key) ?? [])
        if (!(x >= p.x + p.width + GAP || p.x >= x + w + GAP || y >= p.y + h || p.y >= y + h))
          return false;
    return true;
  }

  add(label: PlacedLabel) {
    for (const key of this.keys(label.x, label.y, label.width)) {
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = []));
      cell.push(label);
    }
  }
}

const CELL_WIDTH = 128;
const CELL_HEIGHT = 32;
/** Horizontal room kept between two labels, in CSS pixels. */
const GAP = 2;

export function selectLabels(input: LabelInput): PlacedLabel[] {
  const { camera, viewport, height } = input;
  const placed: PlacedLabel[] = [];
  const grid = new LabelGrid(height);
  const seen = new Set<number>();
  const consider = (i: number, forced: boolean) => {
    if (seen.has(i) || input.hidden(i)) return;
    seen.add(i);
    const [sx, sy] = toScreen(camera, viewport, input.xy[2 * i]!, input.xy[2 * i + 1]!);
    const x = sx + input.radius(i) + 3;
    const y = sy - height / 2;
    if (x > viewport.width || y > viewport.height || y + height < 0 || sx < -viewport.width) return;
    const w = input.width(i);
    if (x + w < 0) return;
    if (!forced && !grid.fits(x, y, w)) return;
    const label = { node: i, x, y, width: w };
    placed.push(label);
    grid.add(label);
  };
  for (const i of input.forced ?? []) consider(i, true);
  const cap = Math.max(input.cap, placed.length);
  for (const i of input.preferred ?? []) if (placed.length < cap) consider(i, false);
  for (let k = 0; k < input.order.length && placed.length < cap; k++)
    consider(input.order[k]!, false);
  return placed;
}
