// The library's first answer to a keystroke: the stories whose title or slug
// holds every word typed, found in memory in the same frame, before the
// desk's full-text index answers (which also looks at the whole text, and
// replaces this list when it does). Case and accents fold as the index folds
// them, so "publico" finds "Público" here as it does there.

/** Lower case, accents dropped: the form both sides of a title match are compared in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** What a title match looks in for one story: computed once per list, not per keystroke. */
export function titleKey(title: string, slug: string): string {
  return `${fold(title)}\n${slug}`;
}

/** The words of a query, folded; quotes and operators are the index's business, not this one's. */
export function queryWords(text: string): string[] {
  return fold(text)
    .split(/[\s"()*:^+-]+/u)
    .filter((w) => w.length > 0);
}

/** The items whose key holds every word (in any order), in the items' own order. */
export function filterByTitle<T>(items: readonly T[], keys: readonly string[], text: string): T[] {
  const words = queryWords(text);
  if (words.length === 0) return items.slice();
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const key = keys[i]!;
    if (words.every((w) => key.includes(w))) out.push(items[i]!);
  }
  return out;
}
