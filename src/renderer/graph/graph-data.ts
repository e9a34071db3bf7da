import type { GraphView } from '../../shared/api';
import type { DeskGraph, GraphNodeKind } from '../../shared/graph';
import { storySlugOf } from '../../shared/graph';

// What the Graph view works out from graph.get's reply, without the DOM: the
// canvas's nodes and edges, when each node and edge first appears (for the
// time slider), a node's strongest co-mentions with the stories they share,
// label search, and the ego graph of the open story for the local graph.

export interface ViewNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  weight: number;
  community: number;
}

export interface ViewEdge {
  source: string;
  target: string;
  weight: number;
}

export interface StoryRef {
  slug: string;
  title: string;
  date: string;
}

export interface CoMention {
  id: string;
  label: string;
  kind: GraphNodeKind;
  weight: number;
  stories: StoryRef[];
}

/** The reply, indexed for the view. Immutable once made. */
export class ViewGraph {
  readonly nodes: ViewNode[];
  readonly edges: ViewEdge[];
  readonly indexOf: Map<string, number>;
  /** Earliest dated story of each node ('' when none of its stories has a date). */
  readonly firstDate: string[];
  /** Day number (dayOf) of each node's and edge's earliest dated story; NONE when undated. */
  private readonly nodeDay: Int32Array;
  private readonly edgeDay: Int32Array;
  private readonly sortedNodeDays: Int32Array;
  private readonly sortedEdgeDays: Int32Array;
  /** The earliest and latest story dates, or null when no story has a date. */
  readonly dateRange: { from: string; to: string } | null;
  private incidentLists: number[][] | null = null;

  constructor(readonly data: GraphView) {
    // Communities renumbered by size, largest 0, so the palette's few colours go to the biggest.
    const raw = data.communities ?? [];
    const size = new Map<number, number>();
    for (const c of raw) size.set(c, (size.get(c) ?? 0) + 1);
    const rank = new Map(
      [...size].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], r) => [c, r]),
    );
    this.nodes = data.nodes.map((node, i) => ({
      ...node,
      community: rank.get(raw[i] ?? -1) ?? 0,
    }));
    this.indexOf = new Map(this.nodes.map((node, i) => [node.id, i]));
    const { source, target, weight, storyStart, storyIndex } = data.edges;
    this.edges = source.map((s, i) => ({
      source: this.nodes[s]!.id,
      target: this.nodes[target[i]!]!.id,
      weight: weight[i]!,
    }));
    // Dates as day numbers (no date: NONE), so the slider compares numbers, and
    // sorted copies answer "how many by then" by binary search.
    const storyDay = Int32Array.from(data.stories, (st) => dayOf(st.date));
    const earliest = (from: number, to: number, index: number[]) => {
      let best = NONE;
      for (let j = from; j < to; j++) best = Math.min(best, storyDay[index[j]!]!);
      return best;
    };
    const ns = data.nodeStories;
    this.nodeDay = Int32Array.from(this.nodes, (_, v) =>
      earliest(ns.start[v]!, ns.start[v + 1]!, ns.index),
    );
    this.edgeDay = Int32Array.from(source, (_, i) =>
      earliest(storyStart[i]!, storyStart[i + 1]!, storyIndex),
    );
    this.firstDate = Array.from(this.nodeDay, isoOf);
    this.sortedNodeDays = this.nodeDay.slice().sort();
    this.sortedEdgeDays = this.edgeDay.slice().sort();
    const dates = data.stories.map((s) => s.date).filter(Boolean);
    this.dateRange = dates.length
      ? {
          from: dates.reduce((a, b) => (b < a ? b : a)),
          to: dates.reduce((a, b) => (b > a ? b : a)),
        }
      : null;
  }

  /** Each node's edges (indices into `edges`), made when a panel first asks. */
  private get incident(): number[][] {
    if (this.incidentLists) return this.incidentLists;
    const { source, target } = this.data.edges;
    const lists: number[][] = Array.from({ length: this.nodes.length }, () => []);
    source.forEach((s, i) => {
      lists[s]!.push(i);
      lists[target[i]!]!.push(i);
    });
    return (this.incidentLists = lists);
  }

  node(id: string): ViewNode | undefined {
    const i = this.indexOf.get(id);
    return i === undefined ? undefined : this.nodes[i];
  }

  /** The stories of a node, newest first: an entity's mentions, a story node's own story. */
  storiesOf(id: string): StoryRef[] {
    const v = this.indexOf.get(id);
    if (v === undefined) return [];
    const { start, index } = this.data.nodeStories;
    return newestFirst(index.slice(start[v], start[v + 1]).map((si) => this.data.stories[si]!));
  }

  /** The nodes joined to `id`, strongest first (ties by label), with the stories behind each edge. */
  coMentions(id: string, limit = 10): CoMention[] {
    const v = this.indexOf.get(id);
    if (v === undefined) return [];
    const { source, target, weight, storyStart, storyIndex } = this.data.edges;
    const out = this.incident[v]!.map((i) => {
      const other = this.nodes[source[i] === v ? target[i]! : source[i]!]!;
      const stories = storyIndex
        .slice(storyStart[i], storyStart[i + 1])
        .map((si) => this.data.stories[si]!);
      return {
        id: other.id,
        label: other.label,
        kind: other.kind,
        weight: weight[i]!,
        stories: newestFirst(stories),
      };
    });
    out.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
    return out.slice(0, limit);
  }

  /**
   * Nodes first seen after `date` (YYYY-MM-DD); null when nothing is hidden.
   * Undated nodes are always shown. One pass over the nodes: cheap enough for
   * every step of the slider.
   */
  hiddenAfter(date: string | null): Set<string> | null {
    if (date === null) return null;
    const day = dayOf(date);
    const hidden = new Set<string>();
    this.nodeDay.forEach((d, v) => {
      if (d !== NONE && d > day) hidden.add(this.nodes[v]!.id);
    });
    return hidden.size ? hidden : null;
  }

  /** Edges (indices into `edges`) first seen after `date`; null when nothing is hidden. One pass over the edges. */
  hiddenEdgesAfter(date: string | null): Set<number> | null {
    if (date === null) return null;
    const day = dayOf(date);
    const hidden = new Set<number>();
    this.edgeDay.forEach((d, i) => {
      if (d !== NONE && d > day) hidden.add(i);
    });
    return hidden.size ? hidden : null;
  }

  /** How many nodes were there by `date` (all for null): by binary search. */
  nodesBy(date: string | null): number {
    return countBy(this.sortedNodeDays, date);
  }

  /** How many edges were there by `date` (all for null): by binary search. */
  edgesBy(date: string | null): number {
    return countBy(this.sortedEdgeDays, date);
  }

  /** Up to `limit` nodes whose label or id matches `query`: prefix matches first, then heavier first. */
  search(query: string, limit = 8): ViewNode[] {
    const q = fold(query.trim());
    if (!q) return [];
    const scored: { node: ViewNode; rank: number }[] = [];
    for (const node of this.nodes) {
      const label = fold(node.label);
      const at = label.indexOf(q);
      const rank = at === 0 ? 0 : at > 0 && /\s|-/.test(label[at - 1]!) ? 1 : at > 0 ? 2 : -1;
      if (rank >= 0) scored.push({ node, rank });
      else if (fold(node.id).includes(q)) scored.push({ node, rank: 3 });
    }
    scored.sort(
      (a, b) =>
        a.rank - b.rank ||
        b.node.weight - a.node.weight ||
        a.node.label.localeCompare(b.node.label),
    );
    return scored.slice(0, limit).map((s) => s.node);
  }

  /** The count of nodes of each kind (for the legend), most first. */
  kindCounts(): { kind: GraphNodeKind; count: number }[] {
    const counts = new Map<GraphNodeKind, number>();
    for (const n of this.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count);
  }

  /** Communities, largest first, each named after its heaviest node. */
  communityList(): { community: number; count: number; label: string }[] {
    const best = new Map<number, { count: number; top: ViewNode }>();
    for (const node of this.nodes) {
      const c = best.get(node.community);
      if (!c) best.set(node.community, { count: 1, top: node });
      else {
        c.count++;
        // Named after an entity rather than a story's headline, when it has one.
        const story = (n: ViewNode) => (n.kind === 'story' ? 1 : 0);
        if (
          story(node) - story(c.top) < 0 ||
          (story(node) === story(c.top) && node.weight > c.top.weight)
        )
          c.top = node;
      }
    }
    return [...best]
      .map(([community, { count, top }]) => ({ community, count, label: top.label }))
      .sort((a, b) => b.count - a.count || a.community - b.community);
  }

  /**
   * The local graph of one story: the story, its entities, and up to
   * `neighbours` of their strongest co-mentions (a desk's big countries are
   * mentioned with nearly everything, so all of them would be a hairball).
   * Story–entity edges are made here, weighted 1. Works on the whole graph
   * and on graph.get's neighbourhood of the story alike.
   */
  localGraph(
    slug: string,
    neighbours = 10,
  ): { nodes: ViewNode[]; edges: ViewEdge[]; entities: ViewNode[] } {
    const si = this.data.stories.findIndex((s) => s.slug === slug);
    const seeds = new Set<number>();
    if (si >= 0) {
      const { start, index } = this.data.nodeStories;
      this.nodes.forEach((node, v) => {
        if (node.kind === 'story') return;
        for (let j = start[v]!; j < start[v + 1]!; j++)
          if (index[j] === si) {
            seeds.add(v);
            break;
          }
      });
    }
    // Strongest links from the seeds to anyone else.
    const strength = new Map<number, number>();
    const { source, target, weight } = this.data.edges;
    for (const v of seeds)
      for (const i of this.incident[v]!) {
        const w = source[i] === v ? target[i]! : source[i]!;
        if (seeds.has(w) || this.nodes[w]!.kind === 'story') continue;
        strength.set(w, (strength.get(w) ?? 0) + weight[i]!);
      }
    const extra = [...strength]
      .sort((a, b) => b[1] - a[1] || this.nodes[a[0]]!.label.localeCompare(this.nodes[b[0]]!.label))
      .slice(0, neighbours)
      .map(([v]) => v);
    const keep = new Set([...seeds, ...extra]);
    const nodes = [...keep].sort((a, b) => a - b).map((v) => this.nodes[v]!);
    const edges: ViewEdge[] = [];
    // Edges that touch the story's entities only: among the neighbours they would be a hairball.
    source.forEach((s, i) => {
      const t = target[i]!;
      if (keep.has(s) && keep.has(t) && (seeds.has(s) || seeds.has(t))) edges.push(this.edges[i]!);
    });
    const story = this.data.stories[si];
    if (story) {
      const id = `story:${story.slug}`;
      nodes.push({
        id,
        label: 'This story',
        kind: 'story',
        weight: seeds.size,
        community: 0,
      });
      for (const v of seeds) edges.push({ source: id, target: this.nodes[v]!.id, weight: 1 });
    }
    const entities = [...seeds]
      .map((v) => this.nodes[v]!)
      .sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
    return { nodes, edges, entities };
  }

  /** The graph in the model's shape, for the GEXF, GraphML and JSON exports. */
  toDeskGraph(): DeskGraph {
    const e = this.data.edges;
    return {
      nodes: this.data.nodes,
      edges: {
        count: e.source.length,
        source: Int32Array.from(e.source),
        target: Int32Array.from(e.target),
        weight: Int32Array.from(e.weight),
        storyStart: Int32Array.from(e.storyStart),
        storyIndex: Int32Array.from(e.storyIndex),
      },
      stories: this.data.stories.map((s) => s.slug),
    };
  }
}

/** A label short enough to draw: story headlines are cut at a word, with an ellipsis. */
export function shortLabel(label: string, max = 34): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max);
  const space = /\s/.test(label[max]!) ? max : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;–—-]+$/, '')}…`;
}

/** The story a node id names, or null for an entity. */
export { storySlugOf };

/** No date: sorts after every day, and is never hidden. */
const NONE = 0x7fffffff;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date; NONE for '' or a date that does not parse. */
function dayOf(date: string): number {
  const ms = date ? Date.parse(`${date}T00:00:00Z`) : NaN;
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : NONE;
}

function isoOf(day: number): string {
  return day === NONE ? '' : new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Items of ascending `days` on or before `date`, undated ones (NONE, at the end) included. */
function countBy(days: Int32Array, date: string | null): number {
  if (date === null) return days.length;
  const day = dayOf(date);
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  let undated = 0;
  for (let i = days.length - 1; i >= 0 && days[i] === NONE; i--) undated++;
  return lo + undated;
}

function newestFirst(stories: StoryRef[]): StoryRef[] {
  return [...stories].sort(
    (a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title),
  );
}

/** Lower case without accents, so “zelen” finds “Zelenskyy” and “Erdo” finds “Erdoğan”. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Days between two YYYY-MM-DD dates (UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
