import { nodeIndex, type DeskGraph, type GraphEdges } from './model';

// The neighbourhood of one node: every node within `hops` edges of it, and the
// edges among them. Order, weights and story lists stay those of the whole graph.

export function egoGraph(graph: DeskGraph, id: string, hops: number): DeskGraph {
  const centre = nodeIndex(graph, id);
  if (centre < 0) throw new RangeError(`There is no node “${id}” in the graph.`);
  if (!Number.isInteger(hops) || hops < 0)
    throw new RangeError(`hops is a whole number of 0 or more, not ${hops}`);
  const { count, source, target } = graph.edges;
  const n = graph.nodes.length;

  // Adjacency in compressed rows: node v's neighbours are adjacent[start[v] .. start[v + 1]].
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) {
    start[source[i]! + 1]!++;
    start[target[i]! + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const adjacent = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    adjacent[fill[source[i]!]!++] = target[i]!;
    adjacent[fill[target[i]!]!++] = source[i]!;
  }

  const kept = new Uint8Array(n);
  kept[centre] = 1;
  let frontier = [centre];
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const next: number[] = [];
    for (const v of frontier)
      for (let j = start[v]!; j < start[v + 1]!; j++) {
        const w = adjacent[j]!;
        if (kept[w]) continue;
        kept[w] = 1;
        next.push(w);
      }
    frontier = next;
  }
  return subgraph(graph, kept);
}

/**
 * The nodes marked in `keep` and the edges between them (those `edge(i)`
 * accepts, when given), renumbered, in the same order.
 */
export function subgraph(
  graph: DeskGraph,
  keep: Uint8Array,
  edge: (i: number) => boolean = () => true,
): DeskGraph {
  const renumber = new Int32Array(graph.nodes.length).fill(-1);
  const nodes = graph.nodes.filter((_, v) => keep[v]);
  let next = 0;
  for (let v = 0; v < renumber.length; v++) if (keep[v]) renumber[v] = next++;
  const e = graph.edges;
  const picked: number[] = [];
  let stories = 0;
  for (let i = 0; i < e.count; i++)
    if (keep[e.source[i]!] && keep[e.target[i]!] && edge(i)) {
      picked.push(i);
      stories += e.storyStart[i + 1]! - e.storyStart[i]!;
    }
  const out: GraphEdges = {
    count: picked.length,
    source: new Int32Array(picked.length),
    target: new Int32Array(picked.length),
    weight: new Int32Array(picked.length),
    storyStart: new Int32Array(picked.length + 1),
    storyIndex: new Int32Array(stories),
  };
  let s = 0;
  picked.forEach((i, k) => {
    out.source[k] = renumber[e.source[i]!]!;
    out.target[k] = renumber[e.target[i]!]!;
    out.weight[k] = e.weight[i]!;
    out.storyStart[k] = s;
    for (let j = e.storyStart[i]!; j < e.storyStart[i + 1]!; j++)
      out.storyIndex[s++] = e.storyIndex[j]!;
  });
  out.storyStart[picked.length] = s;
  return { nodes, edges: out, stories: graph.stories };
}
