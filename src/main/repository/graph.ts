import {
  buildGraph,
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
  const start: number[] = [0];
  const index: number[] = [];
  for (const node of graph.nodes) {
    const own = storySlugOf(node.id);
    if (own !== null) index.push(storyAt.get(own)!);
    else for (const si of mentions.get(node.id) ?? []) index.push(si);
    start.push(index.length);
  }
  const summary = new Map(stories.map((s) => [s.slug, s]));
  const e = graph.edges;
  const community = request.communities ? communities(graph) : null;
  return {
    nodes: graph.nodes,
    edges: {
      source: Array.from(e.source),
      target: Array.from(e.target),
      weight: Array.from(e.weight),
      storyStart: Array.from(e.storyStart),
      storyIndex: Array.from(e.storyIndex),
    },
    stories: graph.stories.map((slug) => ({
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
  const wantStories = Boolean(request.stories) || (focus !== undefined && 'story' in focus);
  // Each entity's stories come from the story–entity edges of the graph with
  // story nodes: the one place where the build has resolved every alias.
  let graph = buildGraph(stories, entities, {
    storyNodes: wantStories || withMentions,
    filters: request.filters ?? {},
  });
  const mentions = new Map<string, number[]>();
  if (withMentions) {
    const storyAt = new Map(graph.stories.map((slug, i) => [slug, i]));
    const { count, source: from, target: to } = graph.edges;
    for (let i = 0; i < count; i++) {
      const a = graph.nodes[from[i]!]!.id;
      const b = graph.nodes[to[i]!]!.id;
      const sa = storySlugOf(a);
      const sb = storySlugOf(b);
      if ((sa === null) === (sb === null)) continue;
      const entity = sa === null ? a : b;
      const si = storyAt.get((sa ?? sb)!)!;
      const list = mentions.get(entity);
      if (list) list.push(si);
      else mentions.set(entity, [si]);
    }
    for (const list of mentions.values()) list.sort((x, y) => x - y);
    if (!wantStories)
      graph = subgraph(
        graph,
        Uint8Array.from(graph.nodes, (n) => (n.kind === 'story' ? 0 : 1)),
      );
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
