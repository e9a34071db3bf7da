import { describe, expect, test } from 'vitest';
import { filterByTitle, fold, queryWords, titleKey } from './title-filter';

describe('the library title filter', () => {
  const stories = [
    { slug: 'eu-frozen-assets', title: 'EU edges towards a reparations loan' },
    { slug: 'publico-gas', title: 'Público: gas storage is full' },
    { slug: 'ukraine-talks', title: 'Ukraine-Russia talks inch forward' },
  ];
  const keys = stories.map((s) => titleKey(s.title, s.slug));
  const slugs = (text: string) => filterByTitle(stories, keys, text).map((s) => s.slug);

  test('every word must be in the title or slug, in any order, as part of a word', () => {
    expect(slugs('talks ukr')).toEqual(['ukraine-talks']);
    expect(slugs('loan')).toEqual(['eu-frozen-assets']);
    expect(slugs('frozen')).toEqual(['eu-frozen-assets']);
    expect(slugs('gas loan')).toEqual([]);
  });

  test('case and accents fold both ways', () => {
    expect(slugs('PUBLICO')).toEqual(['publico-gas']);
    expect(slugs('Público')).toEqual(['publico-gas']);
    expect(fold('Erdoğan Ÿ')).toBe('erdogan y');
  });

  test('an empty query (or only operators) keeps every story, in order', () => {
    expect(slugs('')).toEqual(stories.map((s) => s.slug));
    expect(slugs(' " - ')).toEqual(stories.map((s) => s.slug));
    expect(queryWords('"gas storage" -loan')).toEqual(['gas', 'storage', 'loan']);
  });
});
