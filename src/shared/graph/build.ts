import { slugify } from '../story/slug';
import {
  compareIds,
  storyNodeId,
  storyPasses,
  type DeskGraph,
  type GraphEdges,
  type GraphEntity,
  type GraphFilters,
  type GraphNode,
  type GraphOptions,
  type GraphStory,
} from './model';

// Builds the desk's graph from the index's story summaries and the entity
// registry, without reading a story. Entity nodes are the entities that the
// stories passing the filters mention; two entities are joined when a story
// mentions both. The co-occurrence step costs the sum over stories of k²/2
// for k entities a story, on typed arrays: no hash map keyed by pairs, no
// object per edge (tests/bench/graph.ts measures it on 10,000 stories).

export function buildGraph(
  stories: readonly GraphStory[],
  entities: readonly GraphEntity[],
  options: GraphOptions = {},
): DeskGraph {
  return buildGraphParts(stories, entities, options).graph;
}

/**
 * Each entity's stories, in compressed rows: the entity ids[r] (sorted, as the
 * graph's entity nodes) is mentioned by the stories at index[start[r] ..
 * start[r + 1]), indices into graph.stories, ascending, aliases resolved.
 */
export interface EntityMentions {
  ids: readonly string[];
  start: Int32Array;
  index: Int32Array;
}

/** What the build has at hand besides the graph, so a view need not work it out again. */
export interface GraphParts {
  graph: DeskGraph;
  /** The stories that passed, one per slug, in graph.stories' order. */
  kept: readonly GraphStory[];
  mentions: EntityMentions;
}

/** buildGraph, with the kept stories and each entity's stories. */
export function buildGraphParts(
  stories: readonly GraphStory[],
  entities: readonly GraphEntity[],
  options: GraphOptions = {},
): GraphParts {
  const filters = options.filters ?? {};
  const kept = keptStories(stories, filters);
  const slugs = kept.map((s) => s.slug);
  const registry = new Map<string, GraphEntity>();
  for (const e of entities) if (!registry.has(e.slug)) registry.set(e.slug, e);
  const canonical = canonicalizer(entities, registry);

  // Pass 1: every entity slug the stories mention, numbered as first seen;
  // one map lookup a mention, aliases resolved once a slug. One map for raw
  // and resolved slugs: resolving is idempotent, so they cannot disagree.
  const numberOf = new Map<string, number>();
  const ids: string[] = [];
  const mentionStart = new Int32Array(kept.length + 1);
  for (let si = 0; si < kept.length; si++)
    mentionStart[si + 1] = mentionStart[si]! + kept[si]!.entities.length;
  const mentions = new Int32Array(mentionStart[kept.length]!);
  let m = 0;
  for (const story of kept)
    for (const raw of story.entities) {
      let num = numberOf.get(raw);
      if (num === undefined) {
        const slug = canonical(raw);
        num = slug === raw ? undefined : numberOf.get(slug);
        if (num === undefined) {
          num = ids.length;
          ids.push(slug);
          if (slug !== raw) numberOf.set(slug, num);
        }
        numberOf.set(raw, num);
      }
      mentions[m++] = num;
    }

  // Renumber by id order (rank), so that pairs of ranks sort as (source, target).
  // The ids are distinct strings and the default sort compares UTF-16 code
  // units, as compareIds does: no comparator to call 300,000 times.
  const sortedIds = ids.slice().sort();
  const rank = new Int32Array(ids.length);
  sortedIds.forEach((id, r) => (rank[numberOf.get(id)!] = r));

  // Pass 2: each story's distinct entity ranks, sorted, and the node weights.
  const n = ids.length;
  const nodeWeight = new Int32Array(n);
  // In place over `mentions`: story si's ranks end up at flat[start[si] .. start[si + 1]).
  const flat = mentions;
  const start = new Int32Array(kept.length + 1);
  let w = 0;
  for (let si = 0; si < kept.length; si++) {
    const from = mentionStart[si]!;
    const to = mentionStart[si + 1]!;
    for (let i = from; i < to; i++) flat[i] = rank[flat[i]!]!;
    sortRange(flat, from, to);
    start[si] = w;
    // Aliases resolved to one slug, or a slug listed twice: count it once.
    for (let i = from; i < to; i++)
      if (i === from || flat[i] !== flat[i - 1]) nodeWeight[(flat[w++] = flat[i]!)]!++;
  }
  start[kept.length] = w;
  const storyRanks: StoryRanks = { start, flat: flat.subarray(0, w) };
  const entityNodes: GraphNode[] = sortedIds.map((id, r) => {
    const known = registry.get(id);
    return { id, label: known?.name ?? id, kind: known?.kind ?? 'other', weight: nodeWeight[r]! };
  });
  const { edges: cooccurrence, inStart, inStory } = cooccurrenceEdges(storyRanks, n);
  const entityStories = { ids: sortedIds, start: inStart, index: inStory };
  const graph = options.storyNodes
    ? withStoryNodes(kept, slugs, entityNodes, cooccurrence, storyRanks)
    : { nodes: entityNodes, edges: cooccurrence, stories: slugs };
  return { graph, kept, mentions: entityStories };
}

/**
 * Entity–entity edges, from each story's sorted, distinct entity ranks. Row
 * by row (Gustavson's sparse product of the story–entity matrix with itself):
 * for entity a, walk the stories that mention it, in slug order, and count
 * every entity b > a they mention; then sort the few b's touched, lay out their
 * story lists, and walk again to fill them. Linear in the co-occurrences, with
 * small sorts per row, and no hash map or object per pair.
 */
function cooccurrenceEdges(
  { start, flat }: StoryRanks,
  n: number,
): { edges: GraphEdges; inStart: Int32Array; inStory: Int32Array } {
  // Each entity's stories (ascending) and where it sits in each story's ranks.
  const stories = start.length - 1;
  const inStart = new Int32Array(n + 1);
  let total = 0;
  for (let si = 0; si < stories; si++) {
    const k = start[si + 1]! - start[si]!;
    total += (k * (k - 1)) / 2;
  }
  for (let x = 0; x < flat.length; x++) inStart[flat[x]! + 1]!++;
  for (let a = 0; a < n; a++) inStart[a + 1]! += inStart[a]!;
  const inStory = new Int32Array(flat.length);
  const inAt = new Int32Array(flat.length);
  const cursor = inStart.slice(0, n);
  for (let si = 0; si < stories; si++)
    for (let x = start[si]!; x < start[si + 1]!; x++) {
      const at = cursor[flat[x]!]!++;
      inStory[at] = si;
      inAt[at] = x;
    }

  // Count the distinct pairs first, so the columns are allocated once, at
  // their size: fresh memory is the dearest part of this on some machines.
  const seenIn = new Int32Array(n).fill(-1);
  let distinct = 0;
  for (let a = 0; a < n; a++)
    for (let e = inStart[a]!; e < inStart[a + 1]!; e++) {
      const end = start[inStory[e]! + 1]!;
      for (let x = inAt[e]! + 1; x < end; x++) {
        const b = flat[x]!;
        if (seenIn[b] !== a) {
          seenIn[b] = a;
          distinct++;
        }
      }
    }

  const edges = allocateEdges(distinct, total);
  const hits = seenIn.fill(0);
  const slot = new Int32Array(n);
  const touched = new Int32Array(n);
  let count = 0;
  let filled = 0;
  for (let a = 0; a < n; a++) {
    let t = 0;
    for (let e = inStart[a]!; e < inStart[a + 1]!; e++) {
      const end = start[inStory[e]! + 1]!;
      for (let x = inAt[e]! + 1; x < end; x++) {
        const b = flat[x]!;
        if (hits[b]!++ === 0) touched[t++] = b;
      }
    }
    if (t === 0) continue;
    sortRange(touched, 0, t);
    for (let i = 0; i < t; i++) {
      const b = touched[i]!;
      edges.source[count] = a;
      edges.target[count] = b;
      edges.weight[count] = hits[b]!;
      edges.storyStart[count++] = filled;
      slot[b] = filled;
      filled += hits[b]!;
      hits[b] = 0;
    }
    for (let e = inStart[a]!; e < inStart[a + 1]!; e++) {
      const si = inStory[e]!;
      const end = start[si + 1]!;
      for (let x = inAt[e]! + 1; x < end; x++) edges.storyIndex[slot[flat[x]!]!++] = si;
    }
  }
  edges.storyStart[count] = filled;
  return { edges, inStart, inStory };
}

/** Adds a node per story, story–entity edges and story–story edges from links. */
function withStoryNodes(
  kept: GraphStory[],
  slugs: string[],
  entityNodes: GraphNode[],
  cooccurrence: GraphEdges,
  { start, flat }: StoryRanks,
): DeskGraph {
  const m = kept.length;
  const indexOf = new Map(slugs.map((slug, i) => [slug, i]));
  const degree = new Int32Array(m);
  const links: number[] = [];
  const linked = new Set<number>();
  kept.forEach((story, i) => {
    for (const target of new Set(story.links)) {
      const j = indexOf.get(target);
      if (j === undefined || j === i) continue;
      degree[i]!++;
      degree[j]!++;
      const key = i < j ? i * m + j : j * m + i;
      if (linked.has(key)) continue;
      linked.add(key);
      links.push(Math.min(i, j), Math.max(i, j));
    }
  });
  const storyNodes: GraphNode[] = kept.map((s, i) => ({
    id: storyNodeId(s.slug),
    label: s.title,
    kind: 'story',
    weight: degree[i]!,
  }));

  // Merge the two sorted node lists, noting where each node lands.
  const nodes: GraphNode[] = [];
  const entityAt = new Int32Array(entityNodes.length);
  const storyAt = new Int32Array(m);
  for (let e = 0, s = 0; e < entityNodes.length || s < m;) {
    const takeEntity =
      s === m || (e < entityNodes.length && compareIds(entityNodes[e]!.id, storyNodes[s]!.id) < 0);
    if (takeEntity) {
      entityAt[e] = nodes.length;
      nodes.push(entityNodes[e++]!);
    } else {
      storyAt[s] = nodes.length;
      nodes.push(storyNodes[s++]!);
    }
  }
  const total = nodes.length;

  // Co-occurrence edges, renumbered: the merge keeps entities' order, so they stay sorted.
  const co = cooccurrence;
  for (let i = 0; i < co.count; i++) {
    co.source[i] = entityAt[co.source[i]!]!;
    co.target[i] = entityAt[co.target[i]!]!;
  }

  // Story edges: (a, b) with a < b, and the stories behind each.
  let storyEdgeCount = links.length / 2;
  storyEdgeCount += flat.length;
  const keys = new Float64Array(storyEdgeCount);
  const firstStory = new Int32Array(storyEdgeCount);
  const secondStory = new Int32Array(storyEdgeCount).fill(-1);
  let p = 0;
  for (let si = 0; si < m; si++) {
    const sNode = storyAt[si]!;
    for (let x = start[si]!; x < start[si + 1]!; x++) {
      const eNode = entityAt[flat[x]!]!;
      keys[p] = sNode < eNode ? sNode * total + eNode : eNode * total + sNode;
      firstStory[p++] = si;
    }
  }
  for (let i = 0; i < links.length; i += 2) {
    const a = links[i]!;
    const b = links[i + 1]!;
    keys[p] = storyAt[a]! * total + storyAt[b]!;
    firstStory[p] = a;
    secondStory[p++] = b;
  }
  const order = sortedOrder(keys, total * total);

  // Merge both sorted edge lists into one.
  const storyTotal = co.storyIndex.length + storyEdgeCount + links.length / 2;
  const out = allocateEdges(co.count + storyEdgeCount, storyTotal);
  let e = 0;
  let q = 0;
  let count = 0;
  let si = 0;
  while (e < co.count || q < storyEdgeCount) {
    const coKey = e < co.count ? co.source[e]! * total + co.target[e]! : Infinity;
    const k = q < storyEdgeCount ? order[q]! : -1;
    const storyKey = k >= 0 ? keys[k]! : Infinity;
    out.storyStart[count] = si;
    if (coKey < storyKey) {
      out.source[count] = co.source[e]!;
      out.target[count] = co.target[e]!;
      out.weight[count] = co.weight[e]!;
      for (let j = co.storyStart[e]!; j < co.storyStart[e + 1]!; j++)
        out.storyIndex[si++] = co.storyIndex[j]!;
      e++;
    } else {
      const a = quotient(storyKey, total);
      out.source[count] = a;
      out.target[count] = storyKey - a * total;
      out.weight[count] = 1;
      out.storyIndex[si++] = firstStory[k]!;
      if (secondStory[k]! >= 0) out.storyIndex[si++] = secondStory[k]!;
      q++;
    }
    count++;
  }
  out.storyStart[count] = si;
  return { nodes, edges: out, stories: slugs };
}

/** The stories that pass, in slug order, one per slug (the first wins). */
function keptStories(stories: readonly GraphStory[], filters: GraphFilters): GraphStory[] {
  const kept = Object.values(filters).some((f) => f !== undefined)
    ? stories.filter((s) => storyPasses(s, filters))
    : stories.slice();
  // The index lists its stories by slug already: sort only when they are not.
  let sorted = true;
  for (let i = 1; i < kept.length && sorted; i++) sorted = kept[i - 1]!.slug < kept[i]!.slug;
  if (sorted) return kept;
  kept.sort((a, b) => compareIds(a.slug, b.slug));
  return kept.filter((s, i) => i === 0 || s.slug !== kept[i - 1]!.slug);
}

/**
 * A slug the registry does not know may be the slug of one of its names or
 * aliases (`moscow` for Russia, from a summary made without the registry): it
 * resolves to that entity. The alias table is built only when needed.
 */
export function canonicalizer(
  entities: readonly GraphEntity[],
  registry: ReadonlyMap<string, GraphEntity>,
): (slug: string) => string {
  let aliases: Map<string, string> | null = null;
  return (slug) => {
    if (registry.has(slug)) return slug;
    if (!aliases) {
      aliases = new Map();
      for (const e of entities)
        for (const name of [e.name, ...e.aliases]) {
          const s = slugify(name);
          if (!registry.has(s) && !aliases.has(s)) aliases.set(s, e.slug);
        }
    }
    return aliases.get(slug) ?? slug;
  };
}

function allocateEdges(count: number, stories: number): GraphEdges {
  return {
    count,
    source: new Int32Array(count),
    target: new Int32Array(count),
    weight: new Int32Array(count),
    storyStart: new Int32Array(count + 1),
    storyIndex: new Int32Array(stories),
  };
}

/** Each story's distinct entity ranks, ascending: flat[start[si] .. start[si + 1]). */
interface StoryRanks {
  start: Int32Array;
  flat: Int32Array;
}

/** Sorts values[from .. to) ascending: by insertion when short (a story's entities), natively when not. */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 24) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = values[i]!;
    let j = i - 1;
    for (; j >= from && values[j]! > v; j--) values[j + 1] = values[j]!;
    values[j + 1] = v;
  }
}

/** The exact quotient of a whole number below 2^53. */
function quotient(value: number, divisor: number): number {
  const q = Math.floor(value / divisor);
  // Near 2^53 the division rounds and the quotient may be one off.
  return q * divisor > value ? q - 1 : (q + 1) * divisor <= value ? q + 1 : q;
}

/**
 * The indices of `keys` in key order, ties in index order. Whole-number keys
 * below `bound` are packed with their index into one float and sorted
 * natively when that fits in 2^53; otherwise a comparison sort does it.
 */
export function sortedOrder(keys: Float64Array, bound: number): Int32Array {
  const len = keys.length;
  const order = new Int32Array(len);
  if (bound * Math.max(len, 1) < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(len);
    for (let i = 0; i < len; i++) packed[i] = keys[i]! * len + i;
    packed.sort();
    for (let i = 0; i < len; i++) order[i] = packed[i]! - quotient(packed[i]!, len) * len;
    return order;
  }
  for (let i = 0; i < len; i++) order[i] = i;
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}
