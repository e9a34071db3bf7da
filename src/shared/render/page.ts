import type { Story } from '../story/model';
import { escapeHtml } from './escape';
import { isLanguageTag } from './lang';
import { resolveBase } from './links';
import { pageCss, storyCss } from './story.css';
import { renderStoryHtml } from './story-html';

// The story as a reader gets it: one self-contained HTML file. It can run no
// script and load nothing, whatever the story says, because the policy below
// forbids both; the renderer's own sanitizing is the first line, this is the
// second. The front matter never appears: it is the desk's, not the reader's.

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  /** The desk's locale: the `/{locale}/` prefix of every desk link. */
  locale: string;
  /** Where desk links point; read from the Canonical URL when absent. */
  baseUrl?: string | undefined;
  /**
   * The language the story is written in, for `<html lang>` and the date.
   * Not the locale: a desk's URLs may say `ja` while its stories are English.
   * Left out of the document when absent or malformed.
   */
  lang?: string | undefined;
}

export function renderStoryPage(story: Story, options: PageOptions): string {
  const lang = options.lang !== undefined && isLanguageTag(options.lang) ? options.lang : undefined;
  const body = renderStoryHtml(story, {
    locale: options.locale,
    baseUrl: options.baseUrl,
    mode: 'standalone',
    lang,
  });
  const base = resolveBase(options.baseUrl, story.canonical, options.locale);
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(story.title?.trim() || 'Untitled story')}</title>`,
  ];
  if (story.dek !== null && story.dek.trim() !== '')
    head.push(`<meta name="description" content="${escapeHtml(story.dek)}">`);
  if (story.canonical !== null && /^https?:\/\/[^\s"'<>\\]+$/i.test(story.canonical))
    head.push(`<link rel="canonical" href="${escapeHtml(story.canonical)}">`);
  head.push(`<style>${storyCss}${pageCss}</style>`);

  const masthead =
    base === null
      ? ''
      : `<header class="site"><div><a href="${escapeHtml(base)}/">` +
        `${escapeHtml(base.replace(/^https?:\/\//i, ''))}</a></div></header>\n`;

  return [
    '<!doctype html>',
    lang === undefined ? '<html>' : `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    `${masthead}<main>`,
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
