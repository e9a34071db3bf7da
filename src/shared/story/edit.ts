import type { TextChange } from './diagnostics';

// Text edits as offsets into the text they were computed on. Every rewrite
// that the repository or a quick fix makes goes through here, applied from the
// end so that earlier offsets stay valid.

export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  for (const c of sorted) {
    if (c.from < 0 || c.to < c.from || c.to > text.length)
      throw new RangeError(`change ${c.from}-${c.to} is outside the text`);
    if (c.to > limit) throw new RangeError(`changes overlap at ${c.from}-${c.to}`);
    out = out.slice(0, c.from) + c.insert + out.slice(c.to);
    limit = c.from;
  }
  return out;
}
