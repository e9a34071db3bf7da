import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { applyChanges, parseStory } from '../story';
import { coverage, linkMention, mentions, numberMarks, type RegistryEntity } from '.';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REF = readFileSync(
  resolve(REPO, '../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md'),
  'utf8',
);
const parsed = parseStory(REF);

describe('coverage', () => {
  test('counts takes per lens and region and names the vocabulary’s gaps', () => {
    const c = coverage(parsed, {
      lenses: ['unlabelled', 'US mainstream', 'Russian state media'],
      regions: ['Global', 'Russia', 'India'],
    });
    expect(c.lenses).toEqual([
      { name: 'unlabelled', takes: 11 },
      { name: 'Central-European analytical', takes: 1 },
      { name: 'US mainstream', takes: 1 },
      { name: 'Russian state media', takes: 0 },
    ]);
    expect(c.regions).toHaveLength(12);
    expect(c.regions.slice(0, 2)).toEqual([
      { name: 'United Kingdom', takes: 2 },
      { name: 'Global', takes: 2 },
    ]);
    expect(c.regions.find((r) => r.name === 'Russia (exile)')).toEqual({
      name: 'Russia (exile)',
      takes: 1,
    });
    expect(c.missingLenses).toEqual(['Russian state media']);
    expect(c.missingRegions).toEqual(['India']);
  });
});

describe('numberMarks', () => {
  test('on the reference: three figures the prose never states, every prose number carried', () => {
    expect(numberMarks(parsed, REF)).toEqual({
      unusedFigures: [
        { index: 2, figure: 'Feb 2026' },
        { index: 4, figure: 'June 2026' },
        { index: 5, figure: '5th' },
      ],
      // 314 and 185 are listed; 5 June, 4 June, 7 June and June 22 are dates;
      // “3 civilians” is carried by the note “(3 killed)”; E3 is a word.
      unlistedNumbers: [],
    });
  });

  test('finds numbers the list does not carry, and skips dates, links and URLs', () => {
    const prose =
      'A 42% rise, €3.5bn pledged and 1,250 troops; 2.5 million fled. ' +
      'On 2026-06-05, on 9 June 2026 and on March 3 nothing moved. ' +
      'See [the 77 report](/ja/n/report-77) and https://example.com/99. G7 met in 2025.';
    const text = REF.replace("No leaders' summit has been scheduled.", prose);
    const marks = numberMarks(parseStory(text), text);
    expect(marks.unlistedNumbers.map((n) => n.text)).toEqual([
      '42%',
      '€3.5bn',
      '1,250',
      '2.5 million',
      '2025',
    ]);
    for (const n of marks.unlistedNumbers) expect(text.slice(n.from, n.to)).toBe(n.text);
  });

  test('a figure the prose states is used, whatever its case', () => {
    const text = REF.replace("No leaders' summit", "In feb 2026 no leaders' summit");
    const marks = numberMarks(parseStory(text), text);
    expect(marks.unusedFigures.map((f) => f.figure)).toEqual(['June 2026', '5th']);
  });
});

const REGISTRY: RegistryEntity[] = [
  { slug: 'ukraine', name: 'Ukraine', aliases: ['Kyiv'] },
  { slug: 'russia', name: 'Russia', aliases: ['Moscow'] },
  { slug: 'ukraine-russia-war', name: 'Ukraine Russia War', aliases: [] },
  { slug: 'vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin'] },
  { slug: 'europe', name: 'Europe', aliases: [] },
  { slug: 'xi-jinping', name: 'Xi Jinping', aliases: ['習近平'] },
];

describe('mentions', () => {
  test('on the reference: unlinked whole-word names, none inside links', () => {
    const m = mentions(parsed, REF, REGISTRY, 'ja');
    expect(m.unlinked.map((u) => [u.slug, u.text])).toEqual([
      ['vladimir-putin', 'Putin'],
      ['europe', 'Europe'],
      ['russia', 'Russia'],
      ['europe', 'Europe'],
      ['russia', 'Russia'],
      ['ukraine', 'Ukraine'],
      ['europe', 'Europe'],
      ['russia', 'Russia'],
    ]);
    for (const u of m.unlinked) expect(REF.slice(u.from, u.to)).toBe(u.text);
    // “Ukrainian” is not “Ukraine”; the linked “Vladimir Putin” is no mention.
    expect(m.unlisted).toEqual([]);
  });

  test('longest match wins; case-sensitive; spaceless scripts need no word boundary', () => {
    const text = REF.replace(
      "No leaders' summit has been scheduled.",
      'The Ukraine Russia War goes on; russia said no; 会談で習近平が発言した。',
    );
    const m = mentions(parseStory(text), text, REGISTRY, 'ja');
    const from = text.indexOf('The Ukraine Russia War goes');
    const to = text.indexOf('。', from);
    const tail = m.unlinked.filter((u) => u.from >= from && u.to <= to);
    expect(tail.map((u) => u.text)).toEqual(['Ukraine Russia War', '習近平']);
  });

  test('an entity linked in prose but absent from the Entities line is unlisted', () => {
    const text = REF.replace(
      '- Entities: Ukraine Russia War, Ukraine, Russia,',
      '- Entities: Ukraine Russia War, Ukraine,',
    );
    const m = mentions(parseStory(text), text, REGISTRY, 'ja');
    expect(m.unlisted).toEqual([{ slug: 'russia', name: 'Russia' }]);
  });

  test('linkMention wraps exactly that occurrence and selects the link', () => {
    const m = mentions(parsed, REF, REGISTRY, 'ja').unlinked[0]!;
    const edit = linkMention(parsed, REF, m, 'ja');
    if (!edit.ok) throw new Error('refused');
    const out = applyChanges(REF, edit.changes);
    expect(out.slice(edit.select!.from, edit.select!.to)).toBe(
      '[Putin](/ja/entity/vladimir-putin)',
    );
    expect(parseStory(out).diagnostics).toEqual([]);
  });

  test('a link in another locale is refused with the parser’s warning', () => {
    const m = mentions(parsed, REF, REGISTRY, 'ja').unlinked[0]!;
    const edit = linkMention(parsed, REF, m, 'en');
    expect(edit.ok ? [] : edit.problems.map((p) => p.code)).toEqual(['link-locale-mismatch']);
  });
});
