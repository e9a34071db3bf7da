import type { Span } from './facts';

// Inline links in prose, found by one forward scan: `[text](href)` with the
// brackets balanced. Images, escaped brackets and code spans are passed over,
// as a markdown reader would.

export type LinkTarget =
  | { kind: 'entity' | 'story'; locale: string; slug: string }
  | { kind: 'external'; url: string }
  | { kind: 'other'; href: string };

export interface ScannedLink {
  text: string;
  href: string;
  from: number;
  to: number;
  hrefSpan: Span;
  target: LinkTarget;
}

const DESK_PATH = /^\/([^/\s]+)\/(entity|n)\/([^/\s?#]*)$/;

export function classifyHref(href: string): LinkTarget {
  const m = DESK_PATH.exec(href);
  if (m) return { kind: m[2] === 'entity' ? 'entity' : 'story', locale: m[1]!, slug: m[3]! };
  if (/^https?:\/\//i.test(href)) return { kind: 'external', url: href };
  return { kind: 'other', href };
}

export function scanLinks(text: string, from: number, to: number): ScannedLink[] {
  const links: ScannedLink[] = [];
  let i = from;
  while (i < to) {
    const ch = text.charCodeAt(i);
    if (ch === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (ch === 96 /* ` */) {
      let n = 1;
      while (text.charCodeAt(i + n) === 96) n++;
      const close = text.indexOf('`'.repeat(n), i + n);
      i = close < 0 || close >= to ? i + n : close + n;
      continue;
    }
    if (ch !== 91 /* [ */) {
      i++;
      continue;
    }
    const image = i > from && text.charCodeAt(i - 1) === 33; /* ! */
    let depth = 1;
    let j = i + 1;
    for (; j < to && depth > 0; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 91) depth++;
      else if (c === 93) depth--;
      else if (c === 10 && text.charCodeAt(j + 1) === 10) break;
    }
    if (depth !== 0 || text.charCodeAt(j) !== 40 /* ( */) {
      i++;
      continue;
    }
    const close = text.indexOf(')', j + 1);
    const href = close < 0 || close > to ? '' : text.slice(j + 1, close);
    if (!href || /\s/.test(href)) {
      i++;
      continue;
    }
    if (!image)
      links.push({
        text: text.slice(i + 1, j - 1),
        href,
        from: i,
        to: close + 1,
        hrefSpan: { from: j + 1, to: close },
        target: classifyHref(href),
      });
    i = close + 1;
  }
  return links;
}
