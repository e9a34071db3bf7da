// CJK text has no spaces between words, so FTS5's unicode61 tokenizer reads a
// whole clause of Chinese or Japanese as one token, and a trigram tokenizer
// finds nothing under three characters. A one- or two-character term (習,
// 北京) is what people type, so the index keeps each story's CJK-bearing text
// in a small side table and finds CJK terms by substring instead.

/** A Han, kana or Hangul letter (punctuation such as 、 and 。 is not one). */
const CJK_CHAR = String.raw`(?:(?=[\p{L}\p{Nl}])[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}])`;
const CJK_RUN = new RegExp(`${CJK_CHAR}+`, 'gu');
/**
 * A cheap first look, by UTF-16 code unit (Hangul Jamo, CJK radicals to CJK
 * Unified Ideographs, Hangul syllables, compatibility ideographs, half-width
 * forms, and the high surrogates of kana supplements and the ideographic
 * planes): most text has none of these, and the exact test is much slower.
 * cjk.test.ts checks that it misses no letter the exact test finds.
 */
const MAYBE_CJK =
  /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc\ud81b\ud82b\ud82c\ud840-\ud88f]/;
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;
// Global copies of the quick look, one per function that steps through its matches.
const MAYBE_CJK_G = new RegExp(MAYBE_CJK.source, 'g');
const MAYBE_RUN_G = new RegExp(MAYBE_CJK.source, 'g');
/** A CJK letter at the start (of a one- or two-code-unit slice), and a run of them at lastIndex. */
const CJK_CHAR_AT = new RegExp(`^${CJK_CHAR}`, 'u');
const CJK_RUN_AT = new RegExp(`${CJK_CHAR}+`, 'uy');
const CJK_AT_END = new RegExp(`${CJK_CHAR}$`, 'u');
const CJK_AT_START = new RegExp(`^${CJK_CHAR}`, 'u');

export function hasCjk(text: string): boolean {
  if (!MAYBE_CJK.test(text)) return false;
  // The exact test costs per character tried, so it is tried only where the quick look found
  // a candidate (which it finds for every CJK letter: its first code unit is in MAYBE_CJK).
  for (MAYBE_CJK_G.lastIndex = 0; MAYBE_CJK_G.test(text);)
    if (CJK_CHAR_AT.test(text.slice(MAYBE_CJK_G.lastIndex - 1, MAYBE_CJK_G.lastIndex + 1)))
      return true;
  return false;
}

/**
 * The CJK runs of a story's side text (cjkSideText), one space between: what a
 * CJK term is looked for in, as every occurrence of a term made of CJK
 * letters lies inside one run.
 */
export function cjkRuns(sideText: string): string {
  const runs: string[] = [];
  // As in hasCjk: the run pattern is tried only where the quick look found a candidate.
  for (MAYBE_RUN_G.lastIndex = 0; MAYBE_RUN_G.test(sideText);) {
    CJK_RUN_AT.lastIndex = MAYBE_RUN_G.lastIndex - 1;
    const run = CJK_RUN_AT.exec(sideText);
    if (!run) continue;
    runs.push(run[0]);
    MAYBE_RUN_G.lastIndex = CJK_RUN_AT.lastIndex;
  }
  return runs.join(' ');
}

/** Splits a query token into its CJK runs and the text between them. */
export function splitCjk(token: string): { cjk: string[]; rest: string[]; endsWithCjk: boolean } {
  const cjk: string[] = [];
  const rest: string[] = [];
  let last = 0;
  for (const m of token.matchAll(CJK_RUN)) {
    if (m.index > last) rest.push(token.slice(last, m.index));
    cjk.push(m[0]);
    last = m.index + m[0].length;
  }
  const endsWithCjk = last === token.length && cjk.length > 0;
  if (last < token.length) rest.push(token.slice(last));
  return { cjk, rest, endsWithCjk };
}

/**
 * What the side table keeps of a story: each field that holds CJK, whole and
 * NFKC-folded, one per line, so a snippet can show the term in its context and
 * no match can span two fields. Empty when the story has no CJK at all.
 */
export function cjkSideText(fields: readonly string[]): string {
  const kept: string[] = [];
  for (const field of fields) {
    if (!field || !hasCjk(field)) continue;
    // A hard wrap inside CJK prose splits one sentence: such lines are joined again.
    // Line by line, as NFKC never makes or joins a line break: ASCII lines (most) are NFKC already.
    // (An ASCII line holds no CJK, so the tests below are skipped for it.)
    let line = '';
    let lineAscii = true;
    for (const raw of field.split('\n')) {
      const ascii = ASCII_ONLY.test(raw);
      const part = (ascii ? raw : raw.normalize('NFKC')).trim();
      if (
        line &&
        part &&
        !lineAscii &&
        !ascii &&
        CJK_AT_END.test(line) &&
        CJK_AT_START.test(part)
      ) {
        line += part;
        continue;
      }
      if (!lineAscii && hasCjk(line)) kept.push(line);
      line = part;
      lineAscii = ascii;
    }
    if (!lineAscii && hasCjk(line)) kept.push(line);
  }
  return kept.join('\n');
}
