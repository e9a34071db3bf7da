import { toScreen, type Camera, type Viewport } from './camera';

// Which labels to draw: the heaviest nodes on screen first, each label kept
// only where it overlaps none already placed, at most `cap` of them; the
// forced ones (the hovered and highlighted nodes and their neighbours) come
// before all others. Text is drawn on a 2D canvas, so fewer labels is the
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
  forced?: readonly number[];
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

export function selectLabels(input: LabelInput): PlacedLabel[] {
  const { camera, viewport, height } = input;
  const placed: PlacedLabel[] = [];
  const seen = new Set<number>();
  const fits = (x: number, y: number, w: number) =>
    placed.every(
      (p) => x >= p.x + p.width + 2 || p.x >= x + w + 2 || y >= p.y + height || p.y >= y + height,
    );
  const consider = (i: number, forced: boolean) => {
    if (seen.has(i) || input.hidden(i)) return;
    seen.add(i);
    const [sx, sy] = toScreen(camera, viewport, input.xy[2 * i]!, input.xy[2 * i + 1]!);
    const w = input.width(i);
    const x = sx + input.radius(i) + 3;
    const y = sy - height / 2;
    if (x > viewport.width || x + w < 0 || y > viewport.height || y + height < 0) return;
    if (!forced && !fits(x, y, w)) return;
    placed.push({ node: i, x, y, width: w });
  };
  for (const i of input.forced ?? []) consider(i, true);
  const cap = Math.max(input.cap, placed.length);
  for (let k = 0; k < input.order.length && placed.length < cap; k++)
    consider(input.order[k]!, false);
  return placed;
}
