import type { LinkFact } from '../../../shared/story/facts';
import type { ParseResult } from '../../../shared/story/parse';
import { scanLinks } from '../../../shared/story/links';
import { cjkSideText } from './cjk';
import { stripSentinels } from './snippet';

// What full-text search reads of a story, built from the parsed model and its
// facts, never by reading the markdown again: each FTS5 column holds one kind
// of text, so bm25 can weigh a title above a take and a take above prose.

/**
 * The FTS5 columns in table order, with their bm25 weights (higher counts
 * more): the title most, then the dek, the entities, quotes and outlets
 * (with regions, lenses and source hosts), the takes' summaries, and prose.
 * The order itself only decides which column a snippet comes from when two
 * match alike: the running text first, the title (shown anyway) last.
 */
export const FTS_COLUMNS = [
  ['dek', 5],
  ['prose', 1],
  ['takes', 1.5],
  ['quotes', 2.5],
  ['numbers', 1],
  ['entities', 4],
  ['outlets', 2.5],
  ['title', 10],
] as const;

export type FtsColumn = (typeof FTS_COLUMNS)[number][0];
export type IndexedText = Record<FtsColumn, string>;

/**
 * The text of each column. `text` is the text `parsed` was read from: prose
 * is taken from it by the parser's spans, with each desk link reduced to its
 * words by the parser's own link facts, so nothing is scanned twice.
 */
export function indexedText(parsed: ParseResult, text: string): IndexedText {
  const { story, facts } = parsed;
  const links = [...facts.entityLinks, ...facts.storyLinks].sort(
    (a, b) => a.span.from - b.span.from,
  );
  const prose: string[] = [];
  for (const raw of story.preamble) prose.push(raw.text);
  for (const fact of facts.sections) {
    const section = story.sections[fact.index];
    if (!section) continue;
    switch (section.kind) {
      case 'prose':
      case 'watch':
        if (fact.bodySpan) {
          const body = withoutLinks(text, fact.bodySpan.from, fact.bodySpan.to, links);
          // Links to the web are not desk links; the rare section that has one is scanned.
          prose.push(body.includes('](') ? plainLinks(body) : body);
        }
        break;
      case 'unknown':
        prose.push(section.heading, plainLinks(section.text));
        break;
      case 'numbers':
        for (const item of section.items) if (item.kind === 'raw') prose.push(item.text);
        break;
      case 'takes':
        for (const raw of section.intro) prose.push(raw.text);
        break;
      case 'graph':
        for (const raw of section.extra) prose.push(raw.text);
        break;
    }
  }

  const entities = new Set<string>();
  for (const e of facts.entities) entities.add(e.name);
  for (const l of facts.entityLinks) entities.add(l.text);

  const outlets: string[] = [];
  const takes: string[] = [];
  const lenses = new Set<string>();
  for (const fact of facts.takes) {
    const { outlet, region, summary, source } = fact.take;
    const host = source ? hostOf(source) : '';
    outlets.push(host ? `${outlet} (${region}) ${host}` : `${outlet} (${region})`);
    if (summary) takes.push(summary);
    lenses.add(fact.lens);
  }
  if (lenses.size) outlets.push([...lenses].join(' · '));

  const columns: IndexedText = {
    title: story.title ?? '',
    dek: story.dek ?? '',
    entities: [...entities].join(' · '),
    quotes: facts.quotes.map((q) => q.text).join('\n'),
    outlets: outlets.join('\n'),
    takes: takes.join('\n'),
    prose: prose.filter(Boolean).join('\n\n'),
    numbers: facts.numbers.map((n) => `${n.figure}, ${n.note}`).join('\n'),
  };
  for (const key of Object.keys(columns) as FtsColumn[]) columns[key] = clean(columns[key]);
  return columns;
}

/** `text` from `from` to `to`, each link in it (sorted by position) replaced by its words. */
function withoutLinks(text: string, from: number, to: number, links: readonly LinkFact[]): string {
  let out = '';
  let at = from;
  for (const link of links) {
    if (link.span.from < at || link.span.to > to) continue;
    out += text.slice(at, link.span.from) + link.text;
    at = link.span.to;
  }
  return out + text.slice(at, to);
}

/** The text the CJK side table keeps for a story ('' when it has no CJK). */
export function cjkText(text: IndexedText): string {
  return cjkSideText(FTS_COLUMNS.map(([column]) => text[column]));
}

/**
 * `[Moscow](/ja/entity/russia)` reads as `Moscow`: hrefs are not words anyone
 * searches. For sections the parser does not scan for links (unknown ones).
 */
function plainLinks(text: string): string {
  if (!text.includes('](')) return text;
  const links = scanLinks(text, 0, text.length);
  if (!links.length) return text;
  let out = '';
  let at = 0;
  for (const link of links) {
    out += text.slice(at, link.from) + link.text;
    at = link.to;
  }
  return out + text.slice(at);
}

/**
 * A source URL is searched by its host (`scmp.com`), without `www.`: whole
 * URLs add thousands of one-off path tokens that slow every insert and that
 * nobody types.
 */
export function hostOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url);
  if (!m) return '';
  return m[1]!.toLowerCase().replace(/^www\d*\./, '');
}

// ASCII text is already in NFC: skip the normalizer for it, as most stories are.
const NON_ASCII = /[\u0080-\uffff]/;

function clean(text: string): string {
  return stripSentinels(NON_ASCII.test(text) ? text.normalize('NFC') : text);
}
