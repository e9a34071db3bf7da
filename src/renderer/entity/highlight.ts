// The entity's name in a sentence that mentions it, for <mark>. Pure: the
// panel turns the parts into elements, never into markup.

export interface TextPart {
  text: string;
  mark: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `sentence` cut into runs, the ones that are one of `terms` (any case) marked. Longer terms win. */
export function highlightParts(sentence: string, terms: readonly string[]): TextPart[] {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  if (!words.length || !sentence) return sentence ? [{ text: sentence, mark: false }] : [];
  const re = new RegExp(words.map(escapeRegExp).join('|'), 'giu');
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of sentence.matchAll(re)) {
    if (m.index > at) parts.push({ text: sentence.slice(at, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < sentence.length) parts.push({ text: sentence.slice(at), mark: false });
  return parts;
}

/** Folded for matching what a person types: case and accents ignored. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
