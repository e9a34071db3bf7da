import { describe, expect, it } from 'vitest';
import {
  buildScene,
  hiddenEdges,
  MAX_RADIUS,
  MIN_RADIUS,
  neighboursOf,
  sizeByWeight,
} from './scene';
import type { CanvasNode } from './index';

const node = (id: string, weight: number, community = 0): CanvasNode => ({
  id,
  label: id.toUpperCase(),
  kind: 'person',
  weight,
  community,
});

describe('buildScene', () => {
  const nodes = [node('a', 1), node('b', 4), node('c', 9), node('d', 0)];
  const scene = buildScene(nodes, [
    { source: 'a', target: 'b', weight: 1 },
    { source: 'b', target: 'a', weight: 2 }, // the same pair: weights add
    { source: 'c', target: 'b', weight: 5 },
    { source: 'a', target: 'a', weight: 7 }, // a loop: dropped
    { source: 'a', target: 'zzz', weight: 7 }, // an unknown node: dropped
    { source: 'd', target: 'c', weight: 1 },
  ]);

  it('keeps each pair once, heaviest first', () => {
    const edges = Array.from(scene.source, (s, k) => [
      nodes[s]!.id,
      nodes[scene.target[k]!]!.id,
      scene.edgeWeight[k],
    ]);
    expect(edges).toEqual([
      ['b', 'c', 5],
      ['a', 'b', 3],
      ['c', 'd', 1],
    ]);
  });

  it('knows every node’s neighbours', () => {
    const names = (i: number) => [...neighboursOf(scene, i)].map((j) => nodes[j]!.id).sort();
    expect(names(0)).toEqual(['b']);
    expect(names(1)).toEqual(['a', 'c']);
    expect(names(2)).toEqual(['b', 'd']);
    expect(names(3)).toEqual(['c']);
  });

  it('sizes nodes and edges by weight and orders nodes heaviest first', () => {
    expect([...scene.byWeight]).toEqual([2, 1, 0, 3]);
    expect(scene.radius[2]).toBeCloseTo(MAX_RADIUS);
    expect(scene.radius[3]).toBeCloseTo(MIN_RADIUS);
    expect(scene.radius[1]!).toBeGreaterThan(scene.radius[0]!);
    expect(scene.thickness[0]!).toBeGreaterThan(scene.thickness[1]!);
    expect(scene.thickness[1]!).toBeGreaterThan(scene.thickness[2]!);
  });

  it('sizes by the square root of the weight, within bounds', () => {
    expect(sizeByWeight(25, 100, 0, 10)).toBeCloseTo(5);
    expect(sizeByWeight(0, 100, 2, 10)).toBe(2);
    expect(sizeByWeight(500, 100, 2, 10)).toBe(10);
    expect(sizeByWeight(1, 0, 2, 10)).toBe(2);
  });

  it('maps each given edge to its scene edge, and hides a scene edge only when all of its are hidden', () => {
    expect([...scene.edgeOf]).toEqual([1, 1, 0, -1, -1, 2]);
    const none = hiddenEdges(scene, null);
    expect([...none]).toEqual([0, 0, 0]);
    // a–b came twice (edges 0 and 1): hiding one of them leaves it shown.
    expect([...hiddenEdges(scene, new Set([0, 5]))]).toEqual([0, 0, 1]);
    expect([...hiddenEdges(scene, new Set([0, 1, 2]))]).toEqual([1, 1, 0]);
  });

  it('copes with no edges and no nodes', () => {
    expect(buildScene([], []).source.length).toBe(0);
    const lone = buildScene([node('x', 3)], []);
    expect(neighboursOf(lone, 0).length).toBe(0);
  });
});
