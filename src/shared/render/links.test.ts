import { describe, expect, it } from 'vitest';
import { classifyHref, displayHost, linkOpen, resolveBase, type LinkContext } from './links';

const preview: LinkContext = { locale: 'ja', mode: 'preview', base: 'https://rbtfl.xyz' };
const standalone: LinkContext = { ...preview, mode: 'standalone' };

describe('classifyHref', () => {
  it('allows http(s) URLs and reports their host', () => {
    expect(classifyHref('https://www.Reuters.com/world/', preview)).toEqual({
      kind: 'external',
      href: 'https://www.Reuters.com/world/',
      host: 'www.reuters.com',
    });
    expect(classifyHref('http://example.com', preview)?.kind).toBe('external');
    expect(classifyHref('https://user@evil.example:8080/x', preview)).toMatchObject({
      host: 'evil.example',
    });
  });

  it('recognises the desk paths of its own locale only', () => {
    expect(classifyHref('/ja/entity/russia', preview)).toEqual({ kind: 'entity', slug: 'russia' });
    expect(classifyHref('/ja/n/putin-ukraine-deep-strikes-summer', preview)).toEqual({
      kind: 'story',
      slug: 'putin-ukraine-deep-strikes-summer',
    });
    for (const href of [
      '/en/entity/russia',
      '/ja/entity/Russia',
      '/ja/entity/russia/',
      '/ja/entity/',
      '/ja/entity/a--b',
      '/ja/n/x?y=1',
      '/ja/other/x',
      '/ja/entity/../../etc/passwd',
      '//evil.example/ja/n/x',
    ])
      expect(classifyHref(href, preview), href).toBeNull();
  });

  it('refuses every other scheme and relative paths', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'mailto:a@b.c',
      'entity/russia',
      '../n/x',
      '#top',
      '',
      'https://',
      'https://exa mple.com',
      'https://example.com/"onmouseover="x',
      'https:\\\\evil.example',
      'https://a.example/\u0000x',
      'https://a.example/\u007fx',
      'https://a.ex\u0001ample/',
    ])
      expect(classifyHref(href, preview), href).toBeNull();
  });

  it("treats an absolute URL on the desk's base as a desk link", () => {
    expect(classifyHref('https://rbtfl.xyz/ja/entity/russia', preview)).toEqual({
      kind: 'entity',
      slug: 'russia',
    });
    expect(classifyHref('https://rbtfl.xyz/en/entity/russia', preview)?.kind).toBe('external');
    expect(classifyHref('https://rbtfl.xyz.evil.example/ja/entity/russia', preview)?.kind).toBe(
      'external',
    );
  });
});

describe('linkOpen', () => {
  it('marks desk links with their slug and keeps them paths in preview', () => {
    expect(linkOpen({ kind: 'entity', slug: 'russia' }, preview)).toBe(
      '<a href="/ja/entity/russia" class="entity-link" data-entity="russia">',
    );
    expect(linkOpen({ kind: 'story', slug: 'a-b' }, preview)).toBe(
      '<a href="/ja/n/a-b" class="story-link" data-story="a-b">',
    );
  });

  it('makes desk links absolute in standalone mode', () => {
    expect(linkOpen({ kind: 'story', slug: 'a-b' }, standalone)).toContain(
      'href="https://rbtfl.xyz/ja/n/a-b"',
    );
  });

  it('gives external links no referrer and no target', () => {
    const tag = linkOpen(
      { kind: 'external', href: 'https://a.example/?q="x"&y', host: 'a.example' },
      standalone,
    );
    expect(tag).toBe(
      '<a href="https://a.example/?q=&quot;x&quot;&amp;y" class="external-link" rel="noopener noreferrer">',
    );
    expect(tag).not.toContain('target');
  });
});

describe('resolveBase', () => {
  it('prefers the given base URL, without its trailing slash', () => {
    expect(resolveBase('https://desk.example/', 'https://rbtfl.xyz/ja/n/x', 'ja')).toBe(
      'https://desk.example',
    );
  });
  it('reads the base from the Canonical URL otherwise', () => {
    expect(resolveBase(undefined, 'https://rbtfl.xyz/ja/n/x', 'ja')).toBe('https://rbtfl.xyz');
    expect(resolveBase(undefined, 'https://Rbtfl.xyz/news/ja/n/x', 'ja')).toBe(
      'https://rbtfl.xyz/news',
    );
    expect(resolveBase(undefined, 'https://rbtfl.xyz/somewhere/else', 'ja')).toBe(
      'https://rbtfl.xyz',
    );
  });
  it('refuses a base that is not http(s)', () => {
    expect(resolveBase('javascript:alert(1)//', null, 'ja')).toBeNull();
    expect(resolveBase('javascript:alert(1)//', 'https://rbtfl.xyz/ja/n/x', 'ja')).toBe(
      'https://rbtfl.xyz',
    );
    expect(resolveBase(undefined, 'not a url', 'ja')).toBeNull();
  });
});

it('displayHost drops www.', () => {
  expect(displayHost('www.reuters.com')).toBe('reuters.com');
  expect(displayHost('en.wikipedia.org')).toBe('en.wikipedia.org');
});
