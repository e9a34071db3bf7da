import { serializeStory, type Story } from './story';

// A new story: the layout's skeleton with every required line in place, so
// the checks show what is left to write rather than what is missing.

export interface TemplateFields {
  slug: string;
  title: string;
  type: string;
  /** YYYY-MM-DD */
  date: string;
  baseUrl: string;
  locale: string;
}

export function newStoryText(f: TemplateFields): string {
  const story: Story = {
    frontMatter: 'status: draft\n',
    title: f.title || 'Headline',
    dek: 'One sentence on what happened and why it matters.',
    meta: {
      kind: 'meta',
      type: f.type,
      date: f.date,
      heads: [],
      counts: { takes: 1, lenses: 1, regions: 1 },
    },
    preamble: [],
    sections: [
      { kind: 'prose', id: 'summary', text: 'What happened, in a paragraph.' },
      {
        kind: 'takes',
        intro: [],
        groups: [
          {
            lens: 'unlabelled',
            items: [
              {
                kind: 'take',
                outlet: 'Outlet',
                region: 'Global',
                language: 'en',
                summary: '',
                quote: null,
                source: 'https://',
              },
            ],
          },
        ],
      },
    ],
    canonical: `${f.baseUrl}/${f.locale}/n/${f.slug}`,
    trailer: [],
    finalNewline: true,
  };
  return serializeStory(story);
}
