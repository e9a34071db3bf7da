import { slugify, type ParseResult } from '../story';
import { nothing, problem, refuse, guard, type FormEdit } from './guard';
import { setEntities } from './graph-lines';
import { readable, sentenceSpan } from '../sentence';
import { proseRanges } from './prose';

// Entities the prose names but the story links nowhere, and entities it links
// without listing them on the Entities line. A desk links an entity once, at
// its first mention: an entity linked anywhere is done, and one linked nowhere
// is one row, at its first mention, which "Link it" links.
//
// A mention is a registry entity's name or alias found in the prose (the three
// prose sections and the things to watch: where the parser reads links) as a
// whole word: case-sensitive, and with no letter, digit or combining mark
// right before or after it. A name that begins or ends in a script written
// without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) needs no boundary on
// that side, so 習近平 is found inside a Chinese sentence. Where names overlap
// the longest wins (“Ukraine Russia War” over “Ukraine”). Text inside a link,
// a bare URL, a code span or a heading line is never a mention.

export interface RegistryEntity {
  slug: string;
  name: string;
  aliases: string[];
}

export interface Mention {
  slug: string;
  name: string;
  /** The text as it stands in the prose (the name or an alias). */
  text: string;
  from: number;
  to: number;
}

export interface UnlinkedEntity extends Mention {
  /** How often the prose names it (this first mention included). */
  count: number;
  /** The sentence around the first mention, as a reader sees it: what stands before and after it. */
  sentence: { before: string; after: string };
}

export interface Mentions {
  /** One row per entity named in the prose and linked nowhere, in text order. */
  unlinked: UnlinkedEntity[];
  unlisted: { slug: string; name: string }[];
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether the UTF-16 unit at `at` belongs to a word (ASCII fast path). */
function isWordAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD.test(charBefore(text, at + 1));
}

function charBefore(text: string, at: number): string {
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at);
}
function charAfter(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at) ?? 32);
}
function lastChar(s: string): string {
  return [...s].at(-1) ?? '';
}

function boundaryOk(text: string, term: string, from: number, to: number): boolean {
  const head = String.fromCodePoint(term.codePointAt(0)!);
  const tail = lastChar(term);
  const before = from > 0 ? charBefore(text, from) : '';
  const after = to < text.length ? charAfter(text, to) : '';
  if (before && !SPACELESS.test(head) && WORD.test(before)) return false;
  if (after && !SPACELESS.test(tail) && WORD.test(after)) return false;
  return true;
}

interface Term {
  term: string;
  entity: RegistryEntity;
}

const KEY = 4;

/**
 * Every name and alias, bucketed by its first four UTF-16 units (the whole
 * name when shorter), so the prose is read once whatever the registry's size
 * and a position only meets the names that start with what stands there.
 * Built once per registry array.
 */
const termIndexes = new WeakMap<readonly RegistryEntity[], Map<string, Term[]>>();
function termIndex(registry: readonly RegistryEntity[]): Map<string, Term[]> {
  let index = termIndexes.get(registry);
  if (index) return index;
  index = new Map();
  for (const entity of registry)
    for (let i = -1; i < entity.aliases.length; i++) {
      const term = i < 0 ? entity.name : entity.aliases[i]!;
      if (
        term.trim() === '' ||
        (i >= 0 && entity.aliases.indexOf(term) < i) ||
        (i >= 0 && term === entity.name)
      )
        continue;
      const key = term.slice(0, KEY);
      const bucket = index.get(key);
      if (bucket) bucket.push({ term, entity });
      else index.set(key, [{ term, entity }]);
    }
  termIndexes.set(registry, index);
  return index;
}

/** Every name or alias the prose holds outside links, in text order. */
export function unlinkedOccurrences(
  parsed: ParseResult,
  text: string,
  registry: readonly RegistryEntity[],
): Mention[] {
  const index = termIndex(registry);
  const occurrences: Mention[] = [];
  for (const range of proseRanges(parsed, text)) {
    const found: Mention[] = [];
    for (let i = range.from; i < range.to; i++) {
      // A name starts after a non-word character, or anywhere in a spaceless script.
      if (i > 0 && isWordAt(text, i - 1) && !SPACELESS.test(charAfter(text, i))) continue;
      for (let k = 1; k <= KEY && i + k <= range.to; k++) {
        for (const { term, entity } of index.get(text.slice(i, i + k)) ?? []) {
          const to = i + term.length;
          if (to > range.to || !text.startsWith(term, i)) continue;
          if (!boundaryOk(text, term, i, to)) continue;
          if (range.skip.some((s) => s.from < to && i < s.to)) continue;
          found.push({ slug: entity.slug, name: entity.name, text: term, from: i, to });
        }
      }
    }
    // Longest first at each position, then left to right without overlaps.
    found.sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
    let end = -1;
    for (const m of found) {
      if (m.from < end) continue;
      occurrences.push(m);
      end = m.to;
    }
  }
  return occurrences;
}

export function mentions(
  parsed: ParseResult,
  text: string,
  registry: readonly RegistryEntity[],
  locale: string,
): Mentions {
  void locale; // The links the prose holds are read whatever their locale.
  const linked = new Set(parsed.facts.entityLinks.map((l) => l.slug));
  const rows = new Map<string, UnlinkedEntity>();
  for (const m of unlinkedOccurrences(parsed, text, registry)) {
    if (linked.has(m.slug)) continue;
    const row = rows.get(m.slug);
    if (row) row.count++;
    else rows.set(m.slug, { ...m, count: 1, sentence: around(text, m) });
  }
  const unlinked = [...rows.values()];

  const graph = parsed.story.sections.find((s) => s.kind === 'graph');
  const listed = new Set(graph?.kind === 'graph' ? (graph.entities ?? []) : []);
  const listedSlugs = new Set([...listed].map(slugify));
  const bySlug = new Map(registry.map((e) => [e.slug, e]));
  const unlisted: Mentions['unlisted'] = [];
  const seen = new Set<string>();
  for (const link of parsed.facts.entityLinks) {
    if (seen.has(link.slug)) continue;
    seen.add(link.slug);
    const entity = bySlug.get(link.slug);
    const names = entity ? [entity.name, ...entity.aliases] : [link.text];
    if (listedSlugs.has(link.slug) || names.some((n) => listed.has(n))) continue;
    unlisted.push({ slug: link.slug, name: entity?.name ?? link.text });
  }
  return { unlinked, unlisted };
}

function around(text: string, m: Mention): UnlinkedEntity['sentence'] {
  const { from, to } = sentenceSpan(text, m);
  return {
    before: readable(text.slice(from, m.from)).trimStart(),
    after: readable(text.slice(m.to, to)).trimEnd(),
  };
}

/** Wrap one mention (an entity's first) in a link to its entity: `[text](/{locale}/entity/{slug})`. */
export function linkMention(
  parsed: ParseResult,
  text: string,
  mention: Mention,
  locale: string,
): FormEdit {
  if (text.slice(mention.from, mention.to) !== mention.text)
    throw new RangeError(`“${mention.text}” is not at ${mention.from} in this text`);
  const close = `](/${locale}/entity/${mention.slug})`;
  return guard(
    parsed,
    text,
    [
      { from: mention.from, to: mention.from, insert: '[' },
      { from: mention.to, to: mention.to, insert: close },
    ],
    {
      field: 'mention',
      select: () => ({ from: mention.from, to: mention.to + 1 + close.length }),
    },
  );
}

/** Add a name to the Entities line (creating the line, and the section, when absent). */
export function listEntity(parsed: ParseResult, text: string, name: string): FormEdit {
  const graph = parsed.story.sections.find((s) => s.kind === 'graph');
  const names = graph?.kind === 'graph' ? (graph.entities ?? []) : [];
  if (names.includes(name)) return nothing();
  if (name.trim() === '')
    return refuse([
      problem('entities', 'entities-malformed', 'An entity name cannot be empty.', 'warning'),
    ]);
  return setEntities(parsed, text, [...names, name]);
}
