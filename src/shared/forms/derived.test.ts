import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { applyChanges, parseStory } from '../story';
import { parseEntityFile } from '../entity';
import {
  coverage,
  linkMention,
  mentions,
  numberMarks,
  unlinkedOccurrences,
  type RegistryEntity,
} from '.';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REF = referenceStory();
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

const SAMPLE_ENTITIES = resolve(REPO, 'resources/sample-desk/entities');
const SAMPLE_REGISTRY: RegistryEntity[] = readdirSync(SAMPLE_ENTITIES).map((file) => {
  const slug = file.replace(/\.md$/, '');
  const { entity } = parseEntityFile(readFileSync(resolve(SAMPLE_ENTITIES, file), 'utf8'), slug);
  return { slug, name: entity.name, aliases: entity.aliases };
});

describe('mentions', () => {
  test('on the reference: one row per entity linked nowhere, at its first mention', () => {
    // Russia, Ukraine and Putin are named unlinked too, but linked elsewhere.
    const m = mentions(parsed, REF, REGISTRY, 'ja');
    const at = REF.indexOf('Europe and Washington');
    expect(m.unlinked).toEqual([
      {
        slug: 'europe',
        name: 'Europe',
        text: 'Europe',
        from: at,
        to: at + 'Europe'.length,
        count: 3,
        sentence: {
          before:
            'On 7 June the UK, France and Germany backed direct dialogue while insisting any ' +
            'ceasefire be coordinated with ',
          after: ' and Washington.',
        },
      },
    ]);
    expect(m.unlisted).toEqual([]);
  });

  test('on the reference with the sample desk’s registry: France, Germany, Washington', () => {
    // Russia (five times unlinked), Ukraine and Putin are linked elsewhere: not rows.
    const m = mentions(parsed, REF, SAMPLE_REGISTRY, 'ja');
    const rows = m.unlinked.map(({ slug, text, from, count }) => ({ slug, text, from, count }));
    expect(rows).toEqual([
      { slug: 'france', text: 'France', from: REF.indexOf('France and'), count: 2 },
      { slug: 'germany', text: 'Germany', from: REF.indexOf('Germany backed'), count: 2 },
      { slug: 'united-states', text: 'Washington', from: REF.indexOf('Washington'), count: 1 },
    ]);
    for (const u of m.unlinked) expect(REF.slice(u.from, u.to)).toBe(u.text);
    expect(m.unlisted).toEqual([]);
  });

  test('every occurrence: longest match wins; case-sensitive; spaceless scripts need no boundary', () => {
    const text = REF.replace(
      "No leaders' summit has been scheduled.",
      'The Ukraine Russia War goes on; russia said no; 会談で習近平が発言した。',
    );
    const all = unlinkedOccurrences(parseStory(text), text, REGISTRY);
    const from = text.indexOf('The Ukraine Russia War goes');
    const to = text.indexOf('。', from);
    const tail = all.filter((u) => u.from >= from && u.to <= to);
    expect(tail.map((u) => u.text)).toEqual(['Ukraine Russia War', '習近平']);
    // “Ukrainian” is not “Ukraine”; the linked “Vladimir Putin” is no occurrence.
    expect(all.filter((u) => u.from < from || u.to > to).map((u) => u.text)).toEqual([
      'Putin',
      'Europe',
      'Russia',
      'Europe',
      'Russia',
      'Ukraine',
      'Europe',
      'Russia',
    ]);
  });

  test('an entity linked only by an alias counts as linked; one named by an alias reads as it', () => {
    const text = REF.replace('[Kyiv](/ja/entity/ukraine)', 'Kyiv').replace(
      '[Ukraine](/ja/entity/ukraine)',
      'Ukraine',
    );
    const rows = mentions(parseStory(text), text, REGISTRY, 'ja').unlinked;
    expect(rows.map((u) => [u.slug, u.text, u.count])).toEqual([
      ['ukraine', 'Ukraine', 3],
      ['europe', 'Europe', 3],
    ]);
    // The sentence reads as the reader sees it: links as their text.
    expect(rows[0]!.sentence).toEqual({
      before: 'On 5 June Russia and ',
      after: ' exchanged 185-for-185 prisoners.',
    });
    const moscow = REF.replace('[Russia](/ja/entity/russia)', 'Russia');
    // Still linked once, as [Moscow]: nothing to do.
    expect(
      mentions(parseStory(moscow), moscow, REGISTRY, 'ja').unlinked.map((u) => u.slug),
    ).toEqual(['europe']);
  });

  test('an entity linked in prose but absent from the Entities line is unlisted', () => {
    const text = REF.replace(
      '- Entities: Ukraine Russia War, Ukraine, Russia,',
      '- Entities: Ukraine Russia War, Ukraine,',
    );
    const m = mentions(parseStory(text), text, REGISTRY, 'ja');
    expect(m.unlisted).toEqual([{ slug: 'russia', name: 'Russia' }]);
  });

  test('linkMention links the first mention, selects the link, and the row goes', () => {
    const m = mentions(parsed, REF, REGISTRY, 'ja').unlinked[0]!;
    const edit = linkMention(parsed, REF, m, 'ja');
    if (!edit.ok) throw new Error('refused');
    const out = applyChanges(REF, edit.changes);
    expect(out.slice(edit.select!.from, edit.select!.to)).toBe('[Europe](/ja/entity/europe)');
    expect(out.indexOf('[Europe]')).toBe(REF.indexOf('Europe and Washington'));
    expect(parseStory(out).diagnostics).toEqual([]);
    // Linked once, it is done.
    expect(mentions(parseStory(out), out, REGISTRY, 'ja').unlinked).toEqual([]);
  });

  test('a link in another locale is refused with the parser’s warning', () => {
    const m = mentions(parsed, REF, REGISTRY, 'ja').unlinked[0]!;
    const edit = linkMention(parsed, REF, m, 'en');
    expect(edit.ok ? [] : edit.problems.map((p) => p.code)).toEqual(['link-locale-mismatch']);
  });
});
