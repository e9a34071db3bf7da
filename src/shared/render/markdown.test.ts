import { describe, expect, it } from 'vitest';
import type { LinkContext } from './links';
import { renderMarkdown, renderMarkdownInline } from './markdown';

const preview: LinkContext = { locale: 'ja', mode: 'preview', base: 'https://rbtfl.xyz' };
const standalone: LinkContext = { ...preview, mode: 'standalone' };

describe('renderMarkdown', () => {
  it('renders prose with inline markdown', () => {
    expect(renderMarkdown('One **bold**\nline.\n\nTwo *em*.', preview)).toBe(
      '<p>One <strong>bold</strong>\nline.</p>\n<p>Two <em>em</em>.</p>\n',
    );
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> <b>b</b>',
      preview,
    );
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops a disallowed href and keeps the link text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      'vbscript:x',
      '../../secret',
      'relative/path',
      '/en/entity/russia',
    ]) {
      const html = renderMarkdown(`Click [here](${href}) now.`, preview);
      expect(html, href).toBe('<p>Click here now.</p>\n');
    }
  });

  it('drops disallowed autolinks and reference links too', () => {
    expect(renderMarkdown('<javascript:alert(1)>', preview)).not.toContain('<a');
    expect(renderMarkdown('[x][r]\n\n[r]: javascript:alert(1)', preview)).toBe('<p>x</p>\n');
  });

  it('does not linkify bare URLs', () => {
    expect(renderMarkdown('See https://example.com today.', preview)).not.toContain('<a');
  });

  it('classifies desk links and marks them', () => {
    const html = renderMarkdown(
      '[Moscow](/ja/entity/russia) and [the front](/ja/n/front-stalled).',
      preview,
    );
    expect(html).toContain(
      '<a href="/ja/entity/russia" class="entity-link" data-entity="russia">Moscow</a>',
    );
    expect(html).toContain(
      '<a href="/ja/n/front-stalled" class="story-link" data-story="front-stalled">the front</a>',
    );
  });

  it('makes desk links absolute in standalone mode', () => {
    const html = renderMarkdown('[Moscow](/ja/entity/russia)', standalone);
    expect(html).toContain('href="https://rbtfl.xyz/ja/entity/russia"');
  });

  it('gives external links rel and keeps an escaped title', () => {
    const html = renderMarkdown('[x](https://example.com/a "a \\"quoted\\" <title>")', standalone);
    expect(html).toBe(
      '<p><a href="https://example.com/a" class="external-link" rel="noopener noreferrer" ' +
        'title="a &quot;quoted&quot; &lt;title&gt;">x</a></p>\n',
    );
  });

  it('never loads an image: it becomes its alt text', () => {
    const remote = renderMarkdown('![a chart](https://tracker.example/pixel.png)', preview);
    expect(remote).not.toContain('<img');
    expect(remote).toContain('<span class="image-alt">a chart</span>');
    expect(remote).toContain('href="https://tracker.example/pixel.png"');
    const hostile = renderMarkdown('![<b>x</b>"](javascript:alert(1))', preview);
    expect(hostile).not.toMatch(/<img|<a|<b>/);
    expect(hostile).toContain('&lt;b&gt;x&lt;/b&gt;&quot;');
  });

  it('does not nest a linked image inside a link', () => {
    const html = renderMarkdown('[![alt](https://a.example/i.png)](https://b.example/)', preview);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('href="https://b.example/"');
  });

  it('starts headings typed in prose at h3', () => {
    expect(renderMarkdown('# Big\n\n### Small', preview)).toBe('<h3>Big</h3>\n<h5>Small</h5>\n');
  });

  it('escapes code', () => {
    expect(renderMarkdown('`<script>`', preview)).toBe('<p><code>&lt;script&gt;</code></p>\n');
  });
});

describe('renderMarkdownInline', () => {
  it('renders one line without a paragraph', () => {
    expect(renderMarkdownInline('A *note* & <i>x</i>', preview)).toBe(
      'A <em>note</em> &amp; &lt;i&gt;x&lt;/i&gt;',
    );
  });
});
