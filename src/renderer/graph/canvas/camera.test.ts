import { describe, expect, it } from 'vitest';
import {
  FIT_PADDING,
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
} from './camera';

const viewport = { width: 800, height: 600 };
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 6);

describe('camera', () => {
  it('maps graph to screen and back', () => {
    const camera: Camera = { x: 10, y: -5, scale: 3 };
    const [sx, sy] = toScreen(camera, viewport, 12, 7);
    const [gx, gy] = toGraph(camera, viewport, sx, sy);
    close(gx, 12);
    close(gy, 7);
    expect(toScreen(camera, viewport, 10, -5)).toEqual([400, 300]);
  });

  it('fits the bounds inside the viewport, padded, with room for labels on the right', () => {
    const xy = new Float32Array([0, 0, 100, 50, -20, 10]);
    const bounds = boundsOf(xy, 3)!;
    expect(bounds).toEqual({ minX: -20, minY: 0, maxX: 100, maxY: 50 });
    const camera = fitCamera(bounds, viewport);
    const [left, top] = toScreen(camera, viewport, bounds.minX, bounds.minY);
    const [right, bottom] = toScreen(camera, viewport, bounds.maxX, bounds.maxY);
    close(left, FIT_PADDING);
    expect(right).toBeLessThan(viewport.width - FIT_PADDING - 100);
    expect(top).toBeGreaterThanOrEqual(FIT_PADDING - 1e-6);
    expect(bottom).toBeLessThanOrEqual(viewport.height - FIT_PADDING + 1e-6);
  });

  it('leaves hidden nodes out of the bounds, and has none when all are hidden', () => {
    const xy = new Float32Array([0, 0, 100, 50, 1000, 1000]);
    expect(boundsOf(xy, 3, (i) => i === 2)).toEqual({ minX: 0, minY: 0, maxX: 100, maxY: 50 });
    expect(boundsOf(xy, 3, () => true)).toBeNull();
    expect(fitCamera(null, viewport)).toEqual({ x: 0, y: 0, scale: 1 });
  });

  it('zooms about the pointer: the graph point under it stays under it', () => {
    const camera: Camera = { x: 3, y: 4, scale: 2 };
    const before = toGraph(camera, viewport, 123, 456);
    const zoomed = zoomAt(camera, viewport, 123, 456, 2.5);
    const after = toGraph(zoomed, viewport, 123, 456);
    close(after[0], before[0]);
    close(after[1], before[1]);
    close(zoomed.scale, 5);
  });

  it('pans with the pointer', () => {
    const camera: Camera = { x: 0, y: 0, scale: 2 };
    const moved = panBy(camera, 40, -20);
    const [sx, sy] = toScreen(moved, viewport, 0, 0);
    close(sx, 440);
    close(sy, 280);
  });

  it('turns a change of camera into the CSS transform that moves the old picture there', () => {
    const from: Camera = { x: 5, y: 5, scale: 2 };
    const to = zoomAt(panBy(from, 30, 10), viewport, 100, 200, 1.7);
    const t = pictureTransform(from, to, viewport);
    for (const [gx, gy] of [
      [0, 0],
      [17, -3],
      [-40, 80],
    ] as const) {
      const [px, py] = toScreen(from, viewport, gx, gy);
      const [qx, qy] = toScreen(to, viewport, gx, gy);
      close(px * t.s + t.tx, qx);
      close(py * t.s + t.ty, qy);
    }
    expect(pictureTransform(from, from, viewport)).toEqual({ s: 1, tx: 0, ty: 0 });
  });

  it('interpolates from one camera to another, scale geometrically', () => {
    const a: Camera = { x: 0, y: 0, scale: 1 };
    const b: Camera = { x: 10, y: 20, scale: 4 };
    expect(interpolate(a, b, 0)).toEqual(a);
    expect(interpolate(a, b, 1)).toEqual(b);
    close(interpolate(a, b, 0.5).scale, 2);
  });

  it('focuses a node with most of its neighbours on screen, within 1 to 8 times the fitted scale', () => {
    // Node 0 at the origin; neighbours 1..10 at distance 10, one far at 1000.
    const xy = new Float32Array(2 * 12);
    for (let k = 1; k <= 10; k++) {
      xy[2 * k] = 10 * Math.cos(k);
      xy[2 * k + 1] = 10 * Math.sin(k);
    }
    xy[22] = 1000;
    const neighbours = Array.from({ length: 11 }, (_, k) => k + 1);
    const camera = focusCamera(xy, 0, neighbours, 0.1, viewport);
    expect(camera.x).toBe(0);
    expect(camera.y).toBe(0);
    let onScreen = 0;
    for (const j of neighbours) {
      const [sx, sy] = toScreen(camera, viewport, xy[2 * j]!, xy[2 * j + 1]!);
      if (sx >= 0 && sx <= viewport.width && sy >= 0 && sy <= viewport.height) onScreen++;
    }
    expect(onScreen).toBe(10);
    expect(camera.scale).toBeLessThanOrEqual(0.8);
    expect(focusCamera(xy, 0, [], 0.1, viewport).scale).toBeCloseTo(0.3);
    // One far neighbour: zoomed out to show it (340 px / 1000 units), never below the fit.
    expect(focusCamera(xy, 0, [11], 0.1, viewport).scale).toBeCloseTo(0.34);
    expect(focusCamera(xy, 0, [11], 0.5, viewport).scale).toBeCloseTo(0.5);
  });
});
