import { renderStoryPage } from './render';
import { parseStory, serializeStory, type Story } from './story';

// Publishing a story: the same three forms from the CLI, the app and the web.

export const EXPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The published text: the desk-only front matter is left out. */
export function publishedMarkdown(story: Story): string {
  return serializeStory({ ...story, frontMatter: null });
}

export function exportStoryText(text: string, format: ExportFormat): string {
  const { story, facts } = parseStory(text);
  switch (format) {
    case 'md':
      return publishedMarkdown(story);
    case 'json':
      return JSON.stringify(story, null, 2) + '\n';
    case 'html':
      return renderStoryPage(story, {
        locale: facts.locale ?? 'en',
        baseUrl: facts.baseUrl ?? undefined,
      });
  }
}
