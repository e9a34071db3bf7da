import { describe, expect, it } from 'vitest';
import { fa2Positions, fa2State, fa2Step } from './fa2';
import { buildScene } from './scene';
import { hash, seedPositions } from './seed';
import type { CanvasEdge, CanvasNode } from './index';

/** Two cliques of 12, joined by one edge. */
function twoCliques(): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const nodes: CanvasNode[] = Array.from({ length: 24 }, (_, i) => ({
    id: `n${i}`,
    label: `N${i}`,
    kind: 'person',
    weight: 1,
    community: i < 12 ? 0 : 1,
  }));
  const edges: CanvasEdge[] = [];
  for (const base of [0, 12])
    for (let a = 0; a < 12; a++)
      for (let b = a + 1; b < 12; b++)
        edges.push({ source: `n${base + a}`, target: `n${base + b}`, weight: 1 });
  edges.push({ source: 'n0', target: 'n12', weight: 1 });
  return { nodes, edges };
}

const centroid = (xy: Float32Array, from: number, to: number) => {
  let x = 0;
  let y = 0;
  for (let i = from; i < to; i++) {
    x += xy[2 * i]!;
    y += xy[2 * i + 1]!;
  }
  return [x / (to - from), y / (to - from)] as const;
};

const spread = (xy: Float32Array, from: number, to: number) => {
  const [cx, cy] = centroid(xy, from, to);
  let d = 0;
  for (let i = from; i < to; i++) d += Math.hypot(xy[2 * i]! - cx, xy[2 * i + 1]! - cy);
  return d / (to - from);
};

describe('seedPositions', () => {
  it('is deterministic and puts each community on a disc of its own', () => {
    const { nodes } = twoCliques();
    const ids = nodes.map((n) => n.id);
    const communities = nodes.map((n) => n.community);
    const xy = seedPositions(ids, communities);
    expect(seedPositions(ids, communities)).toEqual(xy);
    const [ax, ay] = centroid(xy, 0, 12);
    const [bx, by] = centroid(xy, 12, 24);
    const apart = Math.hypot(ax - bx, ay - by);
    expect(apart).toBeGreaterThan(spread(xy, 0, 12));
    expect(apart).toBeGreaterThan(spread(xy, 12, 24));
    expect([...xy].every(Number.isFinite)).toBe(true);
  });

  it('hashes strings stably', () => {
    expect(hash('Kyiv')).toBe(hash('Kyiv'));
    expect(hash('Kyiv')).not.toBe(hash('Kyjiv'));
  });
});

describe('ForceAtlas2 on flat arrays', () => {
  it('settles: nodes move less and less, and the two cliques end apart', () => {
    const { nodes, edges } = twoCliques();
    const scene = buildScene(nodes, edges);
    // A poor start: both cliques mixed on one disc.
    const xy = seedPositions(
      nodes.map((n) => n.id),
      nodes.map(() => 0),
    );
    const state = fa2State(xy, scene.source, scene.target, scene.edgeWeight);
    const moves: number[] = [];
    for (let k = 0; k < 300; k++) moves.push(fa2Step(state));
    const early = moves.slice(0, 10).reduce((a, b) => a + b) / 10;
    const late = moves.slice(-10).reduce((a, b) => a + b) / 10;
    expect(late).toBeLessThan(early / 5);
    expect(late).toBeLessThan(1e-2);
    const out = fa2Positions(state);
    const [ax, ay] = centroid(out, 0, 12);
    const [bx, by] = centroid(out, 12, 24);
    expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThan(spread(out, 0, 12) + spread(out, 12, 24));
  });

  it('weighs nodes by their weighted degree', () => {
    const state = fa2State(
      new Float32Array([0, 0, 1, 0, 0, 1]),
      Uint32Array.from([0, 0]),
      Uint32Array.from([1, 2]),
      Float32Array.from([3, 2]),
    );
    // Mass sits at offset 6 of 10 floats a node: 1 + weighted degree.
    expect([state.nodes[6], state.nodes[16], state.nodes[26]]).toEqual([6, 4, 3]);
    expect(state.settings.barnesHutOptimize).toBe(false);
  });
});
