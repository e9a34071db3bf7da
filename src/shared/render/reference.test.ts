import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../story/parse';
import { renderStoryPage } from './page';
import { renderStoryHtml } from './story-html';

// The published reference story, end to end: parsed by the desk's parser and
// rendered whole, nothing lost and nothing active.

const REFERENCE = resolve(
  __dirname,
  '../../../../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md',
);
const { story } = parseStory(readFileSync(REFERENCE, 'utf8'));

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern, 'g'))?.length ?? 0;
}

describe('the reference story', () => {
  const html = renderStoryHtml(story, { locale: 'ja', mode: 'preview' });

  it('shows its header', () => {
    expect(html).toContain(
      '<h1 class="story-title" data-field="title">Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no</h1>',
    );
    expect(html).toContain('<time datetime="2026-06-05">5 June 2026</time>');
    expect(html).toMatch(/13 takes<\/span>.*3 lenses<\/span>.*11 regions<\/span>/);
  });

  it('shows all seven sections', () => {
    expect(count(html, /<section class="story-section /)).toBe(7);
    for (const h of [
      'Summary',
      'The split',
      'By the numbers',
      'Why it matters',
      'What to watch',
      'Across the graph',
    ])
      expect(html).toContain(`<h2>${h}</h2>`);
  });

  it('shows every take, lens, number, link and entity', () => {
    expect(count(html, /<article class="take"/)).toBe(13);
    expect(count(html, /<h3 class="lens-name">/)).toBe(3);
    for (const lens of ['unlabelled', 'Central-European analytical', 'US mainstream'])
      expect(html).toContain(`<h3 class="lens-name">${lens}</h3>`);
    expect(count(html, /<li class="number" data-number=/)).toBe(6);
    expect(count(html, /<li data-watch=/)).toBe(3);
    expect(count(html, /<li data-related="\d"><a [^>]*class="story-link"/)).toBe(4);
    expect(count(html, /<li data-entity-index="\d"><a [^>]*class="entity-link"/)).toBe(6);
    expect(count(html, /<figure class="quote">/)).toBe(2);
    expect(count(html, /<p class="summary">/)).toBe(4);
    expect(count(html, /class="external-link"/)).toBe(13);
    expect(html).toContain(
      'class="canonical" href="https://rbtfl.xyz/ja/n/ukraine-russia-geneva-territory-talks"',
    );
  });

  it('marks its prose links', () => {
    expect(html).toContain(
      '<a href="/ja/entity/russia" class="entity-link" data-entity="russia">Moscow</a>',
    );
    expect(html).toContain(
      '<a href="/ja/n/putin-ukraine-deep-strikes-summer" class="story-link" data-story="putin-ukraine-deep-strikes-summer">front stalled</a>',
    );
    expect(html).toContain('data-entity="ukraine-russia-war">Ukraine Russia War</a>');
  });

  it('renders as a standalone page with absolute links only', () => {
    const page = renderStoryPage(story, { locale: 'ja', lang: 'en' });
    expect(page).toContain('<title>Ukraine-Russia talks inch forward');
    expect(page).not.toMatch(/href="\//);
    expect(count(page, /href="https:\/\/rbtfl\.xyz\/ja\/entity\//)).toBeGreaterThanOrEqual(6);
  });
});
