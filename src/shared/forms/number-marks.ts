import type { ParseResult } from '../story';
import { proseRanges, proseSpans, skipped } from './prose';

// Marks for "By the numbers": a listed figure the prose never mentions, and a
// number in the prose that the list does not carry.
//
// What counts as a number in prose: digits with `,` or `.` separators
// (1,250 · 3.5 · 185), optionally with a currency sign before ($ € £ ¥),
// `%` after, an ordinal ending (5th) or a magnitude word (bn, billion, m,
// million, tn, trillion, k). Digits inside a word (E3, G7) are not a number.
// Dates are not numbers: ISO dates (2026-06-05) and day/month/year
// expressions with a month name (5 June, June 22, 5 June 2026, Feb 2026).
// Links, bare URLs, code spans and heading lines are skipped; the prose is
// the title, the dek, the three prose sections and the things to watch (never
// the Meta line, the takes or the list itself).
//
// A prose number is carried when the same value (its digits, separators
// dropped: 1,250 = 1250) appears among the numbers of any figure or note of
// the list. A figure is used when its exact text appears in the prose
// (ignoring case), outside links and URLs.

export interface NumberMarks {
  unusedFigures: { index: number; figure: string }[];
  unlistedNumbers: { text: string; from: number; to: number }[];
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const DATE = new RegExp(
  [
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    `\\b\\d{1,2}${ORD} ${MONTH}(?:,? \\d{4})?\\b`,
    `\\b${MONTH} \\d{1,2}${ORD}(?:, \\d{4})?(?![\\d,.]?\\d)`,
    `\\b${MONTH} \\d{4}\\b`,
  ].join('|'),
  'g',
);
const NUMBER =
  /(?<![\p{L}\p{N}\p{M}_.,])(?:[$€£¥] ?)?\d+(?:[.,]\d+)*(?:%|st|nd|rd|th| ?(?:bn|billion|million|m|tn|trillion|k)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}\p{M}])/gu;

/** The value a number stands for, for comparing: its digits and decimal point. */
function value(number: string): string {
  const digits = /\d+(?:[.,]\d+)*/.exec(number)?.[0] ?? '';
  // A comma before exactly three digits separates thousands; otherwise it is a decimal mark.
  return digits.replace(/,(?=\d{3}(?!\d))/g, '').replace(',', '.');
}

function numbersIn(text: string): { text: string; from: number; to: number }[] {
  const dates: [number, number][] = [];
  for (const m of text.matchAll(DATE)) dates.push([m.index, m.index + m[0].length]);
  const out = [];
  for (const m of text.matchAll(NUMBER)) {
    const from = m.index;
    const to = from + m[0].length;
    if (dates.some(([a, b]) => a < to && from < b)) continue;
    out.push({ text: m[0], from, to });
  }
  return out;
}

export function numberMarks(parsed: ParseResult, text: string): NumberMarks {
  const { facts } = parsed;
  const spans = proseSpans(parsed);
  for (const header of [facts.title, facts.dek]) if (header) spans.unshift(header);
  const ranges = proseRanges(parsed, text, spans);

  const carried = new Set<string>();
  for (const n of facts.numbers)
    for (const part of [n.figure, n.note])
      for (const x of numbersIn(part)) carried.add(value(x.text));

  const unlistedNumbers: NumberMarks['unlistedNumbers'] = [];
  const visible: string[] = [];
  for (const range of ranges) {
    const body = text.slice(range.from, range.to);
    let plain = '';
    let at = range.from;
    for (const s of range.skip) {
      if (s.from > at) plain += text.slice(at, s.from);
      plain += ' ';
      at = Math.max(at, s.to);
    }
    visible.push((plain + text.slice(at, range.to)).toLowerCase());
    for (const n of numbersIn(body)) {
      const from = range.from + n.from;
      const to = range.from + n.to;
      if (skipped(range, from, to) || carried.has(value(n.text))) continue;
      unlistedNumbers.push({ text: n.text, from, to });
    }
  }
  const prose = visible.join('\n');
  // `index` is the position in facts.numbers, as the number operations take it.
  const unusedFigures = facts.numbers
    .map((n, index) => ({ index, figure: n.figure }))
    .filter((n) => n.figure.trim() !== '' && !prose.includes(n.figure.toLowerCase()));
  return { unusedFigures, unlistedNumbers };
}
