import type { TextChange } from './diagnostics';
import type { StoryFacts } from './facts';

// The changes that move a story's links when a slug changes elsewhere in the
// desk: computed from the parser's facts, never by searching the markdown.

/** Point every `[[from]]` and `/{locale}/n/{from}` link of a story at `to`. */
export function storyLinkChanges(facts: StoryFacts, from: string, to: string): TextChange[] {
  const changes: TextChange[] = [];
  for (const r of facts.related) if (r.slug === from) changes.push({ ...r.span, insert: to });
  for (const l of facts.storyLinks)
    if (l.slug === from) changes.push({ ...l.slugSpan, insert: to });
  return changes;
}

/** Point every `/{locale}/entity/{from}` link at `to`. */
export function entityLinkChanges(facts: StoryFacts, from: string, to: string): TextChange[] {
  return facts.entityLinks
    .filter((l) => l.slug === from)
    .map((l) => ({ ...l.slugSpan, insert: to }));
}

/** The change that gives a story a new slug in its own Canonical line. */
export function canonicalSlugChange(facts: StoryFacts, to: string): TextChange | null {
  if (!facts.canonical || facts.slug === null) return null;
  return { from: facts.canonical.to - facts.slug.length, to: facts.canonical.to, insert: to };
}
