import type { CanvasEdge, CanvasNode } from './index';

// The graph as flat typed arrays, the shape both the GPU and the layout worker
// want: node i is nodes[i]; edge j joins node source[j] and target[j]. Edges
// are sorted by weight, heaviest first, so drawing the first k of them draws
// the k strongest (the renderer's level of detail). Built once per setData.

export interface Scene {
  nodes: CanvasNode[];
  index: Map<string, number>;
  /** Node radius in CSS pixels at the fitted zoom, by weight. */
  radius: Float32Array;
  /** Edges, heaviest first. */
  source: Uint32Array;
  target: Uint32Array;
  edgeWeight: Float32Array;
  /** Edge thickness in CSS pixels, by weight. */
  thickness: Float32Array;
  /** Neighbours of node i: adjacency[adjacencyStart[i] .. adjacencyStart[i + 1]). */
  adjacencyStart: Uint32Array;
  adjacency: Uint32Array;
  /** Node indices, heaviest first: the order labels are considered in. */
  byWeight: Uint32Array;
  /** For each edge given to buildScene, the scene edge it became, or -1 (dropped). */
  edgeOf: Int32Array;
}

export const MIN_RADIUS = 2;
export const MAX_RADIUS = 14;
export const MIN_THICKNESS = 0.6;
export const MAX_THICKNESS = 3;

/** Edges naming an unknown node, self-loops and repeats are dropped (a repeat adds its weight). */
export function buildScene(nodes: CanvasNode[], edges: CanvasEdge[]): Scene {
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));

  let maxNodeWeight = 0;
  for (const node of nodes) maxNodeWeight = Math.max(maxNodeWeight, node.weight);
  const radius = new Float32Array(n);
  for (let i = 0; i < n; i++)
    radius[i] = sizeByWeight(nodes[i]!.weight, maxNodeWeight, MIN_RADIUS, MAX_RADIUS);

  // Deduplicate by the unordered pair.
  const pairs = new Map<number, number>();
  const src: number[] = [];
  const tgt: number[] = [];
  const wt: number[] = [];
  const pairOf = new Int32Array(edges.length).fill(-1);
  edges.forEach((edge, e) => {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined || a === b) return;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi;
    const seen = pairs.get(key);
    if (seen !== undefined) {
      wt[seen]! += edge.weight;
      pairOf[e] = seen;
      return;
    }
    pairOf[e] = src.length;
    pairs.set(key, src.length);
    src.push(lo);
    tgt.push(hi);
    wt.push(edge.weight);
  });
  const m = src.length;
  const order = Array.from({ length: m }, (_, j) => j).sort((x, y) => wt[y]! - wt[x]! || x - y);
  const source = new Uint32Array(m);
  const target = new Uint32Array(m);
  const edgeWeight = new Float32Array(m);
  const thickness = new Float32Array(m);
  const maxEdgeWeight = m ? wt[order[0]!]! : 0;
  const rank = new Int32Array(m);
  order.forEach((j, k) => {
    rank[j] = k;
    source[k] = src[j]!;
    target[k] = tgt[j]!;
    edgeWeight[k] = wt[j]!;
    thickness[k] = sizeByWeight(wt[j]!, maxEdgeWeight, MIN_THICKNESS, MAX_THICKNESS);
  });

  const degree = new Uint32Array(n + 1);
  for (let k = 0; k < m; k++) {
    degree[source[k]!]!++;
    degree[target[k]!]!++;
  }
  const adjacencyStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) adjacencyStart[i + 1] = adjacencyStart[i]! + degree[i]!;
  const fill = adjacencyStart.slice(0, n);
  const adjacency = new Uint32Array(2 * m);
  for (let k = 0; k < m; k++) {
    adjacency[fill[source[k]!]!++] = target[k]!;
    adjacency[fill[target[k]!]!++] = source[k]!;
  }

  const byWeight = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => nodes[y]!.weight - nodes[x]!.weight || x - y,
  );
  return {
    nodes,
    index,
    radius,
    source,
    target,
    edgeWeight,
    thickness,
    adjacencyStart,
    adjacency,
    byWeight,
    edgeOf: pairOf.map((j) => (j < 0 ? -1 : rank[j]!)),
  };
}

/**
 * Which scene edges to hide, given indices into the edges passed to
 * buildScene: a scene edge is hidden when every edge it was made of is.
 */
export function hiddenEdges(scene: Scene, hidden: ReadonlySet<number> | null): Uint8Array {
  const m = scene.source.length;
  const result = new Uint8Array(m);
  if (!hidden || hidden.size === 0) return result;
  const shown = new Uint8Array(m);
  scene.edgeOf.forEach((k, e) => {
    if (k >= 0 && !hidden.has(e)) shown[k] = 1;
  });
  for (let k = 0; k < m; k++) result[k] = shown[k] ? 0 : 1;
  return result;
}

/** min..max by the square root of weight / maxWeight: area grows with weight. */
export function sizeByWeight(weight: number, maxWeight: number, min: number, max: number): number {
  if (!(maxWeight > 0) || !(weight > 0)) return min;
  return min + (max - min) * Math.sqrt(Math.min(1, weight / maxWeight));
}

export function neighboursOf(scene: Scene, i: number): Uint32Array {
  return scene.adjacency.subarray(scene.adjacencyStart[i]!, scene.adjacencyStart[i + 1]!);
}
