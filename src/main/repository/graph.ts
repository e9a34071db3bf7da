import {
  buildGraph,
  canonicalizer,
  communities,
  egoGraph,
  nodeIndex,
  storyNodeId,
  storySlugOf,
  subgraph,
  type DeskGraph,
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
  return read(source, request, false).graph;
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
  const { graph, mentions, stories } = read(source, request, true);
  const storyAt = new Map(graph.stories.map((slug, i) => [slug, i]));
  const own: number[] = [];
  for (const node of graph.nodes) {
    const slug = storySlugOf(node.id);
    own.push(slug === null ? -1 : storyAt.get(slug)!);
  }
  // Only the stories the nodes and edges name are sent, renumbered in order:
  // a neighbourhood names a few of a big desk's stories.
  const e = graph.edges;
  const used = new Uint8Array(graph.stories.length);
  for (const si of e.storyIndex) used[si] = 1;
  graph.nodes.forEach((node, v) => {
    if (own[v]! >= 0) used[own[v]!] = 1;
    else for (const si of mentions.get(node.id) ?? []) used[si] = 1;
  });
  const renumber = new Int32Array(graph.stories.length).fill(-1);
  const kept: string[] = [];
  used.forEach((u, si) => {
    if (u) renumber[si] = kept.push(graph.stories[si]!) - 1;
  });
  const start: number[] = [0];
  const index: number[] = [];
  graph.nodes.forEach((node, v) => {
    if (own[v]! >= 0) index.push(renumber[own[v]!]!);
    else for (const si of mentions.get(node.id) ?? []) index.push(renumber[si]!);
    start.push(index.length);
  });
  const summary = new Map(stories.map((st) => [st.slug, st]));
  const community = request.communities ? communities(graph) : null;
  return {
    nodes: graph.nodes,
    edges: {
      source: Array.from(e.source),
      target: Array.from(e.target),
      weight: Array.from(e.weight),
      storyStart: Array.from(e.storyStart),
      storyIndex: Array.from(e.storyIndex, (si) => renumber[si]!),
    },
    stories: kept.map((slug) => ({
      slug,
      title: summary.get(slug)?.title ?? slug,
      date: summary.get(slug)?.date ?? '',
    })),
    nodeStories: { start, index },
    communities: community ? graph.nodes.map((n) => community.get(n.id)!) : null,
  };
}

function read(
  source: GraphSource,
  request: GraphRequest,
  withMentions: boolean,
): { graph: DeskGraph; mentions: Map<string, number[]>; stories: GraphStory[] } {
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
  let graph = buildGraph(stories, entities, {
    storyNodes: !local && (Boolean(request.stories) || (focus !== undefined && 'story' in focus)),
    filters: request.filters ?? {},
  });
  const mentions =
    withMentions || local ? mentionsOf(graph, stories, entities) : new Map<string, number[]>();
  if (local) {
    const si = graph.stories.indexOf(focus.story);
    graph = neighbourhood(graph, mentions, si, request.neighbours!);
    return { graph, mentions, stories };
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
  return { graph, mentions, stories };
}

/**
 * Each entity's stories, as indices into graph.stories, ascending: the
 * stories that passed the filters, their mentions resolved as buildGraph
 * resolves them (one map lookup a mention).
 */
function mentionsOf(
  graph: DeskGraph,
  stories: readonly GraphStory[],
  entities: readonly GraphEntity[],
): Map<string, number[]> {
  const storyAt = new Map(graph.stories.map((slug, i) => [slug, i]));
  const registry = new Map<string, GraphEntity>();
  for (const e of entities) if (!registry.has(e.slug)) registry.set(e.slug, e);
  const canonical = canonicalizer(entities, registry);
  const resolved = new Map<string, string>();
  const seen = new Set<number>();
  const mentions = new Map<string, number[]>();
  for (const story of stories) {
    const si = storyAt.get(story.slug);
    // Filtered out, or a second story under the same slug (the build keeps the first).
    if (si === undefined || seen.has(si)) continue;
    seen.add(si);
    for (const raw of story.entities) {
      let slug = resolved.get(raw);
      if (slug === undefined) resolved.set(raw, (slug = canonical(raw)));
      const list = mentions.get(slug);
      if (!list) mentions.set(slug, [si]);
      else if (list[list.length - 1] !== si) list.push(si);
    }
  }
  for (const list of mentions.values()) list.sort((a, b) => a - b);
  return mentions;
}

/**
 * The entities of story `si` (an index into graph.stories; -1: none), the
 * `neighbours` entities with the most shared stories with them (ties by id),
 * and the edges that touch the story's entities, in the graph's order.
 */
function neighbourhood(
  graph: DeskGraph,
  mentions: Map<string, number[]>,
  si: number,
  neighbours: number,
): DeskGraph {
  const n = graph.nodes.length;
  const seed = new Uint8Array(n);
  if (si >= 0)
    graph.nodes.forEach((node, v) => {
      if (mentions.get(node.id)?.includes(si)) seed[v] = 1;
    });
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
