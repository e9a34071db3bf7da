// @ts-expect-error -- the package ships no types for this module; typed below.
import iterateUntyped from 'graphology-layout-forceatlas2/iterate';

const iterate = iterateUntyped as (
  options: Record<string, number | boolean>,
  nodes: Float32Array,
  edges: Float32Array,
) => void;

// ForceAtlas2 on flat arrays, as graphology-layout-forceatlas2 lays them out
// (10 floats a node, 3 an edge), with the settings its inferSettings gives a
// graph of this order, and a measure of how far the nodes still move so the
// layout can stop by itself. Pure: runs in the worker and in unit tests.

const PPN = 10;
const PPE = 3;

export interface Fa2State {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, number | boolean>;
  count: number;
}

export function fa2State(
  xy: Float32Array,
  source: Uint32Array,
  target: Uint32Array,
  weight: Float32Array,
): Fa2State {
  const count = xy.length / 2;
  const nodes = new Float32Array(count * PPN);
  for (let i = 0; i < count; i++) {
    nodes[i * PPN] = xy[2 * i]!;
    nodes[i * PPN + 1] = xy[2 * i + 1]!;
    nodes[i * PPN + 6] = 1; // mass: 1 + weighted degree, below
    nodes[i * PPN + 7] = 1; // convergence
    nodes[i * PPN + 8] = 1; // size
  }
  const m = source.length;
  const edges = new Float32Array(m * PPE);
  for (let k = 0; k < m; k++) {
    const s = source[k]! * PPN;
    const t = target[k]! * PPN;
    const w = weight[k]!;
    edges[k * PPE] = s;
    edges[k * PPE + 1] = t;
    edges[k * PPE + 2] = w;
    nodes[s + 6]! += w;
    nodes[t + 6]! += w;
  }
  return {
    nodes,
    edges,
    count,
    settings: {
      linLogMode: false,
      outboundAttractionDistribution: false,
      adjustSizes: false,
      // Heavy co-mentions pull harder, but not in proportion: a desk's
      // strongest edge can weigh a thousand times its weakest.
      edgeWeightInfluence: 0.5,
      scalingRatio: 10,
      strongGravityMode: true,
      gravity: 0.05,
      slowDown: 1 + Math.log(Math.max(count, 1)),
      barnesHutOptimize: count > 500,
      barnesHutTheta: 1.0,
    },
  };
}

/**
 * One iteration; returns the mean distance a node moved, relative to the
 * layout's extent (the square root of its bounding box's area).
 */
export function fa2Step(state: Fa2State): number {
  const { nodes, count } = state;
  const before = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    before[2 * i] = nodes[i * PPN]!;
    before[2 * i + 1] = nodes[i * PPN + 1]!;
  }
  iterate(state.settings, nodes, state.edges);
  let moved = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = nodes[i * PPN]!;
    const y = nodes[i * PPN + 1]!;
    moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const extent = Math.sqrt(Math.max((maxX - minX) * (maxY - minY), 1e-9));
  return count ? moved / count / extent : 0;
}

export function fa2Positions(state: Fa2State): Float32Array {
  const xy = new Float32Array(state.count * 2);
  for (let i = 0; i < state.count; i++) {
    xy[2 * i] = state.nodes[i * PPN]!;
    xy[2 * i + 1] = state.nodes[i * PPN + 1]!;
  }
  return xy;
}
