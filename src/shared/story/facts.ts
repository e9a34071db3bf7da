import type { FrontMatterData } from './frontmatter';
import type { MetaCounts, Section, Take } from './model';

// What the parser learned about where things are. Offsets are into the text
// that was parsed; `to` is exclusive and never includes a line's newline.
// Views (editor marks, forms, preview sync, the index) read these instead of
// parsing the markdown again.

export interface Span {
  from: number;
  to: number;
}

export interface SectionFact {
  index: number;
  kind: Section['kind'];
  /** The known section it is, or null for an unknown heading. */
  id: string | null;
  heading: string;
  headingSpan: Span;
  /** From the `## ` line to the section's last non-blank line. */
  span: Span;
  bodySpan: Span | null;
}

export interface LensFact {
  index: number;
  lens: string;
  section: number;
  /** From the `### ` line to the group's last line. */
  span: Span;
  headingSpan: Span;
}

export interface TakeFact {
  /** Position among all takes of the story. */
  index: number;
  /** Lens group and item index within the takes section. */
  group: number;
  item: number;
  lens: string;
  take: Take;
  /** All the lines the take owns: its head line, quote and source. */
  span: Span;
  headSpan: Span;
  fields: { outlet: Span; region: Span; language: Span; summary: Span };
  quoteSpan: Span | null;
  sourceSpan: Span | null;
}

export interface LinkFact {
  text: string;
  slug: string;
  locale: string;
  /** The whole `[text](href)`. */
  span: Span;
  /** The slug at the end of the href. */
  slugSpan: Span;
  section: number;
}

export interface StoryFacts {
  frontMatter: (Span & { data: FrontMatterData | null }) | null;
  title: Span | null;
  dek: Span | null;
  meta: Span | null;
  metaCounts?: Partial<Record<keyof MetaCounts, Span>>;
  /** The counts the Meta line states, when it states any. */
  statedCounts?: MetaCounts | null;
  canonical: Span | null;
  footer?: Span;
  slug: string | null;
  locale: string | null;
  baseUrl: string | null;
  sections: SectionFact[];
  lenses: LensFact[];
  takes: TakeFact[];
  quotes: { take: number; text: string; span: Span }[];
  numbers: {
    index: number;
    figure: string;
    note: string;
    span: Span;
    figureSpan: Span;
    noteSpan: Span;
  }[];
  watch: { index: number; text: string; span: Span }[];
  entityLinks: LinkFact[];
  storyLinks: LinkFact[];
  related: { slug: string; span: Span }[];
  relatedLine?: Span;
  entities: { name: string; span: Span }[];
  entitiesLine?: Span;
}
