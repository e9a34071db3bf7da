// The view: which graph point sits at the viewport's centre and how many CSS
// pixels a graph unit spans. Graph y grows downwards, as the screen's does.

export interface Camera {
  x: number;
  y: number;
  /** CSS pixels per graph unit. */
  scale: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Screen padding kept around a fitted graph, in CSS pixels. */
export const FIT_PADDING = 24;
export const LABEL_ROOM = 0.15;

export function toScreen(
  camera: Camera,
  viewport: Viewport,
  x: number,
  y: number,
): [number, number] {
  return [
    (x - camera.x) * camera.scale + viewport.width / 2,
    (y - camera.y) * camera.scale + viewport.height / 2,
  ];
}

export function toGraph(
  camera: Camera,
  viewport: Viewport,
  sx: number,
  sy: number,
): [number, number] {
  return [
    (sx - viewport.width / 2) / camera.scale + camera.x,
    (sy - viewport.height / 2) / camera.scale + camera.y,
  ];
}

/** The bounds of the positions of the nodes not hidden; null when none is shown. */
export function boundsOf(
  xy: Float32Array,
  count: number,
  hidden?: (i: number) => boolean,
): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    if (hidden?.(i)) continue;
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/**
 * The camera that shows all of `bounds` with FIT_PADDING around it, and on
 * the right room for the labels of the rightmost nodes (labels are drawn to
 * the right of their node): LABEL_ROOM of the width, at most 110 px.
 */
export function fitCamera(bounds: Bounds | null, viewport: Viewport): Camera {
  if (!bounds) return { x: 0, y: 0, scale: 1 };
  const w = Math.max(bounds.maxX - bounds.minX, 1e-6);
  const h = Math.max(bounds.maxY - bounds.minY, 1e-6);
  const left = FIT_PADDING;
  const right = FIT_PADDING + Math.min(110, viewport.width * LABEL_ROOM);
  const roomX = Math.max(viewport.width - left - right, 1);
  const roomY = Math.max(viewport.height - 2 * FIT_PADDING, 1);
  let scale = Math.min(roomX / w, roomY / h);
  if (!Number.isFinite(scale) || scale <= 0) scale = 1;
  return {
    x: (bounds.minX + bounds.maxX) / 2 - (left - right) / (2 * scale),
    y: (bounds.minY + bounds.maxY) / 2,
    scale,
  };
}

/** Zoom by `factor` keeping the graph point under the screen point (sx, sy) in place. */
export function zoomAt(
  camera: Camera,
  viewport: Viewport,
  sx: number,
  sy: number,
  factor: number,
): Camera {
  const [gx, gy] = toGraph(camera, viewport, sx, sy);
  const scale = camera.scale * factor;
  return {
    x: gx - (sx - viewport.width / 2) / scale,
    y: gy - (sy - viewport.height / 2) / scale,
    scale,
  };
}

/** Pan by a screen offset: the graph follows the pointer. */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { x: camera.x - dx / camera.scale, y: camera.y - dy / camera.scale, scale: camera.scale };
}

/**
 * The CSS transform (`translate(tx, ty) scale(s)`, origin top left) that
 * moves a picture drawn with camera `from` to where camera `to` shows it:
 * screen point p of the picture lands on p * s + (tx, ty).
 */
export function pictureTransform(
  from: Camera,
  to: Camera,
  viewport: Viewport,
): { tx: number; ty: number; s: number } {
  // p = (g - from) * from.scale + v/2 and p' = (g - to) * to.scale + v/2.
  const s = to.scale / from.scale;
  return {
    s,
    tx: (viewport.width / 2) * (1 - s) + (from.x - to.x) * to.scale,
    ty: (viewport.height / 2) * (1 - s) + (from.y - to.y) * to.scale,
  };
}

export function interpolate(a: Camera, b: Camera, t: number): Camera {
  // Scale interpolated geometrically, so zooming feels even.
  const scale = a.scale * Math.pow(b.scale / a.scale, t);
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, scale };
}

/** focusCamera keeps this share of the node's neighbours (the nearest) on screen. */
const FOCUS_SHARE = 0.8;

/**
 * Centred on node i, zoomed so that most of its neighbours (FOCUS_SHARE of
 * them, the nearest) stay on screen: at least the fitted scale, at most 8
 * times it.
 */
export function focusCamera(
  xy: Float32Array,
  i: number,
  neighbours: ArrayLike<number>,
  fitScale: number,
  viewport: Viewport,
): Camera {
  const x = xy[2 * i]!;
  const y = xy[2 * i + 1]!;
  const margin = 60;
  const halfW = Math.max(viewport.width / 2 - margin, 1);
  const halfH = Math.max(viewport.height / 2 - margin, 1);
  // The scale each neighbour needs to be on screen, most generous first.
  const needed: number[] = [];
  for (let k = 0; k < neighbours.length; k++) {
    const j = neighbours[k]!;
    const dx = Math.abs(xy[2 * j]! - x);
    const dy = Math.abs(xy[2 * j + 1]! - y);
    needed.push(Math.min(dx > 0 ? halfW / dx : Infinity, dy > 0 ? halfH / dy : Infinity));
  }
  needed.sort((a, b) => b - a);
  const pick = needed[Math.max(0, Math.ceil(needed.length * FOCUS_SHARE) - 1)];
  const scale = pick !== undefined && Number.isFinite(pick) ? pick : fitScale * 3;
  return { x, y, scale: Math.min(fitScale * 8, Math.max(fitScale, scale)) };
}
