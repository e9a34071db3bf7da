import { buildGraph, communities, subgraph, type DeskGraph } from '../../src/shared/graph';
import type { CanvasEdge, CanvasNode } from '../../src/renderer/graph/canvas';
import { generateGraphInput } from './graph';

// A desk-shaped graph of exactly `nodes` nodes and `edges` edges for the
// canvas benchmark: the generated desk of tests/bench/graph.ts (Zipf
// mentions), its `nodes` most mentioned entities, the `edges` strongest
// co-mentions among them, Louvain communities, as the Graph view gets them.

export function canvasGraph(
  nodes: number,
  edges: number,
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const input = generateGraphInput(nodes * 2, 'zipf', 15, nodes * 4);
  const full = buildGraph(input.stories, input.entities);
  const keep = new Uint8Array(full.nodes.length);
  [...full.nodes.keys()]
    .sort((a, b) => full.nodes[b]!.weight - full.nodes[a]!.weight || a - b)
    .slice(0, nodes)
    .forEach((i) => (keep[i] = 1));
  const sub = subgraph(full, keep);
  const { count, source, target, weight } = sub.edges;
  if (sub.nodes.length < nodes || count < edges)
    throw new Error(
      `generated ${sub.nodes.length} nodes / ${count} edges, want ${nodes} / ${edges}`,
    );
  const order = Array.from({ length: count }, (_, i) => i)
    .sort((a, b) => weight[b]! - weight[a]! || a - b)
    .slice(0, edges);
  const community = communities(strongest(sub, order));
  return {
    nodes: sub.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      kind: n.kind,
      weight: n.weight,
      community: community.get(n.id) ?? 0,
    })),
    edges: order.map((i) => ({
      source: sub.nodes[source[i]!]!.id,
      target: sub.nodes[target[i]!]!.id,
      weight: weight[i]!,
    })),
  };
}

function strongest(graph: DeskGraph, order: number[]): DeskGraph {
  const pick = (a: Int32Array) => Int32Array.from(order, (i) => a[i]!);
  return {
    ...graph,
    edges: {
      count: order.length,
      source: pick(graph.edges.source),
      target: pick(graph.edges.target),
      weight: pick(graph.edges.weight),
      storyStart: new Int32Array(order.length + 1),
      storyIndex: new Int32Array(0),
    },
  };
}
