import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { DeskGraph } from './model';

// Clusters of entities that are mentioned together (Louvain, on edge weights).
// Louvain breaks ties at random: a fixed seed makes the same graph give the
// same clusters, and clusters are numbered in node order, so community 0 is
// the one of the first node.

const SEED = 0x5eed;

/** Node id → community number (0, 1, ...). */
export function communities(graph: DeskGraph): Map<string, number> {
  const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const node of graph.nodes) g.addNode(node.id);
  const { count, source, target, weight } = graph.edges;
  for (let i = 0; i < count; i++)
    g.mergeEdge(graph.nodes[source[i]!]!.id, graph.nodes[target[i]!]!.id, { weight: weight[i]! });
  const raw = g.size === 0 ? {} : louvain(g, { getEdgeWeight: 'weight', rng: mulberry32(SEED) });
  const renumber = new Map<number, number>();
  const result = new Map<string, number>();
  for (const node of graph.nodes) {
    // A node Louvain did not place (no edges at all) is a community of its own.
    const key = raw[node.id] ?? -1 - result.size;
    let c = renumber.get(key);
    if (c === undefined) renumber.set(key, (c = renumber.size));
    result.set(node.id, c);
  }
  return result;
}

/** A small seeded generator (mulberry32): deterministic, good enough for tie-breaking. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
