import { describe, expect, test } from 'vitest';
import { cjkSideText, hasCjk, splitCjk } from './cjk';
import { parseQuery } from './fts-query';
import { StoryIndex } from './story-index';

// The pieces under search: how typed text becomes an FTS5 query, and how CJK
// text is found. story-index.test.ts tests them through the index.

describe('parseQuery', () => {
  test.each([
    ['zelen', '"zelen"*', [], ['zelen']],
    ['Putin zelen', '"Putin" "zelen"*', [], ['Putin', 'zelen']],
    ["o'brien", '"o" "brien"*', [], ['o', 'brien']],
    ['covid-19', '"covid" "19"', [], ['covid', '19']],
    ['c++', '"c"', [], ['c']],
    ['"unbalanced', '"unbalanced"*', [], ['unbalanced']],
    ['AND', '"AND"*', [], ['AND']],
    ['NEAR(a b, 2)', '"NEAR" "a" "b" "2"', [], ['NEAR', 'a', 'b', '2']],
    ['title:putin', '"title" "putin"*', [], ['title', 'putin']],
    ['eu', '"eu"', [], ['eu']],
    ['putin PUTIN', '"PUTIN"*', [], ['PUTIN']],
    ['Público', '"Público"*', [], ['Público']],
    ['中方', null, ['中方'], []],
    ['Xinhua 中方', '"Xinhua"', ['中方'], ['Xinhua']],
    ['G7峰会', '"G7"', ['峰会'], ['G7']],
    ['峰会G7x', '"G7x"*', ['峰会'], ['G7x']],
    ['ｶﾀｶﾅ', null, ['カタカナ'], []],
    ['', null, [], []],
    ['*', null, [], []],
    ['!!! ??? ---', null, [], []],
    ['\uE000\uE001', null, [], []],
  ] as const)('%j', (text, match, cjk, terms) => {
    expect(parseQuery(text)).toEqual({ match, cjk, terms });
  });

  test('a long query keeps its first terms and its last, still a prefix', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const { match, terms } = parseQuery(words.join(' '));
    expect(terms).toEqual([...words.slice(0, 15), 'word39']);
    expect(match!.endsWith('"word39"*')).toBe(true);
  });

  test('no character makes a query FTS5 refuses', () => {
    const index = StoryIndex.openMemory();
    for (let cp = 1; cp < 0x30000; cp += cp < 0x3000 ? 7 : 97) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      for (const text of [ch, `ab${ch}cd`, `${ch}"${ch}*`])
        expect(
          () => index.search({ text, filters: {}, limit: 5 }),
          `U+${cp.toString(16)}`,
        ).not.toThrow();
    }
    index.close();
  });
});

describe('CJK', () => {
  test('the quick look misses no CJK letter the exact test finds', () => {
    const exact = /(?=[\p{L}\p{Nl}])[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]/u;
    const missed: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      if (hasCjk(ch) !== exact.test(ch)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  test('splitCjk separates runs from the rest', () => {
    expect(splitCjk('G7峰会x')).toEqual({ cjk: ['峰会'], rest: ['G7', 'x'], endsWithCjk: false });
    expect(splitCjk('東京、大阪')).toEqual({
      cjk: ['東京', '大阪'],
      rest: ['、'],
      endsWithCjk: true,
    });
    expect(splitCjk('plain')).toEqual({ cjk: [], rest: ['plain'], endsWithCjk: false });
  });

  test('the side text keeps CJK lines, joins hard wraps inside CJK, folds half-width forms', () => {
    expect(cjkSideText(['No CJK here', 'Tokyo: 東京は\n大阪と\nfoo 北京 bar\nzzz', 'ﾃｽﾄ'])).toBe(
      'Tokyo: 東京は大阪と\nfoo 北京 bar\nテスト',
    );
    expect(cjkSideText(['plain', ''])).toBe('');
  });
});
