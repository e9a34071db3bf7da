import type { Section, Story, Take } from '../story/model';

// Hand-built models for the renderer's tests: each test states only what it
// is about, and the rest is a small valid story.

export function take(fields: Partial<Take> = {}): Take {
  return {
    kind: 'take',
    outlet: 'Reuters',
    region: 'Global',
    language: 'en',
    summary: 'A summary.',
    quote: null,
    source: 'https://www.reuters.com/world/',
    ...fields,
  };
}

export function story(fields: Partial<Story> = {}, sections?: Section[]): Story {
  return {
    frontMatter: null,
    title: 'A title',
    dek: 'A dek',
    meta: {
      kind: 'meta',
      type: 'story',
      date: '2026-06-05',
      heads: ['Who Decides'],
      counts: { takes: 1, lenses: 1, regions: 1 },
    },
    preamble: [],
    sections: sections ?? [
      { kind: 'takes', intro: [], groups: [{ lens: 'unlabelled', items: [take()] }] },
    ],
    canonical: 'https://rbtfl.xyz/ja/n/a-story',
    trailer: [],
    finalNewline: true,
    ...fields,
  };
}

export function prose(text: string, id: 'summary' | 'split' | 'matters' = 'summary'): Section {
  return { kind: 'prose', id, text };
}
