import {
  SECTION_ORDER,
  type ParseResult,
  type SectionId,
  type Span,
  type TextChange,
} from '../story';

// Line and block arithmetic on the story text. Every form edit is expressed as
// changes to whole lines an item owns (or to one field inside a line), so the
// text around it (blank lines, unknown sections, spacing) stays as written.

/** Offset of the first character of the line holding `pos`. */
export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset of the newline ending the line holding `pos` (or the text's end). */
export function lineEndOf(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/**
 * Remove the lines from `from` (a line start) to `to` (inside the last line):
 * with the newline after them, or the one before when they end the text.
 */
export function removeLines(text: string, from: number, to: number): TextChange {
  const end = lineEndOf(text, to);
  if (end < text.length) return { from, to: end + 1, insert: '' };
  return { from: Math.max(0, from - 1), to: end, insert: '' };
}

/** Insert whole lines before the line starting at `at`. */
export function insertLinesBefore(at: number, lines: string): TextChange {
  return { from: at, to: at, insert: `${lines}\n` };
}

/** Insert whole lines after the line holding `pos`. */
export function insertLinesAfter(text: string, pos: number, lines: string): TextChange {
  const end = lineEndOf(text, pos);
  return { from: end, to: end, insert: `\n${lines}` };
}

const isNewline = (c: string | undefined) => c === '\n' || c === '\r';

/** Where the blank lines before `pos` begin: the end of the content above. */
export function contentEndBefore(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isNewline(text[i - 1])) i--;
  return i;
}

/** Where the content after the blank lines at `pos` begins. */
export function contentStartAfter(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isNewline(text[i])) i++;
  return i;
}

/**
 * Remove a blank-line separated block (a section, a lens group) and one
 * separator: the one after it, or the one before when nothing follows.
 */
export function removeBlock(text: string, span: Span): TextChange {
  const next = contentStartAfter(text, lineEndOf(text, span.to));
  if (next < text.length) return { from: span.from, to: next, insert: '' };
  return { from: contentEndBefore(text, span.from), to: lineEndOf(text, span.to), insert: '' };
}

export const blockBefore = (at: number, block: string): TextChange => ({
  from: at,
  to: at,
  insert: `${block}\n\n`,
});

export const blockAfter = (at: number, block: string): TextChange => ({
  from: at,
  to: at,
  insert: `\n\n${block}`,
});

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The one change that turns `before` (found at `at` in the text) into `after`:
 * their common start and end are left alone, so undo and the caret stay put.
 * Never splits a surrogate pair.
 */
export function minimalChange(at: number, before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--;
  return {
    from: at + start,
    to: at + before.length - end,
    insert: after.slice(start, after.length - end),
  };
}

/** Where `pos` of the old text lands once `changes` are applied. */
export function mapPos(changes: readonly TextChange[], pos: number): number {
  let out = pos;
  for (const c of changes) {
    if (c.to <= pos && !(c.from === pos && c.to === pos)) out += c.insert.length - (c.to - c.from);
    // Inside a replaced range: the end of what replaced it.
    else if (c.from < pos) out += c.from + c.insert.length - pos;
  }
  return out;
}

/**
 * The change that adds a whole new section (`block` starts with its `## `
 * heading) where the layout's section order puts it: before the first known
 * section that comes later, else after the last section, else before the footer.
 */
export function insertSection(
  parsed: ParseResult,
  text: string,
  id: SectionId,
  block: string,
): TextChange {
  const { facts } = parsed;
  const order = SECTION_ORDER.indexOf(id);
  const later = facts.sections.find(
    (s) => s.id !== null && SECTION_ORDER.indexOf(s.id as SectionId) > order,
  );
  if (later) return blockBefore(later.span.from, block);
  const last = facts.sections.at(-1);
  if (last) return blockAfter(lineEndOf(text, last.span.to), block);
  if (facts.footer) return blockBefore(facts.footer.from, block);
  return blockAfter(contentEndBefore(text, text.length), block);
}
