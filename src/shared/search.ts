import { z } from 'zod';
import { StoryStatus } from './desk';

// The library's questions: full-text search and filters over a desk.

export const SearchFilters = z.object({
  status: StoryStatus.optional(),
  type: z.string().optional(),
  head: z.string().optional(),
  lens: z.string().optional(),
  region: z.string().optional(),
  language: z.string().optional(),
  /** An entity slug. */
  entity: z.string().optional(),
  /** Inclusive YYYY-MM-DD bounds on the Meta line's date. */
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchQuery = z.object({
  /** What the user typed; any text is safe, including quotes and operators. */
  text: z.string().max(1000).default(''),
  filters: SearchFilters.default({}),
  limit: z.number().int().min(1).max(10_000).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A snippet as runs of text, each marked when it matched: no HTML crosses the wire. */
export const SnippetRun = z.object({ text: z.string(), match: z.boolean() });
export type SnippetRun = z.infer<typeof SnippetRun>;

export const SearchHit = z.object({
  slug: z.string(),
  title: z.string(),
  date: z.string(),
  status: StoryStatus,
  /** Lower is better, as SQLite's bm25 ranks; 0 when there is no text query. */
  score: z.number(),
  snippet: z.array(SnippetRun),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ hits: z.array(SearchHit), total: z.number() });
export type SearchResult = z.infer<typeof SearchResult>;

export const SourceEntry = z.object({
  url: z.string(),
  outlet: z.string(),
  stories: z.array(z.string()),
  /** Dates (YYYY-MM-DD) of the earliest and latest story citing it. */
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

/** An outlet the desk's takes name, with the region and language it is most often given. */
export const OutletEntry = z.object({
  outlet: z.string(),
  /** The region most takes of this outlet name ('' when none names one); ties go to the first by name. */
  region: z.string(),
  language: z.string(),
  /** How many takes name this outlet, over every story. */
  takes: z.number(),
});
export type OutletEntry = z.infer<typeof OutletEntry>;
