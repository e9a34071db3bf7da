import { splitCjk } from './cjk';

// What the user typed, turned into an FTS5 query that cannot fail. Every
// token is quoted, so `AND`, `NEAR(`, `*`, `c++` or a stray `"` are words or
// nothing, never syntax; the last token is a prefix, so results follow the
// typing. CJK runs are taken out and matched by substring (see cjk.ts).

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when no token is left for FTS5. */
  match: string | null;
  /** CJK runs, each to be found as a substring of the story's CJK text. */
  cjk: string[];
  /** The plain terms (folded by FTS5 itself), for tests and diagnostics. */
  terms: string[];
}

/** Letters, digits, marks and private-use characters, as unicode61 reads a token. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** More terms than this add nothing to a search but cost; the rest are dropped. */
export const MAX_TERMS = 16;
/**
 * A prefix of one or two letters (`a*`, `co*`) expands to thousands of words
 * on a big desk, and FTS5 expands it again for every query that uses it; such
 * a last token is searched as a whole word (`EU`, `Xi`) until a third letter.
 */
export const MIN_PREFIX = 3;

export function parseQuery(text: string): ParsedQuery {
  const terms: string[] = [];
  const cjk: string[] = [];
  // The sentinels that mark snippets are private-use characters; a query never needs them.
  const tokens =
    text
      .normalize('NFC')
      .replace(/[\uE000\uE001]/g, ' ')
      .match(TOKEN) ?? [];
  let prefix = false;
  for (const token of tokens) {
    const parts = splitCjk(token.normalize('NFKC'));
    for (const run of parts.cjk) if (!cjk.includes(run)) cjk.push(run);
    // NFKC can split a token (`½` is `1⁄2`), so the rest is split again.
    for (const rest of parts.rest) for (const t of rest.match(TOKEN) ?? []) terms.push(t);
    // The text ends in this token: it is still being typed unless it ends in CJK.
    prefix = parts.rest.length > 0 && !parts.endsWithCjk;
  }
  const last = terms[terms.length - 1];
  prefix = prefix && last !== undefined && [...last].length >= MIN_PREFIX;
  let kept = dedupe(terms);
  if (kept.length > MAX_TERMS) kept = [...kept.slice(0, MAX_TERMS - 1), kept[kept.length - 1]!];
  const cjkKept = cjk.slice(0, MAX_TERMS);
  if (!kept.length) return { match: null, cjk: cjkKept, terms: [] };
  const quoted = kept.map(
    (t, i) => `"${t.replace(/"/g, '""')}"${prefix && i === kept.length - 1 ? '*' : ''}`,
  );
  return { match: quoted.join(' '), cjk: cjkKept, terms: kept };
}

/** Drops repeated terms, keeping each at its last place so the final term stays last. */
function dedupe(terms: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = terms.length - 1; i >= 0; i--) {
    const key = terms[i]!.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(terms[i]!);
  }
  return out.reverse();
}
