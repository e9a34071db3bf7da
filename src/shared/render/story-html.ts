import { countLabel, deriveCounts } from '../story/derive';
import {
  SECTION_HEADINGS,
  type GraphSection,
  type Meta,
  type NumbersSection,
  type RawLine,
  type Section,
  type Story,
  type Take,
  type TakesSection,
  type WatchSection,
} from '../story/model';
import { isValidSlug, slugify } from '../story/slug';
import { escapeHtml } from './escape';
import { isLanguageTag } from './lang';
import { classifyHref, displayHost, linkOpen, resolveBase, type LinkContext } from './links';
import { renderMarkdown, renderMarkdownInline } from './markdown';

// The story body as semantic HTML: the one renderer behind the editor's live
// preview and the HTML export, so that what an editor previews is what a
// reader gets. It only reads the model; it never re-reads the markdown.
//
// Every element that stands for a model item carries the item's index
// (`data-section`, `data-group`, `data-take="{group}.{item}"`, `data-number`,
// `data-watch`, `data-related`, `data-entity-index`, `data-field`), so the
// preview can map a click back to the model without positions. Indices count
// raw lines too, as the model's arrays do.

export interface RenderOptions {
  /** The desk's locale: the `/{locale}/` prefix every desk link must carry. */
  locale: string;
  /**
   * What standalone desk links are made absolute with (`https://rbtfl.xyz`).
   * Without it, the base is read from the story's Canonical URL.
   */
  baseUrl?: string | undefined;
  /**
   * 'preview' keeps desk links as paths, for the app to intercept; 'standalone'
   * makes them absolute, so they work for a reader of the exported page.
   */
  mode: 'preview' | 'standalone';
  /**
   * The language the story is written in (BCP 47), used to write the date.
   * Defaults to English, the language of the format's own labels.
   */
  lang?: string | undefined;
  /** A story's title for its Related link; the slug is shown when absent. */
  storyTitle?: (slug: string) => string | undefined;
  /**
   * The slug of an entity named on the Entities line, or null for no link.
   * Defaults to the desk's `slugify`, which is how entity files are named.
   */
  entitySlug?: (name: string) => string | null;
}

interface Context {
  links: LinkContext;
  options: RenderOptions;
}

const SEP = '<span class="sep" aria-hidden="true"> · </span>';

export function renderStoryHtml(story: Story, options: RenderOptions): string {
  const cx: Context = {
    links: {
      locale: options.locale,
      mode: options.mode,
      base: resolveBase(options.baseUrl, story.canonical, options.locale),
    },
    options,
  };
  const out: string[] = ['<article class="story">', renderHeader(story, cx)];
  story.sections.forEach((section, i) => out.push(renderSection(section, i, cx)));
  out.push(renderFooter(story, cx), '</article>');
  return out.join('\n');
}

function raw(line: RawLine, attrs = ''): string {
  return `<p class="raw"${attrs}>${escapeHtml(line.text)}</p>`;
}

// Blank raw lines are the spacing the parser kept for round trips; they have
// nothing to show.
function rawLines(lines: readonly RawLine[]): string[] {
  return lines.filter((l) => l.text.trim() !== '').map((l) => raw(l));
}

function renderHeader(story: Story, cx: Context): string {
  const out = ['<header class="story-header">'];
  if (story.title !== null)
    out.push(`<h1 class="story-title" data-field="title">${escapeHtml(story.title)}</h1>`);
  if (story.dek !== null) out.push(`<p class="dek" data-field="dek">${escapeHtml(story.dek)}</p>`);
  if (story.meta !== null) {
    if (story.meta.kind === 'raw') out.push(raw(story.meta, ' data-field="meta"'));
    else out.push(renderMeta(story.meta, story, cx));
  }
  out.push(...rawLines(story.preamble), '</header>');
  return out.join('\n');
}

function renderMeta(meta: Meta, story: Story, cx: Context): string {
  const counts = deriveCounts(story);
  const parts = [
    `<span class="meta-type">${escapeHtml(meta.type)}</span>`,
    renderDate(meta.date, cx.options.lang),
  ];
  if (meta.heads.length)
    parts.push(
      `<span class="meta-heads">${meta.heads
        .map((h) => `<span class="head">${escapeHtml(h)}</span>`)
        .join(', ')}</span>`,
    );
  parts.push(
    `<span class="meta-counts">${[
      countLabel(counts.takes, 'take'),
      countLabel(counts.lenses, 'lens'),
      countLabel(counts.regions, 'region'),
    ]
      .map((c) => `<span class="count">${c}</span>`)
      .join(SEP)}</span>`,
  );
  return `<p class="meta" data-field="meta">${parts.join(SEP)}</p>`;
}

function renderDate(date: string, lang: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const when = new Date(Date.UTC(y, mo - 1, d));
    // Date.UTC rolls 2026-02-30 over to March; such a date is shown as typed.
    if (when.getUTCFullYear() === y && when.getUTCMonth() === mo - 1 && when.getUTCDate() === d) {
      let shown = date;
      try {
        shown = dateFormat(lang ?? 'en-GB').format(when);
      } catch {
        // An invalid `lang` tag: the ISO date still reads.
      }
      return `<time datetime="${date}">${escapeHtml(shown)}</time>`;
    }
  }
  return `<span class="meta-date">${escapeHtml(date)}</span>`;
}

function sectionHeading(section: Section): string {
  if (section.kind === 'unknown') return escapeHtml(section.heading);
  const heading: string =
    SECTION_HEADINGS[section.kind === 'prose' ? section.id : sectionId(section)];
  // "Regional takes (batched by bias / lens)": the aside is quieter than the name.
  const aside = /^(.*?) (\(.*\))$/.exec(heading);
  return aside
    ? `${escapeHtml(aside[1] ?? '')} <span class="heading-aside">${escapeHtml(aside[2] ?? '')}</span>`
    : escapeHtml(heading);
}

function sectionId(section: NumbersSection | WatchSection | TakesSection | GraphSection) {
  return ({ numbers: 'numbers', watch: 'watch', takes: 'takes', graph: 'graph' } as const)[
    section.kind
  ];
}

function renderSection(section: Section, index: number, cx: Context): string {
  const name =
    section.kind === 'prose'
      ? section.id
      : section.kind === 'unknown'
        ? 'unknown'
        : sectionId(section);
  const out = [
    `<section class="story-section section-${name}" data-section="${index}">`,
    `<h2>${sectionHeading(section)}</h2>`,
  ];
  switch (section.kind) {
    case 'prose':
    case 'unknown':
      out.push(`<div class="prose">${renderMarkdown(section.text, cx.links)}</div>`);
      break;
    case 'numbers':
      out.push(renderNumbers(section, cx));
      break;
    case 'watch':
      out.push(renderWatch(section, cx));
      break;
    case 'takes':
      out.push(...renderTakes(section, cx));
      break;
    case 'graph':
      out.push(...renderGraph(section, cx));
      break;
  }
  out.push('</section>');
  return out.join('\n');
}

function renderNumbers(section: NumbersSection, cx: Context): string {
  const items = section.items.map((item, i) =>
    item.kind === 'raw'
      ? `<li class="raw-item" data-number="${i}">${raw(item)}</li>`
      : `<li class="number" data-number="${i}"><strong class="figure">${escapeHtml(item.figure)}</strong> ` +
        `<span class="note">${renderMarkdownInline(item.note, cx.links)}</span></li>`,
  );
  return `<ul class="numbers">\n${items.join('\n')}\n</ul>`;
}

function renderWatch(section: WatchSection, cx: Context): string {
  const items = section.items.map((item, i) =>
    item.kind === 'raw'
      ? `<li class="raw-item" data-watch="${i}">${raw(item)}</li>`
      : `<li data-watch="${i}">${renderMarkdownInline(item.text, cx.links)}</li>`,
  );
  return `<ul class="watch">\n${items.join('\n')}\n</ul>`;
}

function renderTakes(section: TakesSection, cx: Context): string[] {
  const out = rawLines(section.intro);
  section.groups.forEach((group, g) => {
    out.push(
      `<section class="lens" data-group="${g}">`,
      `<h3 class="lens-name">${escapeHtml(group.lens)}</h3>`,
    );
    const items = group.items.map((item, i) =>
      item.kind === 'raw'
        ? `<li class="raw-item" data-take="${g}.${i}">${raw(item)}</li>`
        : `<li class="${isCompact(item) ? 'take-item compact' : 'take-item'}">${renderTake(item, `${g}.${i}`, cx)}</li>`,
    );
    out.push(`<ul class="takes">\n${items.join('\n')}\n</ul>`, '</section>');
  });
  return out;
}

// A take with only its outlet and source is a reference, not a reading: it
// takes less room, so the stylesheet can set such takes side by side.
function isCompact(take: Take): boolean {
  return take.summary.trim() === '' && !take.quote;
}

// The summary and the quote are the desk's words about the outlet, and may be
// translations, so they carry no `lang`: the take's language names the
// outlet's language, and marks the source link (`hreflang`) instead.
function renderTake(take: Take, key: string, cx: Context): string {
  const lang = isLanguageTag(take.language) ? take.language : undefined;
  const source = take.source === null ? null : classifyHref(take.source, cx.links);
  const out = [
    `<article class="take" data-take="${key}">`,
    '<header class="take-head">',
    `<strong class="outlet">${escapeHtml(take.outlet)}</strong>`,
    '<span class="chips">' +
      `<span class="chip region"><span class="vh">Region: </span>${escapeHtml(take.region)}</span> ` +
      `<span class="chip language"><span class="vh">Language: </span>${escapeHtml(take.language)}</span>` +
      '</span>',
    '</header>',
  ];
  if (take.summary.trim() !== '')
    out.push(`<p class="summary">${renderMarkdownInline(take.summary, cx.links)}</p>`);
  if (take.quote !== null && take.quote !== '') {
    const cite = source?.kind === 'external' ? ` cite="${escapeHtml(source.href)}"` : '';
    out.push(
      '<figure class="quote">',
      `<blockquote${cite}><p>${escapeHtml(take.quote)}</p></blockquote>`,
      `<figcaption>${escapeHtml(take.outlet)}</figcaption>`,
      '</figure>',
    );
  }
  if (take.source !== null && take.source !== '') {
    const shown =
      source === null
        ? `<span class="source-text">${escapeHtml(take.source)}</span>`
        : source.kind === 'external'
          ? linkOpen(source, cx.links, { hreflang: lang, title: source.href }) +
            `${escapeHtml(displayHost(source.host))}</a>`
          : linkOpen(source, cx.links) + `${escapeHtml(source.slug)}</a>`;
    out.push(`<p class="source"><span class="label">Source</span> ${shown}</p>`);
  }
  out.push('</article>');
  return out.join('\n');
}

function renderGraph(section: GraphSection, cx: Context): string[] {
  const out: string[] = [];
  if (section.related !== null) {
    const items = section.related.map((slug, i) => {
      const title = cx.options.storyTitle?.(slug);
      const text = escapeHtml(title ?? slug);
      const body = isValidSlug(slug)
        ? linkOpen({ kind: 'story', slug }, cx.links) + `${text}</a>`
        : `<span class="chip-text">${text}</span>`;
      return `<li data-related="${i}">${body}</li>`;
    });
    out.push(
      '<div class="related">',
      '<h3>Related</h3>',
      `<ul class="chip-list">\n${items.join('\n')}\n</ul>`,
      '</div>',
    );
  }
  if (section.entities !== null) {
    const slugOf = cx.options.entitySlug ?? slugify;
    const items = section.entities.map((name, i) => {
      const slug = slugOf(name);
      const body =
        slug !== null && isValidSlug(slug)
          ? linkOpen({ kind: 'entity', slug }, cx.links) + `${escapeHtml(name)}</a>`
          : `<span class="chip-text">${escapeHtml(name)}</span>`;
      return `<li data-entity-index="${i}">${body}</li>`;
    });
    out.push(
      '<div class="entities">',
      '<h3>Entities</h3>',
      `<ul class="chip-list">\n${items.join('\n')}\n</ul>`,
      '</div>',
    );
  }
  out.push(...rawLines(section.extra));
  return out;
}

function renderFooter(story: Story, cx: Context): string {
  const out = ['<footer class="story-footer">'];
  if (story.canonical !== null) {
    const link = classifyHref(story.canonical, { ...cx.links, base: null });
    const shown =
      link?.kind === 'external'
        ? `<a class="canonical" href="${escapeHtml(link.href)}">${escapeHtml(story.canonical)}</a>`
        : `<span class="canonical">${escapeHtml(story.canonical)}</span>`;
    out.push(
      `<p class="permalink" data-field="canonical"><span class="label">Permalink</span> ${shown}</p>`,
    );
  }
  out.push(...rawLines(story.trailer), '</footer>');
  return out.join('\n');
}

// A formatter costs more to make than to use, and the preview renders on every keystroke.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, format);
  }
  return format;
}
