import {
  buildGraphParts,
  communities,
  egoGraph,
  nodeIndex,
  storyNodeId,
  storySlugOf,
  subgraph,
  type DeskGraph,
  type EntityMentions,
  type GraphEntity,
  type GraphFilters,
  type GraphStory,
} from '../../shared/graph';
import type { GraphView } from '../../shared/api';

// The desk's graph as `desk graph` prints it and `graph.get` serves it: built
// from the index's story summaries and the entity registry, never by reading
// a story file. One function for both, so the CLI and the app cannot disagree
// on what a filter, a focus or a hop count means.

export interface GraphRequest {
  filters?: GraphFilters;
  /** Narrow to the nodes within `hops` edges of one entity (slug, name or alias) or story. */
  focus?: { entity: string } | { story: string };
  /** Default 1. */
  hops?: number;
  /** Add story nodes (always there with a story focus). */
  stories?: boolean;
  /**
   * With a story focus, instead of its ego graph: the story's entities and the
   * `neighbours` entities most mentioned with them (by shared stories), with
   * the edges that touch the story's entities; no story nodes. A story that
   * is not there (or filtered out) gives an empty graph. For a side panel.
   */
  neighbours?: number;
}

/** What the graph is read from: a Desk, or anything that lists the same. */
export interface GraphSource {
  listStories(): GraphStory[];
  listEntities(): GraphEntity[];
}

/** A request the desk cannot answer; `hint` says where to look (the CLI shows it). */
export class GraphRequestError extends Error {
  override name = 'GraphRequestError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function readDeskGraph(source: GraphSource, request: GraphRequest = {}): DeskGraph {
  return read(source, request).graph;
}

/**
 * The graph for the app's Graph view: the graph of readDeskGraph, plus what a
 * view needs and the JSON export leaves out: each node's stories (an entity's
 * mentions, aliases resolved; a story node's own story), each story's title
 * and date (the time slider replays growth by them) and, when asked, the
 * nodes' communities. Edges stay columns of plain numbers.
 */
export function readGraphView(
  source: GraphSource,
  request: GraphRequest & { communities?: boolean } = {},
): GraphView {
  const { graph, mentions, kept: summaries } = read(source, request);
  const n = graph.nodes.length;
  // Each node's own story (a story node) or row of `mentions` (an entity node):
  // both lists are sorted as the nodes are, so one walk finds them.
  const own = new Int32Array(n).fill(-1);
  const row = new Int32Array(n).fill(-1);
  for (let v = 0, si = 0, r = 0; v < n; v++) {
    const id = graph.nodes[v]!.id;
    const slug = storySlugOf(id);
    if (slug !== null) {
      while (graph.stories[si]! < slug) si++;
      own[v] = si;
    } else {
      while (mentions.ids[r]! < id) r++;
      row[v] = r;
    }
  }
  // Only the stories the nodes and edges name are sent, renumbered in order:
  // a neighbourhood names a few of a big desk's stories.
  const e = graph.edges;
  const { start: mStart, index: mIndex } = mentions;
  const used = new Uint8Array(graph.stories.length);
  for (const si of e.storyIndex) used[si] = 1;
  for (let v = 0; v < n; v++) {
    if (own[v]! >= 0) used[own[v]!] = 1;
    else for (let j = mStart[row[v]!]!; j < mStart[row[v]! + 1]!; j++) used[mIndex[j]!] = 1;
  }
  const renumber = new Int32Array(graph.stories.length);
  const stories: GraphView['stories'] = [];
  for (let si = 0; si < used.length; si++)
    if (used[si]) {
      const { slug, title, date } = summaries[si]!;
      renumber[si] = stories.push({ slug, title, date: date ?? '' }) - 1;
    } else renumber[si] = -1;
  const start = new Array<number>(n + 1);
  let size = 0;
  for (let v = 0; v < n; v++)
    size += own[v]! >= 0 ? 1 : mStart[row[v]! + 1]! - mStart[row[v]!]!;
  const index = new Array<number>(size);
  let at = 0;
  for (let v = 0; v < n; v++) {
    start[v] = at;
    if (own[v]! >= 0) index[at++] = renumber[own[v]!]!;
    else
      for (let j = mStart[row[v]!]!; j < mStart[row[v]! + 1]!; j++)
        index[at++] = renumber[mIndex[j]!]!;
  }
  start[n] = at;
  const community = request.communities ? communities(graph) : null;
  return {
    nodes: graph.nodes,
    edges: {
      source: plain(e.source),
      target: plain(e.target),
      weight: plain(e.weight),
      storyStart: plain(e.storyStart),
      storyIndex: plain(e.storyIndex, stories.length === used.length ? null : renumber),
    },
    stories,
    nodeStories: { start, index },
    communities: community ? graph.nodes.map((n) => community.get(n.id)!) : null,
  };
}

/** A typed array as a plain one (through `map` when given), for the GraphView schema. */
function plain(values: Int32Array, map: Int32Array | null = null): number[] {
  // Allocated at its length and filled: three times as fast as push or Array.from.
  const out = new Array<number>(values.length);
  if (map) for (let i = 0; i < values.length; i++) out[i] = map[values[i]!]!;
  else for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

function read(
  source: GraphSource,
  request: GraphRequest,
): { graph: DeskGraph; mentions: EntityMentions; kept: readonly GraphStory[] } {
  const stories = source.listStories();
  const entities = source.listEntities();
  const hops = request.hops ?? 1;
  if (!Number.isInteger(hops) || hops < 0)
    throw new GraphRequestError(`hops is a whole number of 0 or more, not ${hops}`);
  const focus = request.focus;
  const local = request.neighbours !== undefined && focus !== undefined && 'story' in focus;
  if (local && !(Number.isInteger(request.neighbours) && request.neighbours! >= 0))
    throw new GraphRequestError(
      `neighbours is a whole number of 0 or more, not ${request.neighbours}`,
    );
  const parts = buildGraphParts(stories, entities, {
    storyNodes: !local && (Boolean(request.stories) || (focus !== undefined && 'story' in focus)),
    filters: request.filters ?? {},
  });
  let graph = parts.graph;
  const { mentions, kept } = parts;
  if (local) {
    const si = graph.stories.indexOf(focus.story);
    graph = neighbourhood(graph, mentions, si, request.neighbours!);
    return { graph, mentions, kept };
  }
  if (focus && 'entity' in focus) {
    const wanted = focus.entity;
    const lower = wanted.toLowerCase();
    // A slug, or failing that a name or alias the registry knows.
    const known =
      entities.find((e) => e.slug === wanted) ??
      entities.find(
        (e) => e.name.toLowerCase() === lower || e.aliases.some((a) => a.toLowerCase() === lower),
      );
    const slug = known?.slug ?? wanted;
    if (nodeIndex(graph, slug) < 0) {
      const mentioned = stories.some((s) => s.entities.includes(slug));
      if (!known && !mentioned)
        throw new GraphRequestError(
          `there is no entity “${wanted}” in this desk`,
          'desk entities lists them',
        );
      throw new GraphRequestError(
        `no story${mentioned ? ' that passes the filters' : ''} mentions the entity “${slug}”`,
      );
    }
    graph = egoGraph(graph, slug, hops);
  } else if (focus && 'story' in focus) {
    const slug = focus.story;
    if (nodeIndex(graph, storyNodeId(slug)) < 0) {
      if (stories.some((s) => s.slug === slug))
        throw new GraphRequestError(`the story “${slug}” does not pass the filters`);
      throw new GraphRequestError(`there is no story “${slug}” in this desk`, 'desk ls lists them');
    }
    graph = egoGraph(graph, storyNodeId(slug), hops);
  }
  return { graph, mentions, kept };
}

/**
 * The entities of story `si` (an index into graph.stories; -1: none), the
 * `neighbours` entities with the most shared stories with them (ties by id),
 * and the edges that touch the story's entities, in the graph's order.
 */
function neighbourhood(
  graph: DeskGraph,
  mentions: EntityMentions,
  si: number,
  neighbours: number,
): DeskGraph {
  // No story nodes here: the nodes are mentions' entities, one for one.
  const n = graph.nodes.length;
  const seed = new Uint8Array(n);
  if (si >= 0)
    for (let v = 0; v < n; v++)
      for (let j = mentions.start[v]!; j < mentions.start[v + 1]!; j++)
        if (mentions.index[j] === si) seed[v] = 1;
  const { count, source, target, weight } = graph.edges;
  const strength = new Float64Array(n);
  for (let i = 0; i < count; i++) {
    const a = source[i]!;
    const b = target[i]!;
    if (seed[a] && !seed[b]) strength[b] = strength[b]! + weight[i]!;
    else if (seed[b] && !seed[a]) strength[a] = strength[a]! + weight[i]!;
  }
  const keep = Uint8Array.from(seed);
  const ranked: number[] = [];
  strength.forEach((w, v) => {
    if (w > 0) ranked.push(v);
  });
  ranked.sort((a, b) => strength[b]! - strength[a]! || a - b);
  for (const v of ranked.slice(0, neighbours)) keep[v] = 1;
  // Edges among the neighbours are left out: around a big country they are a hairball.
  const touches = (i: number) => seed[source[i]!] === 1 || seed[target[i]!] === 1;
  return subgraph(graph, keep, touches);
}
