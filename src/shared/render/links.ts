import { isValidSlug } from '../story/slug';
import { escapeHtml } from './escape';

// Story text is untrusted, so links are decided by an allow-list, never by
// spotting bad schemes: an href is either an http(s) URL, or one of the desk's
// own paths in the desk's locale, or it is not a link at all. Everything that
// writes an <a> in the renderer goes through `classifyHref` and `linkOpen`.

/** Where a link may go. Desk links carry only their slug: the href is rebuilt. */
export type Link =
  | { kind: 'external'; href: string; host: string }
  | { kind: 'entity'; slug: string }
  | { kind: 'story'; slug: string };

export interface LinkContext {
  locale: string;
  mode: 'preview' | 'standalone';
  /**
   * What desk paths are prefixed with in standalone mode, without a trailing
   * slash (`https://rbtfl.xyz`); null when unknown, and then desk paths stay
   * paths.
   */
  base: string | null;
}

interface HttpUrl {
  /** Scheme and authority, lower-cased: `https://rbtfl.xyz`. */
  origin: string;
  /** From the first `/`, `?` or `#` after the authority on; may be empty. */
  rest: string;
  host: string;
}

// No whitespace, control characters, quotes, angle brackets or backslashes:
// browsers "repair" some of those into a different URL than the one shown.
const HTTP_URL = /^(https?):\/\/([^/?#\s\\"'<>]+)([/?#][^\s\\"'<>]*)?$/i;

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const HOST = /^(?:[^\s/?#@:[\]]+|\[[0-9a-f:.]+\])$/i;

function parseHttpUrl(href: string): HttpUrl | null {
  const m = hasControl(href) ? null : HTTP_URL.exec(href);
  if (!m) return null;
  const scheme = (m[1] ?? '').toLowerCase();
  const authority = m[2] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.replace(/:\d*$/, '');
  if (!HOST.test(host)) return null;
  return {
    origin: `${scheme}://${authority.toLowerCase()}`,
    rest: m[3] ?? '',
    host: host.toLowerCase(),
  };
}

/** The host a reader should see for a URL: lower-cased, without `www.`. */
export function displayHost(host: string): string {
  return host.replace(/^www\./, '');
}

function deskPath(path: string, locale: string): Link | null {
  const parts = path.split('/');
  if (parts.length !== 4 || parts[0] !== '' || parts[1] !== locale) return null;
  const slug = parts[3] ?? '';
  if (!isValidSlug(slug)) return null;
  if (parts[2] === 'entity') return { kind: 'entity', slug };
  if (parts[2] === 'n') return { kind: 'story', slug };
  return null;
}

/**
 * What an href from story text may become, or null when it must not be a
 * link. An absolute URL on the desk's own base is recognised as a desk link,
 * so that it gets the same treatment as the path form.
 */
export function classifyHref(href: string, ctx: LinkContext): Link | null {
  if (href.startsWith('/')) return deskPath(href, ctx.locale);
  const url = parseHttpUrl(href);
  if (!url) return null;
  const full = url.origin + url.rest;
  if (ctx.base !== null && full.startsWith(ctx.base + '/')) {
    const own = deskPath(full.slice(ctx.base.length), ctx.locale);
    if (own) return own;
  }
  return { kind: 'external', href, host: url.host };
}

/**
 * The base that standalone desk links are made absolute with: the given base
 * URL if it is an http(s) URL, else what precedes `/{locale}/n/{slug}` in the
 * story's Canonical URL, else its origin.
 */
export function resolveBase(
  baseUrl: string | undefined,
  canonical: string | null,
  locale: string,
): string | null {
  if (baseUrl !== undefined) {
    const url = parseHttpUrl(baseUrl);
    if (url && !/[?#]/.test(url.rest)) return (url.origin + url.rest).replace(/\/+$/, '');
  }
  if (canonical !== null) {
    const url = parseHttpUrl(canonical);
    if (url) {
      const m = /^(.*)\/([^/]+)\/n\/[^/?#]+$/.exec(url.rest);
      return m && m[2] === locale ? url.origin + (m[1] ?? '') : url.origin;
    }
  }
  return null;
}

export function deskHref(link: Link, ctx: LinkContext): string {
  if (link.kind === 'external') return link.href;
  const path = `/${ctx.locale}/${link.kind === 'entity' ? 'entity' : 'n'}/${link.slug}`;
  return ctx.mode === 'standalone' && ctx.base !== null ? ctx.base + path : path;
}

/**
 * The opening tag for a link. Desk links carry their slug in a data attribute
 * so the preview can route a click without parsing the href; external links
 * never pass the referrer or a window handle to the site they open.
 */
export function linkOpen(
  link: Link,
  ctx: LinkContext,
  extra: { title?: string | undefined; hreflang?: string | undefined } = {},
): string {
  let attrs = ` href="${escapeHtml(deskHref(link, ctx))}"`;
  if (link.kind === 'entity')
    attrs += ` class="entity-link" data-entity="${escapeHtml(link.slug)}"`;
  else if (link.kind === 'story')
    attrs += ` class="story-link" data-story="${escapeHtml(link.slug)}"`;
  else attrs += ` class="external-link" rel="noopener noreferrer"`;
  if (extra.hreflang) attrs += ` hreflang="${escapeHtml(extra.hreflang)}"`;
  if (extra.title) attrs += ` title="${escapeHtml(extra.title)}"`;
  return `<a${attrs}>`;
}
