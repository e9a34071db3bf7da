import { describe, expect, it } from 'vitest';
import { labelCap, selectLabels, type LabelInput } from './labels';

const viewport = { width: 400, height: 300 };
const camera = { x: 0, y: 0, scale: 1 };

/** Nodes on a grid 50 px apart, centred, heaviest first in index order. */
function input(overrides: Partial<LabelInput> = {}): LabelInput {
  const n = 48;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = (i % 8) * 50 - 190;
    xy[2 * i + 1] = Math.floor(i / 8) * 50 - 140;
  }
  return {
    order: Array.from({ length: n }, (_, i) => i),
    xy,
    radius: () => 3,
    hidden: () => false,
    width: () => 40,
    height: 14,
    camera,
    viewport,
    cap: 100,
    ...overrides,
  };
}

const overlaps = (a: { x: number; y: number; width: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + 14 && b.y < a.y + 14;

describe('selectLabels', () => {
  it('takes the heaviest first, up to the cap', () => {
    const placed = selectLabels(input({ cap: 5 }));
    expect(placed.map((p) => p.node)).toEqual([0, 1, 2, 3, 4]);
  });

  it('places no two labels over each other', () => {
    const placed = selectLabels(input({ width: () => 90 }));
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(48);
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it('leaves out hidden nodes and nodes off screen', () => {
    const placed = selectLabels(
      input({ hidden: (i) => i % 2 === 0, camera: { x: -150, y: 0, scale: 1 } }),
    );
    expect(placed.every((p) => p.node % 2 === 1)).toBe(true);
    expect(placed.every((p) => p.x < viewport.width)).toBe(true);
    expect(placed.length).toBeLessThan(24);
  });

  it('puts the forced labels first, even over others and beyond the cap', () => {
    const placed = selectLabels(input({ cap: 0, forced: [47, 46] }));
    expect(placed.map((p) => p.node)).toEqual([47, 46]);
    const wide = selectLabels(input({ width: () => 300, cap: 10, forced: [5] }));
    expect(wide[0]!.node).toBe(5);
  });

  it('considers the preferred before the rest, still kept apart', () => {
    const placed = selectLabels(input({ cap: 3, preferred: [40, 41] }));
    expect(placed.map((p) => p.node)).toEqual([40, 41, 0]);
    const crowded = selectLabels(input({ width: () => 300, cap: 10, preferred: [0, 1] }));
    // Node 1's label would cover node 0's: left out.
    expect(crowded.map((p) => p.node)).not.toContain(1);
  });

  it('puts a label to the right of its node, vertically centred', () => {
    const [first] = selectLabels(input({ cap: 1 }));
    expect(first).toEqual({ node: 0, x: 200 - 190 + 3 + 3, y: 150 - 140 - 7, width: 40 });
  });
});

describe('labelCap', () => {
  it('grows with the density and the viewport, from none', () => {
    expect(labelCap(0, { width: 1000, height: 1000 })).toBe(0);
    expect(labelCap(1, { width: 1000, height: 1000 })).toBe(200);
    expect(labelCap(0.5, { width: 1000, height: 1000 })).toBe(100);
    expect(labelCap(7, { width: 1000, height: 1000 })).toBe(200);
    expect(labelCap(-1, { width: 1000, height: 1000 })).toBe(0);
  });
});
