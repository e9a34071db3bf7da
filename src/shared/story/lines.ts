// A line table over a story's text: the parser walks lines, diagnostics and
// editors want offsets, and people want 1-based lines and columns. One table
// answers all three without re-scanning the text.

export interface Line {
  /** The line's text without its `\n` (and without a `\r` before it). */
  readonly text: string;
  /** Offset of the line's first character in the whole text. */
  readonly from: number;
}

export interface LineTable {
  readonly lines: readonly Line[];
  /** Whether the text ends with a newline (the empty last line is then not listed). */
  readonly finalNewline: boolean;
  readonly crlf: boolean;
}

export function splitLines(text: string): LineTable {
  const lines: Line[] = [];
  let crlf = false;
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    let lineEnd = end;
    if (nl >= 0 && end > from && text.charCodeAt(end - 1) === 13) {
      lineEnd = end - 1;
      crlf = true;
    }
    lines.push({ text: text.slice(from, lineEnd), from });
    if (nl < 0) break;
    from = nl + 1;
  }
  const finalNewline = text.length > 0 && text.charCodeAt(text.length - 1) === 10;
  if (finalNewline) lines.pop();
  return { lines, finalNewline, crlf };
}

/** 1-based line and column of an offset, by binary search over line starts. */
export function positionOf(table: LineTable, offset: number): { line: number; column: number } {
  const { lines } = table;
  const last = lines[lines.length - 1];
  // Past the end of a text that ends with a newline is the start of the line after.
  if (table.finalNewline && last && offset > last.from + last.text.length)
    return { line: lines.length + 1, column: 1 };
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.from <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  return { line: lo + 1, column: line ? offset - line.from + 1 : 1 };
}
