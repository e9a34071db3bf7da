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
  const { story, diagnostics, facts } = parsed;
  const meta = story.meta?.kind === 'meta' ? story.meta : null;
  const data = facts.frontMatter?.data ?? {};
  const status = StoryStatus.safeParse(data.status);
  const takes = facts.takes.map((t) => t.take);
  const unique = (values: string[]) => [...new Set(values)];
  const entities = unique([
    ...facts.entities.map((e) => resolve(e.name)),
    ...facts.entityLinks.map((l) => l.slug),
  ]);
  return {
    slug,
    title: story.title ?? '',
    dek: story.dek ?? '',
    type: meta?.type ?? '',
    date: meta?.date ?? '',
    heads: meta?.heads ?? [],
    status: status.success ? status.data : 'draft',
    assignee: typeof data.assignee === 'string' ? data.assignee : '',
    takes: deriveCounts(story).takes,
    lenses: unique(facts.lenses.map((l) => l.lens)),
    regions: unique(takes.map((t) => t.region)),
    languages: unique(takes.map((t) => t.language)),
    outlets: unique(takes.map((t) => t.outlet)),
    entities,
    links: unique([...facts.related.map((r) => r.slug), ...facts.storyLinks.map((l) => l.slug)]),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
