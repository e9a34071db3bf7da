import { scanLinks, type ParseResult, type Span } from '../story';

// The story's prose as forms read it: the text ranges a reader sees as running
// text, and inside them the ranges that are markup rather than words (links,
// bare URLs, code spans, heading lines).

export interface ProseRange extends Span {
  /** Ranges inside this one to ignore, in order. */
  skip: Span[];
}

/** The bodies of Summary, The split and Why it matters, and each thing to watch. */
export function proseSpans(parsed: ParseResult): Span[] {
  const spans: Span[] = [];
  for (const s of parsed.facts.sections)
    if (s.kind === 'prose' && s.bodySpan) spans.push(s.bodySpan);
  for (const w of parsed.facts.watch) spans.push({ from: w.span.from + 2, to: w.span.to });
  return spans.sort((a, b) => a.from - b.from);
}

const URL = /\bhttps?:\/\/[^\s)>\]]+/gi;
const CODE = /(`+)[^`]*?\1/g;
const HEADING = /^#{1,6}(?: .*)?$/gm;

export function proseRanges(
  parsed: ParseResult,
  text: string,
  spans = proseSpans(parsed),
): ProseRange[] {
  return spans.map(({ from, to }) => {
    const skip: Span[] = scanLinks(text, from, to).map((l) => ({ from: l.from, to: l.to }));
    const body = text.slice(from, to);
    for (const re of [URL, CODE, HEADING])
      for (const m of body.matchAll(re))
        skip.push({ from: from + m.index, to: from + m.index + m[0].length });
    skip.sort((a, b) => a.from - b.from);
    return { from, to, skip };
  });
}

/** Whether [from, to) overlaps a skipped range. */
export function skipped(range: ProseRange, from: number, to: number): boolean {
  return range.skip.some((s) => s.from < to && from < s.to);
}
