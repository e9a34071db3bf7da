import { z } from 'zod';

// The story model: what FORMAT.md's layout says, and nothing more. A model is
// what `parseStory` returns and what `serializeStory` writes; for a document in
// the layout the two are exact inverses. Lines the parser cannot place survive
// as `RawLine`s where they stood, so nothing a desk editor typed is ever lost.

export const RawLine = z.object({ kind: z.literal('raw'), text: z.string() });
export type RawLine = z.infer<typeof RawLine>;

export const Take = z.object({
  kind: z.literal('take'),
  outlet: z.string(),
  region: z.string(),
  language: z.string(),
  /** May be empty: the line then ends in `— ` (the dash and its trailing space). */
  summary: z.string(),
  /** The quote without its surrounding straight double quotes. */
  quote: z.string().nullable(),
  source: z.string().nullable(),
});
export type Take = z.infer<typeof Take>;

export const TakeItem = z.discriminatedUnion('kind', [Take, RawLine]);
export type TakeItem = z.infer<typeof TakeItem>;

export const LensGroup = z.object({ lens: z.string(), items: z.array(TakeItem) });
export type LensGroup = z.infer<typeof LensGroup>;

export const NumberLine = z.object({
  kind: z.literal('number'),
  /** Ends at the first `, ` of the line, so it never holds one. */
  figure: z.string(),
  note: z.string(),
});
export type NumberLine = z.infer<typeof NumberLine>;

export const NumberItem = z.discriminatedUnion('kind', [NumberLine, RawLine]);
export type NumberItem = z.infer<typeof NumberItem>;

export const WatchLine = z.object({ kind: z.literal('item'), text: z.string() });
export type WatchLine = z.infer<typeof WatchLine>;

export const WatchItem = z.discriminatedUnion('kind', [WatchLine, RawLine]);
export type WatchItem = z.infer<typeof WatchItem>;

/** The headings of the known sections, in the order a story must give them. */
export const SECTION_HEADINGS = {
  summary: 'Summary',
  split: 'The split',
  numbers: 'By the numbers',
  matters: 'Why it matters',
  watch: 'What to watch',
  takes: 'Regional takes (batched by bias / lens)',
  graph: 'Across the graph',
} as const;

export type SectionId = keyof typeof SECTION_HEADINGS;
export const SECTION_ORDER: readonly SectionId[] = [
  'summary',
  'split',
  'numbers',
  'matters',
  'watch',
  'takes',
  'graph',
];

export const ProseSection = z.object({
  kind: z.literal('prose'),
  id: z.enum(['summary', 'split', 'matters']),
  /** Exactly as written: hard wraps, trailing spaces and inline markdown kept. */
  text: z.string(),
});
export type ProseSection = z.infer<typeof ProseSection>;

export const NumbersSection = z.object({ kind: z.literal('numbers'), items: z.array(NumberItem) });
export type NumbersSection = z.infer<typeof NumbersSection>;

export const WatchSection = z.object({ kind: z.literal('watch'), items: z.array(WatchItem) });
export type WatchSection = z.infer<typeof WatchSection>;

export const TakesSection = z.object({
  kind: z.literal('takes'),
  /** Lines between the heading and the first lens, kept as written. */
  intro: z.array(RawLine),
  groups: z.array(LensGroup),
});
export type TakesSection = z.infer<typeof TakesSection>;

export const GraphSection = z.object({
  kind: z.literal('graph'),
  /** Story slugs of the Related line; null when the story has no Related line. */
  related: z.array(z.string()).nullable(),
  /** Entity names of the Entities line; null when there is none. */
  entities: z.array(z.string()).nullable(),
  extra: z.array(RawLine),
});
export type GraphSection = z.infer<typeof GraphSection>;

/** A `## ` section the format does not know: kept verbatim, flagged, never dropped. */
export const UnknownSection = z.object({
  kind: z.literal('unknown'),
  heading: z.string(),
  text: z.string(),
});
export type UnknownSection = z.infer<typeof UnknownSection>;

export const Section = z.discriminatedUnion('kind', [
  ProseSection,
  NumbersSection,
  WatchSection,
  TakesSection,
  GraphSection,
  UnknownSection,
]);
export type Section = z.infer<typeof Section>;

export const MetaCounts = z.object({
  takes: z.number().int().nonnegative(),
  lenses: z.number().int().nonnegative(),
  regions: z.number().int().nonnegative(),
});
export type MetaCounts = z.infer<typeof MetaCounts>;

export const Meta = z.object({
  kind: z.literal('meta'),
  type: z.string(),
  date: z.string(),
  heads: z.array(z.string()),
  /** The counts as the line states them; `deriveCounts` gives what they should be. */
  counts: MetaCounts,
});
export type Meta = z.infer<typeof Meta>;

export const Story = z.object({
  /**
   * The YAML between the `---` fences, each line with its newline, exactly as
   * read: an untouched block is written back byte for byte.
   */
  frontMatter: z.string().nullable(),
  title: z.string().nullable(),
  dek: z.string().nullable(),
  /** A Meta line too broken to read is kept as a raw line instead. */
  meta: z.union([Meta, RawLine]).nullable(),
  /** Header lines the parser could not place, written back after the Meta line. */
  preamble: z.array(RawLine),
  sections: z.array(Section),
  canonical: z.string().nullable(),
  /** Lines after the Canonical line, kept as written. */
  trailer: z.array(RawLine),
  /** Whether the file ends with a newline (FORMAT.md allows either). */
  finalNewline: z.boolean(),
});
export type Story = z.infer<typeof Story>;
