import type { SnippetRun } from '../../../shared/search';

// Snippets cross the wire as runs of text, each marked when it matched, so no
// HTML is ever built from story text. FTS5's snippet() marks matches with two
// private-use characters that indexed text never holds (they are stripped
// when a story is indexed), and the runs are read back from them.

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
export const ELLIPSIS = '…';
/** Tokens of context FTS5 gives a snippet (its maximum is 64). */
export const SNIPPET_TOKENS = 16;

/** Removes the sentinels from text about to be indexed. */
export function stripSentinels(text: string): string {
  return text.includes(MATCH_START) || text.includes(MATCH_END)
    ? text.replace(/[\uE000\uE001]/g, '\uFFFD')
    : text;
}

/** Reads a snippet marked with MATCH_START / MATCH_END into runs. */
export function snippetRuns(marked: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  let match = false;
  let from = 0;
  for (let i = 0; i <= marked.length; i++) {
    const c = marked[i];
    if (i < marked.length && c !== MATCH_START && c !== MATCH_END) continue;
    if (i > from) push(runs, marked.slice(from, i), match);
    if (c === MATCH_START) match = true;
    else if (c === MATCH_END) match = false;
    from = i + 1;
  }
  return collapseSpace(runs);
}

/** Marks every occurrence of the CJK terms inside the runs that did not match yet. */
export function markTerms(runs: SnippetRun[], terms: readonly string[]): SnippetRun[] {
  if (!terms.length) return runs;
  const out: SnippetRun[] = [];
  for (const run of runs) {
    if (run.match) {
      push(out, run.text, true);
      continue;
    }
    let at = 0;
    for (;;) {
      const hit = nextHit(run.text, at, terms);
      if (!hit) break;
      if (hit.index > at) push(out, run.text.slice(at, hit.index), false);
      push(out, run.text.slice(hit.index, hit.index + hit.length), true);
      at = hit.index + hit.length;
    }
    if (at < run.text.length) push(out, run.text.slice(at), false);
  }
  return out;
}

/**
 * A snippet cut from a story's CJK text around the first term found: the
 * line that holds it, shortened to `context` characters each side.
 */
export function cjkSnippet(text: string, terms: readonly string[], context = 24): SnippetRun[] {
  const hit = nextHit(text, 0, terms);
  if (!hit) return [];
  const lineStart = text.lastIndexOf('\n', hit.index) + 1;
  const lineEnd = text.indexOf('\n', hit.index);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const from = Math.max(lineStart, hit.index - context);
  const to = Math.min(end, hit.index + hit.length + context);
  const body =
    (from > lineStart ? ELLIPSIS : '') + text.slice(from, to) + (to < end ? ELLIPSIS : '');
  return markTerms([{ text: body, match: false }], terms);
}

function nextHit(
  text: string,
  from: number,
  terms: readonly string[],
): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  for (const term of terms) {
    if (!term) continue;
    const index = text.indexOf(term, from);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && term.length > best.length))
      best = { index, length: term.length };
  }
  return best;
}

function push(runs: SnippetRun[], text: string, match: boolean): void {
  if (!text) return;
  const last = runs[runs.length - 1];
  if (last && last.match === match) last.text += text;
  else runs.push({ text, match });
}

/** Prose keeps its hard wraps; a snippet reads as one line. */
function collapseSpace(runs: SnippetRun[]): SnippetRun[] {
  for (const run of runs) run.text = run.text.replace(/\s+/g, ' ');
  return runs;
}
