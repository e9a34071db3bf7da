import { z } from 'zod';
import { StoryStatus } from '../desk';
import { EntityKind } from '../entity';
import type { StorySummary } from '../story-summary';

// The desk's graph as data: who is mentioned with whom, and (optionally) which
// stories link to which. Plain arrays in a fixed order, so the same desk always
// gives the same graph, it crosses IPC as it is, and a drawing can be built on it.

export const STORY_NODE_PREFIX = 'story:';
export type GraphNodeKind = EntityKind | 'story';

export interface GraphNode {
  /** An entity slug, or `story:{slug}` for a story node. */
  id: string;
  /** The registry's name of the entity (its slug when the registry does not know it), or the story's title. */
  label: string;
  kind: GraphNodeKind;
  /** Entity: stories that mention it. Story: links out plus links in, among the graph's stories. */
  weight: number;
}

/** One edge, as toJson writes it. Undirected: `source < target` (plain string order). */
export interface GraphEdge {
  source: string;
  target: string;
  /** Entity–entity: the stories in which both appear. Every other edge: 1. */
  weight: number;
  /** Story slugs behind the edge, sorted. */
  stories: string[];
}

/**
 * The edges, column by column: a desk of 10,000 stories has about a million
 * co-occurrences, and as many objects would take seconds to make and collect.
 * Edge i joins nodes[source[i]] and nodes[target[i]], source[i] < target[i];
 * its stories are stories[storyIndex[j]] for j from storyStart[i] to
 * storyStart[i + 1]. Edges are sorted by (source, target). Plain typed arrays,
 * so a graph crosses IPC or a worker boundary as it is.
 */
export interface GraphEdges {
  count: number;
  source: Int32Array;
  target: Int32Array;
  weight: Int32Array;
  /** count + 1 offsets into storyIndex. */
  storyStart: Int32Array;
  storyIndex: Int32Array;
}

export interface DeskGraph {
  /** Sorted by id. */
  nodes: GraphNode[];
  edges: GraphEdges;
  /** Slugs of the stories the edges name (those that passed the filters), sorted. */
  stories: string[];
}

export function edgeAt(graph: DeskGraph, i: number): GraphEdge {
  const { source, target, weight, storyStart, storyIndex } = graph.edges;
  const stories: string[] = [];
  for (let j = storyStart[i]!; j < storyStart[i + 1]!; j++)
    stories.push(graph.stories[storyIndex[j]!]!);
  return {
    source: graph.nodes[source[i]!]!.id,
    target: graph.nodes[target[i]!]!.id,
    weight: weight[i]!,
    stories,
  };
}

/** Every edge as an object, in order. Costly on a whole desk: meant for exports and small graphs. */
export function edgeList(graph: DeskGraph): GraphEdge[] {
  return Array.from({ length: graph.edges.count }, (_, i) => edgeAt(graph, i));
}

/** The index of a node in graph.nodes, or -1. */
export function nodeIndex(graph: DeskGraph, id: string): number {
  let lo = 0;
  let hi = graph.nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareIds(graph.nodes[mid]!.id, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** A story passes when it matches every filter given; an absent filter matches all. */
export const GraphFilters = z.object({
  /** YYYY-MM-DD, inclusive. A story with no date fails any date filter. */
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  type: z.string().optional(),
  /** One of the story's heads. */
  head: z.string().optional(),
  status: StoryStatus.optional(),
  /** One of the story's lenses. */
  lens: z.string().optional(),
  /** One of the regions of the story's takes. */
  region: z.string().optional(),
});
export type GraphFilters = z.infer<typeof GraphFilters>;

export interface GraphOptions {
  /** Add a node per story, story–story edges from links and story–entity edges. */
  storyNodes?: boolean;
  filters?: GraphFilters;
}

/** What the graph needs of a story summary. */
export type GraphStory = Pick<
  StorySummary,
  | 'slug'
  | 'title'
  | 'date'
  | 'type'
  | 'heads'
  | 'status'
  | 'lenses'
  | 'regions'
  | 'entities'
  | 'links'
>;

/** What the graph needs of a registry entity. */
export interface GraphEntity {
  slug: string;
  name: string;
  aliases: string[];
  kind: EntityKind;
}

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function storyNodeId(slug: string): string {
  return STORY_NODE_PREFIX + slug;
}

/** The story slug of a story node id, or null for an entity node id. */
export function storySlugOf(id: string): string | null {
  return id.startsWith(STORY_NODE_PREFIX) ? id.slice(STORY_NODE_PREFIX.length) : null;
}

export function storyPasses(story: GraphStory, filters: GraphFilters): boolean {
  if (filters.dateFrom !== undefined && !(story.date && story.date >= filters.dateFrom))
    return false;
  if (filters.dateTo !== undefined && !(story.date && story.date <= filters.dateTo)) return false;
  if (filters.type !== undefined && story.type !== filters.type) return false;
  if (filters.head !== undefined && !story.heads.includes(filters.head)) return false;
  if (filters.status !== undefined && story.status !== filters.status) return false;
  if (filters.lens !== undefined && !story.lenses.includes(filters.lens)) return false;
  if (filters.region !== undefined && !story.regions.includes(filters.region)) return false;
  return true;
}
