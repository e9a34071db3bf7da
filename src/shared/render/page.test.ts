import { describe, expect, it } from 'vitest';
import { PAGE_CSP, renderStoryPage } from './page';
import { pageCss, storyCss } from './story.css';
import { prose, story } from './test-story';

describe('renderStoryPage', () => {
  const page = renderStoryPage(
    story(
      {
        title: 'Talks </title><script>alert(1)</script>',
        frontMatter: 'status: draft\nnote: unpublished\n',
      },
      [prose('[Moscow](/ja/entity/russia) <script>alert(1)</script>')],
    ),
    { locale: 'ja', lang: 'en' },
  );

  it('is a complete HTML5 document', () => {
    expect(
      page.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'),
    ).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<body>');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('forbids script and every remote resource in its CSP', () => {
    expect(PAGE_CSP).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
    );
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`);
    // The policy must come before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('escapes the title and runs no script', () => {
    expect(page).toContain(
      '<title>Talks &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(page).not.toMatch(/<script/i);
  });

  it('embeds its one stylesheet and links nothing', () => {
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain(storyCss);
    expect(page).not.toMatch(/<link(?! rel="canonical")/);
    for (const css of [storyCss, pageCss]) {
      expect(css).not.toMatch(/@import|url\(|@font-face/);
    }
    expect(storyCss).toContain('@media (prefers-color-scheme: dark)');
    expect(storyCss).toContain('@media print');
  });

  it('names its canonical URL and describes itself with the dek', () => {
    expect(page).toContain('<link rel="canonical" href="https://rbtfl.xyz/ja/n/a-story">');
    expect(page).toContain('<meta name="description" content="A dek">');
  });

  it('leaves the front matter out', () => {
    expect(page).not.toContain('unpublished');
    expect(page).not.toContain('draft');
  });

  it('renders the story standalone, with absolute desk links', () => {
    expect(page).toContain('<article class="story">');
    expect(page).toContain('href="https://rbtfl.xyz/ja/entity/russia" class="entity-link"');
    const desk = renderStoryPage(story({}, [prose('[Moscow](/ja/entity/russia)')]), {
      locale: 'ja',
      baseUrl: 'https://desk.example',
    });
    expect(desk).toContain('href="https://desk.example/ja/entity/russia"');
  });

  it('leaves out a missing or malformed lang', () => {
    expect(renderStoryPage(story(), { locale: 'ja' })).toContain('<!doctype html>\n<html>\n');
    expect(renderStoryPage(story(), { locale: 'ja', lang: '"><script>' })).toContain(
      '<!doctype html>\n<html>\n',
    );
  });

  it('titles an untitled story', () => {
    expect(renderStoryPage(story({ title: null, canonical: null }), { locale: 'ja' })).toContain(
      '<title>Untitled story</title>',
    );
  });
});
