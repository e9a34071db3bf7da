import { z } from 'zod';
import { StoryStatus } from './desk';
import { slugify } from './story/slug';
import type { ParseResult } from './story/parse';
import { deriveCounts } from './story/derive';

// What the library knows of a story without opening it: its metadata, its
// facets for filters, and its problems, all derived from one parse.

export const StorySummary = z.object({
  slug: z.string(),
  title: z.string(),
  dek: z.string(),
  type: z.string(),
  /** YYYY-MM-DD, or '' when the Meta line has none. */
  date: z.string(),
  heads: z.array(z.string()),
  status: StoryStatus,
  assignee: z.string(),
  takes: z.number(),
  lenses: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  outlets: z.array(z.string()),
  /** Entity slugs, from the Entities line and prose links, aliases resolved. */
  entities: z.array(z.string()),
  /** Story slugs this story links to, from Related and prose. */
  links: z.array(z.string()),
  errors: z.number(),
  warnings: z.number(),
});
export type StorySummary = z.infer<typeof StorySummary>;

/** Resolves an entity name or alias to its slug; unknown names get their own slug. */
export type EntityResolver = (name: string) => string;
export const slugResolver: EntityResolver = (name) => slugify(name);

export function summarizeStory(
  slug: string,
  parsed: ParseResult,
  resolve: EntityResolver = slugResolver,
): StorySummary {
  return completeSummary(summaryParts(slug, parsed), resolve);
}

/**
 * A summary but for its entities, which need the desk's entity registry to
 * resolve names: what can be worked out from the parse alone (in a worker
 * thread, when a desk is read in bulk), plain data that crosses threads.
 */
export interface SummaryParts {
  /** The summary's fields, in its order; `entities` is filled by completeSummary. */
  summary: StorySummary;
  /** The Entities line's names, in order, to resolve. */
  entityNames: string[];
  /** The slugs of entity links in prose, in order. */
  entityLinks: string[];
}

const STATUSES: ReadonlySet<unknown> = new Set(StoryStatus.options);

export function summaryParts(slug: string, parsed: ParseResult): SummaryParts {
  const { story, diagnostics, facts } = parsed;
  const meta = story.meta?.kind === 'meta' ? story.meta : null;
  const data = facts.frontMatter?.data ?? {};
  // StoryStatus.safeParse, without zod's cost per story: a status is one of the enum's strings.
  const status = STATUSES.has(data.status) ? (data.status as StoryStatus) : 'draft';
  const lenses = new Set<string>();
  for (const l of facts.lenses) lenses.add(l.lens);
  const regions = new Set<string>();
  const languages = new Set<string>();
  const outlets = new Set<string>();
  for (const { take } of facts.takes) {
    regions.add(take.region);
    languages.add(take.language);
    outlets.add(take.outlet);
  }
  const links = new Set<string>();
  for (const r of facts.related) links.add(r.slug);
  for (const l of facts.storyLinks) links.add(l.slug);
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return {
    summary: {
      slug,
      title: story.title ?? '',
      dek: story.dek ?? '',
      type: meta?.type ?? '',
      date: meta?.date ?? '',
      heads: meta?.heads ?? [],
      status,
      assignee: typeof data.assignee === 'string' ? data.assignee : '',
      takes: deriveCounts(story).takes,
      lenses: [...lenses],
      regions: [...regions],
      languages: [...languages],
      outlets: [...outlets],
      entities: [],
      links: [...links],
      errors,
      warnings,
    },
    entityNames: facts.entities.map((e) => e.name),
    entityLinks: facts.entityLinks.map((l) => l.slug),
  };
}

/** The summary, its entities resolved: the Entities line's names, then prose links, each once. */
export function completeSummary(parts: SummaryParts, resolve: EntityResolver): StorySummary {
  const entities = new Set<string>();
  for (const name of parts.entityNames) entities.add(resolve(name));
  for (const slug of parts.entityLinks) entities.add(slug);
  return { ...parts.summary, entities: [...entities] };
}
