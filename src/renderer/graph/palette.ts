import type { GraphNodeKind } from '../../shared/graph';

// The graph's colours come from graph.css's custom properties, one set per
// theme, read when the theme changes: the canvas draws with plain colours.

export type ColorMode = 'kind' | 'community';

export const KINDS: readonly GraphNodeKind[] = [
  'person',
  'country',
  'organisation',
  'place',
  'event',
  'other',
  'story',
];

export const KIND_LABELS: Record<GraphNodeKind, string> = {
  person: 'Person',
  country: 'Country',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  other: 'Other',
  story: 'Story',
};

/** Communities past this many share the last, neutral colour. */
export const COMMUNITY_COLOURS = 10;

export interface GraphPalette {
  kind: Record<GraphNodeKind, string>;
  community: string[];
  edge: string;
  label: string;
  background: string;
}

export function readPalette(root: HTMLElement = document.documentElement): GraphPalette {
  const style = getComputedStyle(root);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kind = Object.fromEntries(KINDS.map((k) => [k, v(`--graph-${k}`, '#888888')])) as Record<
    GraphNodeKind,
    string
  >;
  return {
    kind,
    community: Array.from({ length: COMMUNITY_COLOURS + 1 }, (_, i) =>
      v(`--graph-c${i}`, '#888888'),
    ),
    edge: v('--graph-edge', '#999999'),
    label: v('--graph-label', '#222222'),
    background: v('--graph-bg', '#ffffff'),
  };
}

export function colorOf(
  palette: GraphPalette,
  mode: ColorMode,
): (node: { kind: string; community: number }) => string {
  if (mode === 'kind')
    return (node) => palette.kind[node.kind as GraphNodeKind] ?? palette.kind.other;
  return (node) => palette.community[Math.min(node.community, COMMUNITY_COLOURS)]!;
}

/** The CSS class of a legend swatch (its colour is the same custom property). */
export function swatchClass(mode: ColorMode, key: GraphNodeKind | number): string {
  return mode === 'kind'
    ? `graph-swatch swatch-${key}`
    : `graph-swatch swatch-c${Math.min(Number(key), COMMUNITY_COLOURS)}`;
}
