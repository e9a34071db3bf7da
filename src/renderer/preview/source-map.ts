import type { ParseResult, Span } from '../../shared/story';

// From a place in the preview back to the story's text. The renderer marks
// every element that stands for a model item with the item's indices
// (data-section, data-take="g.i", data-number, ...); the parser's facts hold
// where each item is in the text. This file joins the two. Pure: the DOM side
// (dom-target.ts) only reads attributes into a `PreviewTarget`.

/** What a preview element says about the model item it shows. */
export interface PreviewTarget {
  field?: 'title' | 'dek' | 'meta' | 'canonical';
  section?: number;
  /** A lens group within the takes section. */
  group?: number;
  take?: { group: number; item: number };
  takePart?: 'outlet' | 'region' | 'language' | 'summary' | 'quote' | 'source';
  number?: number;
  numberPart?: 'figure' | 'note';
  watch?: number;
  related?: number;
  /** Index on the Entities line. */
  entity?: number;
  /** The section's `## ` heading or a lens's `### ` heading. */
  heading?: boolean;
  /** Which markdown block of a prose section (its n-th rendered child). */
  block?: number;
  /** The text around the point clicked, split at the caret: refines the offset within an item. */
  text?: { before: string; after: string };
}

const FIELDS = ['title', 'dek', 'meta', 'canonical'] as const;

export function isField(value: string | undefined): value is NonNullable<PreviewTarget['field']> {
  return (FIELDS as readonly string[]).includes(value ?? '');
}

/** `data-take="2.5"` as group and item; null for anything else. */
export function parseTakeKey(value: string): { group: number; item: number } | null {
  const m = /^(\d+)\.(\d+)$/.exec(value);
  return m ? { group: Number(m[1]), item: Number(m[2]) } : null;
}

/**
 * The source offset a preview element stands for: where the editor should
 * put its cursor when the element is clicked, and the offset that scroll sync
 * lines up. Null when the target names nothing in this parse (a stale click).
 */
export function sourceOffset(parse: ParseResult, target: PreviewTarget): number | null {
  const { facts, story } = parse;
  if (target.field) {
    const span = facts[target.field];
    return span ? refine(span, null, target) : null;
  }
  if (target.section === undefined) return null;
  const sf = facts.sections[target.section];
  if (!sf) return null;
  const section = story.sections[target.section];
  const inSection = (s: Span) => s.from >= sf.span.from && s.to <= sf.span.to;

  if (target.take) {
    const { group, item } = target.take;
    const take = facts.takes.find((t) => t.group === group && t.item === item && inSection(t.span));
    if (take) {
      const { fields } = take;
      switch (target.takePart) {
        case 'outlet':
          return fields.outlet.from;
        case 'region':
          return fields.region.from;
        case 'language':
          return fields.language.from;
        case 'summary':
          return refine(fields.summary, take.take.summary, target);
        case 'quote':
          return take.quoteSpan ? refine(take.quoteSpan, take.take.quote, target) : take.span.from;
        case 'source':
          return take.sourceSpan ? take.sourceSpan.from : take.span.from;
        default:
          return take.span.from;
      }
    }
    // A line in the group that is not a take: it follows the item before it.
    const lens = lensOf(parse, target.section, group);
    if (!lens) return sf.headingSpan.from;
    const before = facts.takes
      .filter((t) => t.group === group && t.item < item && inSection(t.span))
      .at(-1);
    return nextLine(before ? before.span : lens.headingSpan, lens.span);
  }
  if (target.group !== undefined) {
    const lens = lensOf(parse, target.section, target.group);
    return lens ? lens.headingSpan.from : sf.headingSpan.from;
  }
  if (target.number !== undefined) {
    const index = target.number;
    const n = facts.numbers.find((f) => f.index === index && inSection(f.span));
    if (n) {
      if (target.numberPart === 'figure') return n.figureSpan.from;
      if (target.numberPart === 'note') return refine(n.noteSpan, n.note, target);
      return n.span.from;
    }
    const before = facts.numbers.filter((f) => f.index < index && inSection(f.span)).at(-1);
    return sf.bodySpan ? nextLine(before?.span ?? null, sf.bodySpan) : sf.headingSpan.from;
  }
  if (target.watch !== undefined) {
    const index = target.watch;
    const w = facts.watch.find((f) => f.index === index && inSection(f.span));
    if (w) return refine({ from: w.span.from + 2, to: w.span.to }, w.text, target, w.span.from);
    const before = facts.watch.filter((f) => f.index < index && inSection(f.span)).at(-1);
    return sf.bodySpan ? nextLine(before?.span ?? null, sf.bodySpan) : sf.headingSpan.from;
  }
  if (target.related !== undefined) {
    const r = facts.related.filter((f) => inSection(f.span))[target.related];
    return r ? r.span.from : (facts.relatedLine?.from ?? sf.headingSpan.from);
  }
  if (target.entity !== undefined) {
    const e = facts.entities.filter((f) => inSection(f.span))[target.entity];
    return e ? e.span.from : (facts.entitiesLine?.from ?? sf.headingSpan.from);
  }
  if (target.heading || !sf.bodySpan) return sf.headingSpan.from;
  if (section && (section.kind === 'prose' || section.kind === 'unknown')) {
    const body = sf.bodySpan;
    const text = section.text;
    const starts = blockStarts(text);
    const block = target.block === undefined ? 0 : Math.min(target.block, starts.length - 1);
    const from = starts[block] ?? 0;
    if (target.block === undefined && !target.text) return sf.headingSpan.from;
    return body.from + (findText(text, target.text, from) ?? from);
  }
  return sf.headingSpan.from;
}

function lensOf(parse: ParseResult, section: number, group: number) {
  return parse.facts.lenses.find((l) => l.section === section && l.index === group);
}

/** The start of the line after `span`, kept inside `within`; `within.from` when there is none before. */
function nextLine(span: Span | null, within: Span): number {
  if (!span) return within.from;
  return Math.min(span.to + 1, within.to);
}

/**
 * An offset inside `span`, refined by the clicked text when `text` (what the
 * span holds, as a plain string starting at `span.from`) contains it.
 */
function refine(span: Span, text: string | null, target: PreviewTarget, fallback = span.from) {
  if (!text || !target.text) return fallback;
  const at = findText(text, target.text, 0);
  return at === null ? fallback : span.from + at;
}

/**
 * Where in `text` the caret of a rendered text node falls: the rendered text
 * lacks the markdown's syntax (`**`, link targets), so the text around the
 * caret is looked for in shrinking pieces, nearest after `from` first.
 */
export function findText(
  text: string,
  hint: { before: string; after: string } | undefined,
  from: number,
): number | null {
  if (!hint) return null;
  const tries: [needle: string, caret: number][] = [];
  for (const size of [24, 12, 6]) {
    const before = hint.before.slice(-size);
    const after = hint.after.slice(0, size);
    if (before.length + after.length >= 3) tries.push([before + after, before.length]);
    if (after.length >= 3) tries.push([after, 0]);
    if (before.length >= 3) tries.push([before, before.length]);
  }
  for (const [needle, caret] of tries) {
    let at = text.indexOf(needle, from);
    if (at < 0) at = text.indexOf(needle);
    if (at >= 0) return at + caret;
  }
  return null;
}

/** Offsets at which each markdown block (text between blank lines) of a prose text starts. */
export function blockStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /(^|\n[ \t]*\n)[ \t\n]*(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    starts.push(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return starts.length ? starts : [0];
}
