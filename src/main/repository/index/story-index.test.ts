import Database from 'better-sqlite3';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SearchFilters, SearchResult } from '../../../shared/search';
import { summarizeStory, type StorySummary } from '../../../shared/story-summary';
import { parseStory } from '../../../shared/story/parse';
import { StoryIndex, type IndexRecord } from './story-index';

// The index fed with the real sample desk and with stories written here for
// one purpose each. Every expectation is exact: which slugs, in which order.

const SAMPLES = join(__dirname, '../../../../resources/sample-desk/stories');

function record(slug: string, text: string, mtimeMs = 1_000, hash = `h-${slug}`): IndexRecord {
  const parsed = parseStory(text);
  return {
    slug,
    mtimeMs,
    size: Buffer.byteLength(text),
    hash,
    text,
    parsed,
    summary: summarizeStory(slug, parsed),
  };
}

const samples: IndexRecord[] = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => record(f.slice(0, -3), readFileSync(join(SAMPLES, f), 'utf8')));
const sampleSlugs = samples.map((r) => r.slug);
const newestFirst = (summaries: StorySummary[]) =>
  [...summaries].sort((a, b) =>
    a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1,
  );

interface TakeDraft {
  lens?: string;
  outlet?: string;
  region?: string;
  language?: string;
  summary?: string;
  quote?: string;
  source?: string;
}
interface Draft {
  slug: string;
  title?: string;
  dek?: string;
  type?: string;
  date?: string;
  heads?: string[];
  status?: string;
  prose?: string;
  takes?: TakeDraft[];
  related?: string[];
  entities?: string[];
}

/** A story in FORMAT.md's layout. */
function storyText(d: Draft): string {
  const takes = (d.takes ?? [{}]).map((t) => ({
    lens: t.lens ?? 'unlabelled',
    outlet: t.outlet ?? 'Reuters',
    region: t.region ?? 'Global',
    language: t.language ?? 'en',
    summary: t.summary ?? 'Reports the news.',
    quote: t.quote,
    source: t.source ?? `https://www.reuters.com/${d.slug}`,
  }));
  const lenses = [...new Set(takes.map((t) => t.lens))];
  const regions = new Set(takes.map((t) => t.region)).size;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines: string[] = [];
  if (d.status) lines.push('---', `status: ${d.status}`, '---');
  lines.push(
    `# ${d.title ?? `A story called ${d.slug}`}`,
    `> ${d.dek ?? 'What happened, in one line'}`,
    '',
    `**Meta:** type: ${d.type ?? 'story'} · date: ${d.date ?? '2026-01-01'} · heads: ${(d.heads ?? ['Who Decides']).join(', ')} · ${count(takes.length, 'take', 'takes')} · ${count(lenses.length, 'lens', 'lenses')} · ${count(regions, 'region', 'regions')}`,
    '',
    '## Summary',
    '',
    d.prose ?? 'Nothing much happened today.',
    '',
    '## Regional takes (batched by bias / lens)',
    '',
  );
  lenses.forEach((lens, i) => {
    if (i) lines.push('');
    lines.push(`### ${lens}`);
    for (const t of takes.filter((t) => t.lens === lens)) {
      lines.push(`- **${t.outlet}** (${t.region}, ${t.language}) — ${t.summary}`);
      if (t.quote) lines.push(`  > "${t.quote}"`);
      lines.push(`  Source: ${t.source}`);
    }
  });
  if (d.related?.length || d.entities?.length) {
    lines.push('', '## Across the graph');
    if (d.related?.length) lines.push(`- Related: ${d.related.map((s) => `[[${s}]]`).join(', ')}`);
    if (d.entities?.length) lines.push(`- Entities: ${d.entities.join(', ')}`);
  }
  lines.push('', '---', `Canonical: https://rbtfl.xyz/ja/n/${d.slug}`);
  return lines.join('\n') + '\n';
}

const draft = (d: Draft, mtimeMs?: number, hash?: string) =>
  record(d.slug, storyText(d), mtimeMs, hash);

/** Code-point order, as the index sorts. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function slugsOf(result: SearchResult): string[] {
  return result.hits.map((h) => h.slug);
}

function search(
  index: StoryIndex,
  text: string,
  filters: SearchFilters = {},
  limit = 50,
): SearchResult {
  return index.search({ text, filters, limit });
}

/**
 * The sample stories whose searchable text matches `pattern`: an oracle read
 * from the markdown, without link targets, source URLs, Related slugs and the
 * Canonical line, none of which full text indexes as words.
 */
function samplesWithWord(pattern: RegExp): string[] {
  const searchable = (text: string) =>
    text.replace(/\]\([^)]*\)/g, ']').replace(/^\s*(Source|- Related|Canonical): .*$/gm, '');
  return samples
    .filter((r) => pattern.test(searchable(r.text)))
    .map((r) => r.slug)
    .sort();
}

describe('a desk of the sample stories', () => {
  let index: StoryIndex;
  beforeAll(() => {
    index = StoryIndex.openMemory();
    index.upsert(samples);
  });
  afterAll(() => index.close());

  test('summaries are the stories newest first, then by slug, each as summarizeStory made it', () => {
    const expected = newestFirst(samples.map((r) => r.summary));
    expect(index.summaries()).toEqual(expected);
    expect(index.summary('china-mediation-ukraine-envoy')).toEqual(
      samples.find((r) => r.slug === 'china-mediation-ukraine-envoy')!.summary,
    );
    expect(index.summary('no-such-story')).toBeNull();
  });

  test('fingerprints are what each story was indexed with', () => {
    const prints = index.fingerprints();
    expect([...prints.keys()].sort()).toEqual(sampleSlugs);
    for (const r of samples)
      expect(prints.get(r.slug)).toEqual({ mtimeMs: r.mtimeMs, size: r.size, hash: r.hash });
  });

  test('the last word is a prefix: zelen finds every story that names Zelensky', () => {
    const expected = samplesWithWord(/\bzelen/i);
    expect(expected.length).toBeGreaterThan(2);
    const result = search(index, 'zelen');
    expect(slugsOf(result).sort()).toEqual(expected);
    expect(result.total).toBe(expected.length);
    for (const hit of result.hits)
      expect(hit.snippet.filter((r) => r.match).map((r) => r.text.toLowerCase())).toContain(
        'zelensky',
      );
    // Only the last word is a prefix.
    expect(search(index, 'zelen putin').total).toBe(0);
    const both = samplesWithWord(/\bzelensky\b/i).filter((s) =>
      samplesWithWord(/\bputin/i).includes(s),
    );
    expect(slugsOf(search(index, 'zelensky putin')).sort()).toEqual(both);
  });

  test('case and diacritics fold: publico finds Público, erdogan finds Erdoğan, and the other way round', () => {
    expect(slugsOf(search(index, 'publico'))).toEqual(['europe-gas-prices-winter-storage']);
    expect(slugsOf(search(index, 'PÚBLICO'))).toEqual(['europe-gas-prices-winter-storage']);
    const erdogan = ['black-sea-grain-corridor-insurance', 'nato-ankara-summit-defence-spending'];
    expect(slugsOf(search(index, 'erdogan')).sort()).toEqual(erdogan);
    expect(slugsOf(search(index, 'Erdoğan')).sort()).toEqual(erdogan);
    expect(slugsOf(search(index, 'ERDOĞ')).sort()).toEqual(erdogan);
    const snippet = search(index, 'publico').hits[0]!.snippet;
    expect(snippet.filter((r) => r.match).map((r) => r.text)).toContain('Público');
  });

  test('CJK terms of one and two characters find the story with them in a take', () => {
    // Xinhua's take: 新华社强调中方始终站在和平一边… and its quote 劝和促谈是中方的一贯立场。
    for (const term of ['中方', '和', '谈', '新华社', '劝和促谈']) {
      const result = search(index, term);
      expect(slugsOf(result), term).toEqual(['china-mediation-ukraine-envoy']);
      expect(result.total).toBe(1);
      expect(result.hits[0]!.snippet.filter((r) => r.match).map((r) => r.text)).toEqual(
        expect.arrayContaining([term]),
      );
      expect(result.hits[0]!.snippet.map((r) => r.text).join('')).toContain(term);
    }
    expect(search(index, '北京').total).toBe(0);
    // With Latin words: both must match.
    expect(slugsOf(search(index, 'Xinhua 中方'))).toEqual(['china-mediation-ukraine-envoy']);
    expect(search(index, 'Erdogan 中方').total).toBe(0);
  });

  test('backlinks: linking() is every story whose links include the slug, newest first', () => {
    const byDate = newestFirst(samples.map((r) => r.summary));
    for (const target of sampleSlugs) {
      const expected = byDate
        .filter((s) => s.links.includes(target) && s.slug !== target)
        .map((s) => s.slug);
      expect(index.linking(target), target).toEqual(expected);
    }
    expect(index.linking('putin-zelensky-talks-rebuff').length).toBeGreaterThan(1);
    expect(index.linking('nothing-links-here')).toEqual([]);
  });

  test('mentions: mentioning() is every story whose entities include the entity, newest first', () => {
    const byDate = newestFirst(samples.map((r) => r.summary));
    const entities = new Set(samples.flatMap((r) => r.summary.entities));
    for (const entity of entities)
      expect(index.mentioning(entity), entity).toEqual(
        byDate.filter((s) => s.entities.includes(entity)).map((s) => s.slug),
      );
    expect(index.mentioning('recep-tayyip-erdogan').sort()).toEqual([
      'black-sea-grain-corridor-insurance',
      'nato-ankara-summit-defence-spending',
    ]);
  });

  test('the source ledger has every cited URL once, sorted, with its citing stories', () => {
    const ledger = index.sourceLedger();
    const cited = new Map<string, Set<string>>();
    for (const r of samples)
      for (const t of r.parsed.facts.takes)
        if (t.take.source)
          cited.set(t.take.source, (cited.get(t.take.source) ?? new Set()).add(r.slug));
    expect(ledger.map((e) => e.url)).toEqual([...cited.keys()].sort((a, b) => (a < b ? -1 : 1)));
    for (const entry of ledger) {
      expect(new Set(entry.stories)).toEqual(cited.get(entry.url));
      const dates = entry.stories
        .map((s) => samples.find((r) => r.slug === s)!.summary.date)
        .sort();
      expect(entry.firstSeen).toBe(dates[0]);
      expect(entry.lastSeen).toBe(dates[dates.length - 1]);
    }
    expect(ledger.find((e) => e.url === 'https://www.news.cn/world/')).toEqual({
      url: 'https://www.news.cn/world/',
      outlet: 'Xinhua',
      stories: ['china-mediation-ukraine-envoy'],
      firstSeen: '2026-09-15',
      lastSeen: '2026-09-15',
    });
  });

  test('the outlet ledger counts every take per outlet, with its most used region and language', () => {
    const oracle = new Map<string, { takes: number; pairs: string[] }>();
    for (const r of samples)
      for (const { take } of r.parsed.facts.takes) {
        const e = oracle.get(take.outlet) ?? { takes: 0, pairs: [] };
        e.takes++;
        e.pairs.push(`${take.region}|${take.language}`);
        oracle.set(take.outlet, e);
      }
    const ledger = index.outletLedger();
    expect(ledger.map((e) => e.outlet)).toEqual([...oracle.keys()].sort(compareText));
    for (const entry of ledger) expect(entry.takes).toBe(oracle.get(entry.outlet)!.takes);
    expect(ledger.reduce((n, e) => n + e.takes, 0)).toBe(
      samples.reduce((n, r) => n + r.parsed.facts.takes.length, 0),
    );
    expect(ledger.find((e) => e.outlet === 'Reuters')).toMatchObject({
      region: 'Global',
      language: 'en',
    });
  });

  test('facets count each value over the stories, most used first', () => {
    const count = (values: string[]) => {
      const map = new Map<string, number>();
      for (const v of values) if (v) map.set(v, (map.get(v) ?? 0) + 1);
      return [...map]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    };
    const s = samples.map((r) => r.summary);
    expect(index.facets()).toEqual({
      types: count(s.map((x) => x.type)),
      heads: count(s.flatMap((x) => x.heads)),
      lenses: count(s.flatMap((x) => x.lenses)),
      regions: count(s.flatMap((x) => x.regions)),
      languages: count(s.flatMap((x) => x.languages)),
      statuses: count(s.map((x) => x.status)),
    });
  });

  test('an empty query lists the stories newest first; total counts them all', () => {
    const all = newestFirst(samples.map((r) => r.summary)).map((s) => s.slug);
    expect(slugsOf(search(index, ''))).toEqual(all);
    const page = search(index, '', {}, 3);
    expect(slugsOf(page)).toEqual(all.slice(0, 3));
    expect(page.total).toBe(all.length);
    for (const hit of page.hits) {
      expect(hit.score).toBe(0);
      expect(hit.snippet).toEqual([]);
    }
    expect(page.hits[0]).toMatchObject({
      slug: all[0],
      title: expect.any(String),
      status: 'draft',
    });
  });
});

describe('filters', () => {
  const stories = [
    draft({
      slug: 'alpha',
      date: '2026-03-01',
      type: 'brief',
      status: 'ready',
      heads: ['Money and Power'],
      prose: 'Gas prices rose in [Berlin](/ja/entity/germany).',
      takes: [{ lens: 'Gulf', region: 'Qatar', language: 'ar', outlet: 'Al Jazeera' }],
      entities: ['Germany'],
    }),
    draft({
      slug: 'beta',
      date: '2026-03-15',
      type: 'analysis',
      status: 'published',
      heads: ['Who Decides', 'Money and Power'],
      prose: 'Gas storage and prices.',
      takes: [
        { lens: 'Ukrainian', region: 'Ukraine', language: 'uk', outlet: 'Kyiv Independent' },
        { lens: 'Gulf', region: 'Qatar', language: 'en', outlet: 'The National' },
      ],
    }),
    draft({
      slug: 'gamma',
      date: '2026-04-02',
      type: 'brief',
      heads: ['Energy and Climate'],
      prose: 'Gas flows through Poland.',
      takes: [
        {
          lens: 'Central-European analytical',
          region: 'Poland',
          language: 'pl',
          outlet: 'Rzeczpospolita',
        },
      ],
      entities: ['Poland', 'Germany'],
    }),
    draft({ slug: 'undated', date: 'someday', prose: 'Gas, but when?' }),
  ];
  // Ranked, and listed newest first straight from the full-text index (rankLimit 0).
  let index: StoryIndex;
  let byDate: StoryIndex;
  beforeAll(() => {
    index = StoryIndex.openMemory();
    index.upsert(stories);
    byDate = StoryIndex.openMemory({ rankLimit: 0 });
    byDate.upsert(stories);
  });
  afterAll(() => {
    index.close();
    byDate.close();
  });

  const cases: [string, SearchFilters, string[]][] = [
    ['status', { status: 'ready' }, ['alpha']],
    ['status draft (no front matter)', { status: 'draft' }, ['gamma', 'undated']],
    ['type', { type: 'brief' }, ['gamma', 'alpha']],
    ['head', { head: 'Money and Power' }, ['beta', 'alpha']],
    ['lens', { lens: 'Gulf' }, ['beta', 'alpha']],
    ['region', { region: 'Poland' }, ['gamma']],
    ['language', { language: 'ar' }, ['alpha']],
    ['entity (Entities line or prose link)', { entity: 'germany' }, ['gamma', 'alpha']],
    ['dateFrom is inclusive', { dateFrom: '2026-03-15' }, ['gamma', 'beta']],
    [
      'dateTo is inclusive and leaves out undated stories',
      { dateTo: '2026-03-15' },
      ['beta', 'alpha'],
    ],
    ['a date range', { dateFrom: '2026-03-02', dateTo: '2026-04-01' }, ['beta']],
    ['several at once', { type: 'brief', entity: 'germany', region: 'Qatar' }, ['alpha']],
    ['no match', { lens: 'Gulf', region: 'Poland' }, []],
    [
      'an empty value filters nothing',
      { type: '', lens: '' },
      ['gamma', 'beta', 'alpha', 'undated'],
    ],
    ['a value is matched whole, not as a part', { lens: 'Gul' }, []],
    [
      'a date that is no day is compared as text',
      { dateFrom: '2026-03', dateTo: '2026-03-99' },
      ['beta', 'alpha'],
    ],
  ];
  test.each(cases)('%s, with and without text', (_name, filters, expected) => {
    const listed = search(index, '', filters);
    expect(slugsOf(listed)).toEqual(expected);
    expect(listed.total).toBe(expected.length);
    // Every story says "gas": with text, the same stories match (ranked, so compare as sets).
    const found = search(index, 'gas', filters);
    expect(slugsOf(found).sort()).toEqual([...expected].sort());
    expect(found.total).toBe(expected.length);
    const newest = search(byDate, 'gas', filters);
    expect(slugsOf(newest)).toEqual(expected);
    expect(newest.total).toBe(expected.length);
  });

  test("a Meta line's date that is no day lists the story with the undated ones", () => {
    const odd = StoryIndex.openMemory();
    odd.upsert([...stories, draft({ slug: 'leap', date: '2026-02-30', prose: 'Gas on no day.' })]);
    expect(slugsOf(search(odd, ''))).toEqual(['gamma', 'beta', 'alpha', 'leap', 'undated']);
    expect(search(odd, '', { dateFrom: '2000-01-01' }).total).toBe(3);
    expect(odd.summary('leap')!.date).toBe('2026-02-30');
    odd.close();
  });

  test('total counts every match when the page is shorter', () => {
    expect(search(index, 'gas', {}, 2)).toMatchObject({ total: 4, hits: [{}, {}] });
    expect(search(index, '', { type: 'brief' }, 1)).toMatchObject({
      total: 2,
      hits: [{ slug: 'gamma' }],
    });
  });
});

describe('text queries', () => {
  const stories = [
    draft({
      slug: 'title-hit',
      date: '2026-01-01',
      title: 'Zanzibar votes',
      prose: 'Turnout was high.',
    }),
    draft({
      slug: 'prose-hit',
      date: '2026-02-01',
      title: 'Island politics',
      prose: 'The vote in Zanzibar was close, and Zanzibar counted late.',
    }),
    draft({
      slug: 'dek-hit',
      date: '2026-01-15',
      title: 'Elections',
      dek: 'Zanzibar goes to the polls',
    }),
    draft({
      slug: 'obrien',
      prose: "Conor O'Brien said COVID-19 rules and C++ code were unbalanced.",
    }),
    draft({
      slug: 'nihon',
      date: '2026-05-05',
      prose: '首相は東京で記者会見を開いた。\n北京の代表団も\n参加した。',
      takes: [
        { outlet: 'NHK', region: 'Japan', language: 'ja', summary: 'ＮＨＫは会見の内容を伝えた。' },
      ],
    }),
  ];
  let index: StoryIndex;
  beforeAll(() => {
    index = StoryIndex.openMemory();
    index.upsert(stories);
  });
  afterAll(() => index.close());

  test('bm25: the title outranks the dek, which outranks prose, even with the word twice there', () => {
    const result = search(index, 'zanzibar');
    expect(slugsOf(result)).toEqual(['title-hit', 'dek-hit', 'prose-hit']);
    const scores = result.hits.map((h) => h.score);
    expect(scores.every((s) => s < 0)).toBe(true);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  test('snippets are runs, matched words marked, no markers or HTML left', () => {
    const hit = search(index, 'zanzibar').hits.find((h) => h.slug === 'prose-hit')!;
    expect(hit.snippet).toEqual([
      { text: 'The vote in ', match: false },
      { text: 'Zanzibar', match: true },
      { text: ' was close, and ', match: false },
      { text: 'Zanzibar', match: true },
      { text: ' counted late.', match: false },
    ]);
    const prefix = search(index, 'zanz').hits.find((h) => h.slug === 'title-hit')!;
    expect(prefix.snippet).toEqual([
      { text: 'Zanzibar', match: true },
      { text: ' votes', match: false },
    ]);
  });

  test("punctuation inside words: o'brien, covid-19 and c++ find the story that has them", () => {
    for (const text of ["o'brien", "O'Brien", 'covid-19', 'COVID 19', 'c++ code', '"unbalanced'])
      expect(slugsOf(search(index, text)), text).toEqual(['obrien']);
  });

  test('hostile input never throws and returns results or nothing', () => {
    const hostile = [
      "o'brien",
      'covid-19',
      '"unbalanced',
      'c++',
      'AND',
      'OR',
      'NOT',
      'and or not',
      'NEAR(',
      'NEAR(a b, 2)',
      '*',
      '**',
      '"*"',
      '',
      '   ',
      '!!!',
      '"',
      '""',
      "'",
      '-',
      '^start',
      'title:zanzibar',
      '{title dek}: zanzibar',
      'zanzibar)',
      '(zanzibar',
      '\\',
      '%_',
      '\u0000',
      '\ud800',
      '\uE000zanzibar\uE001',
      '🙂 zanzibar',
      'ﬁnance',
      'x'.repeat(1000),
      'a b c d e f g h i j k l m n o p q r s t u v w x y z zanzibar',
      '中',
      '中 "東京',
      'ＮＨＫ',
    ];
    for (const text of hostile) {
      let result: SearchResult | undefined;
      expect(() => (result = search(index, text)), JSON.stringify(text)).not.toThrow();
      expect(result!.total).toBeGreaterThanOrEqual(result!.hits.length);
      for (const hit of result!.hits)
        for (const run of hit.snippet) expect(run.text).not.toMatch(/[\uE000\uE001]/);
    }
    expect(slugsOf(search(index, 'title:zanzibar'))).toEqual([]);
    expect(slugsOf(search(index, '(zanzibar')).sort()).toEqual([
      'dek-hit',
      'prose-hit',
      'title-hit',
    ]);
    expect(slugsOf(search(index, '\uE000zanzibar\uE001')).sort()).toEqual([
      'dek-hit',
      'prose-hit',
      'title-hit',
    ]);
    expect(search(index, '*').total).toBe(stories.length);
    expect(search(index, 'ＮＨＫ').hits.map((h) => h.slug)).toEqual(['nihon']);
  });

  test('CJK in prose: one and two characters, across a hard wrap, and half-width forms', () => {
    for (const term of ['東京', '京', '会見', '北京の代表団も参加', '団も参']) {
      const result = search(index, term);
      expect(slugsOf(result), term).toEqual(['nihon']);
      expect(result.hits[0]!.score).toBe(0);
      expect(
        result.hits[0]!.snippet.some((r) => r.match && r.text === term),
        term,
      ).toBe(true);
    }
    expect(search(index, '大阪').total).toBe(0);
    expect(slugsOf(search(index, 'nhk 会見'))).toEqual(['nihon']);
  });

  test('more matches than the rank limit list newest first, still with snippets', () => {
    const small = StoryIndex.openMemory({ rankLimit: 2 });
    small.upsert(stories);
    const result = search(small, 'zanzibar');
    expect(slugsOf(result)).toEqual(['prose-hit', 'dek-hit', 'title-hit']);
    expect(result.total).toBe(3);
    for (const hit of result.hits) {
      expect(hit.score).toBe(0);
      expect(hit.snippet.some((r) => r.match && r.text === 'Zanzibar')).toBe(true);
    }
    expect(slugsOf(search(small, 'zanzibar', {}, 1))).toEqual(['prose-hit']);
    small.close();
  });
});

describe('keeping the index in step with the files', () => {
  test('upsert replaces a story everywhere; remove forgets it everywhere', () => {
    const index = StoryIndex.openMemory();
    const a = {
      slug: 'a',
      date: '2026-01-01',
      prose: 'Walrus sighting.',
      related: ['b'],
      entities: ['Norway'],
    };
    index.upsert([draft(a), draft({ slug: 'b', date: '2026-01-02', prose: 'Penguin census.' })]);
    expect(slugsOf(search(index, 'walrus'))).toEqual(['a']);
    expect(index.linking('b')).toEqual(['a']);

    index.upsert([
      draft({ ...a, prose: 'Narwhal sighting.', related: [], entities: [] }, 2_000, 'h2'),
    ]);
    expect(search(index, 'walrus').total).toBe(0);
    expect(slugsOf(search(index, 'narwhal'))).toEqual(['a']);
    expect(index.linking('b')).toEqual([]);
    expect(index.mentioning('norway')).toEqual([]);
    expect(index.fingerprints().get('a')).toEqual({
      mtimeMs: 2_000,
      size: expect.any(Number),
      hash: 'h2',
    });
    expect(index.summaries().map((s) => s.slug)).toEqual(['b', 'a']);

    index.remove(['a', 'not-there']);
    expect(search(index, 'narwhal').total).toBe(0);
    expect(index.summary('a')).toBeNull();
    expect([...index.fingerprints().keys()]).toEqual(['b']);
    expect(index.sourceLedger().map((e) => e.url)).toEqual(['https://www.reuters.com/b']);
    expect(index.check()).toEqual([]);
    index.close();
  });

  test('the outlet ledger follows upserts and removes; the most used region wins, ties by name', () => {
    const index = StoryIndex.openMemory();
    const take = (outlet: string, region: string, language: string) => ({
      outlet,
      region,
      language,
      lens: 'Wire',
    });
    index.upsert([
      draft({
        slug: 'a',
        takes: [
          take('Reuters', 'Global', 'en'),
          take('Reuters', 'UK', 'en'),
          take('AP', 'US', 'en'),
        ],
      }),
      draft({ slug: 'b', takes: [take('Reuters', 'UK', 'en'), take('AP', 'Global', 'es')] }),
    ]);
    expect(index.outletLedger()).toEqual([
      { outlet: 'AP', region: 'Global', language: 'en', takes: 2 },
      { outlet: 'Reuters', region: 'UK', language: 'en', takes: 3 },
    ]);
    index.upsert([draft({ slug: 'b', takes: [take('Le Monde', 'France', 'fr')] })]);
    expect(index.outletLedger()).toEqual([
      { outlet: 'AP', region: 'US', language: 'en', takes: 1 },
      { outlet: 'Le Monde', region: 'France', language: 'fr', takes: 1 },
      { outlet: 'Reuters', region: 'Global', language: 'en', takes: 2 },
    ]);
    index.remove(['a']);
    expect(index.outletLedger()).toEqual([
      { outlet: 'Le Monde', region: 'France', language: 'fr', takes: 1 },
    ]);
    index.close();
  });

  test('a story whose date changes moves in date order and leaves nothing behind', () => {
    const index = StoryIndex.openMemory({ rankLimit: 0 });
    index.upsert([
      draft({ slug: 'a', date: '2026-01-01', prose: 'Kelp forest.' }),
      draft({ slug: 'b', date: '2026-01-02', prose: 'Kelp farm.' }),
      draft({ slug: 'c', date: '2026-01-03', prose: 'Kelp soup 海藻.' }),
    ]);
    expect(slugsOf(search(index, 'kelp'))).toEqual(['c', 'b', 'a']);
    // a moves to the newest date, c to a's old day; in one batch and then one at a time.
    index.upsert([
      draft({ slug: 'a', date: '2026-02-01', prose: 'Kelp forest, again.' }),
      draft({ slug: 'c', date: '2026-01-01', prose: 'Kelp soup 海藻, cold.' }),
    ]);
    expect(slugsOf(search(index, 'kelp'))).toEqual(['a', 'b', 'c']);
    expect(slugsOf(search(index, 'again'))).toEqual(['a']);
    expect(slugsOf(search(index, '海藻'))).toEqual(['c']);
    index.upsert([draft({ slug: 'b', date: 'no date', prose: 'Kelp farm.' })]);
    expect(slugsOf(search(index, 'kelp'))).toEqual(['a', 'c', 'b']);
    expect(index.summaries().map((s) => s.slug)).toEqual(['a', 'c', 'b']);
    expect(index.check()).toEqual([]);
    index.close();
  });

  test('any sequence of upserts and removes leaves the index as if built at once', () => {
    const words = ['otter', 'heron', 'stoat', 'vole'];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('upsert' as const),
        stories: fc.array(
          fc.record({
            slug: fc.constantFrom('s1', 's2', 's3', 's4', 's5'),
            date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-03-01', 'none'),
            words: fc.subarray(words),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      fc.record({
        kind: fc.constant('remove' as const),
        slugs: fc.subarray(['s1', 's2', 's3', 's4', 's5']),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), fc.boolean(), (ops, ranked) => {
        const index = StoryIndex.openMemory({ rankLimit: ranked ? 100 : 0 });
        const truth = new Map<string, { date: string; words: string[] }>();
        for (const o of ops) {
          if (o.kind === 'remove') {
            index.remove(o.slugs);
            for (const s of o.slugs) truth.delete(s);
          } else {
            index.upsert(
              o.stories.map((s) =>
                draft({ slug: s.slug, date: s.date, prose: `Seen: ${s.words.join(' ')}.` }),
              ),
            );
            for (const s of o.stories) truth.set(s.slug, s);
          }
        }
        expect(index.check()).toEqual([]);
        expect([...index.fingerprints().keys()].sort()).toEqual([...truth.keys()].sort());
        for (const word of words) {
          const expected = [...truth]
            .filter(([, s]) => s.words.includes(word))
            .map(([slug]) => slug);
          const result = search(index, word);
          expect(slugsOf(result).sort()).toEqual(expected.sort());
          expect(result.total).toBe(expected.length);
          if (!ranked) {
            const dates = result.hits.map((h) => (/^\d{4}-/.test(h.date) ? h.date : ''));
            expect([...dates].sort().reverse()).toEqual(dates);
          }
        }
        index.close();
      }),
      { numRuns: 150 },
    );
  });

  test('idle() merges and checkpoints without changing what is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-index-'));
    try {
      const { index } = StoryIndex.open(join(dir, 'index.sqlite'));
      for (const r of samples) index.upsert([r]);
      const before = search(index, 'ukraine');
      expect(index.idle()).toEqual({ more: expect.any(Boolean) });
      expect(index.idle({ full: true })).toEqual({ more: false });
      expect(search(index, 'ukraine')).toEqual(before);
      expect(index.check()).toEqual([]);
      index.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the index file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'story-index-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const brokenCopies = (folder: string) =>
    readdirSync(folder).filter((f) => f.startsWith('index.sqlite.broken-'));

  test('is created with its folders, in WAL mode, and keeps what it holds across opens', () => {
    const path = join(dir, 'desk', '.desk', 'cache', 'index.sqlite');
    const first = StoryIndex.open(path);
    expect(first.problem).toBeNull();
    first.index.upsert(samples.slice(0, 3));
    first.index.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
    const again = StoryIndex.open(path);
    expect(again.problem).toBeNull();
    expect([...again.index.fingerprints().keys()].sort()).toEqual(sampleSlugs.slice(0, 3));
    expect(slugsOf(search(again.index, 'zelen')).length).toBeGreaterThan(0);
    again.index.close();
  });

  test('garbage in the file: it is set aside, a fresh empty index opens, and the problem is said', () => {
    const folder = join(dir, 'corrupt');
    const path = join(folder, 'index.sqlite');
    StoryIndex.open(path).index.close();
    writeFileSync(path, Buffer.from('this is not a database, just garbage bytes '.repeat(200)));
    const { index, problem } = StoryIndex.open(path);
    expect(problem).toMatch(
      /^The search index could not be read \(.+\); it was set aside as index\.sqlite\.broken-.+ and is rebuilt from the story files\.$/,
    );
    expect(index.summaries()).toEqual([]);
    expect(search(index, '').total).toBe(0);
    index.upsert(samples.slice(0, 2));
    expect(search(index, '').total).toBe(2);
    index.close();
    expect(brokenCopies(folder)).toHaveLength(1);
    const aside = join(folder, brokenCopies(folder)[0]!);
    expect(readFileSync(aside, 'utf8')).toMatch(/^this is not a database/);

    // A second break keeps only the latest broken copy.
    writeFileSync(path, Buffer.alloc(8192, 0xab));
    const second = StoryIndex.open(path);
    expect(second.problem).toMatch(/could not be read/);
    second.index.close();
    expect(brokenCopies(folder)).toHaveLength(1);
    expect(readFileSync(join(folder, brokenCopies(folder)[0]!))[0]).toBe(0xab);
    expect(StoryIndex.open(path).problem).toBeNull();
  });

  test('an index written by a newer StoryDesk is set aside and rebuilt', () => {
    const folder = join(dir, 'newer');
    const path = join(folder, 'index.sqlite');
    const { index } = StoryIndex.open(path);
    index.upsert(samples.slice(0, 2));
    index.close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const reopened = StoryIndex.open(path);
    expect(reopened.problem).toMatch(
      /^The search index was written by a newer StoryDesk \(index version 99, this one reads \d+\); it was set aside as index\.sqlite\.broken-.+ and is rebuilt from the story files\.$/,
    );
    expect(reopened.index.summaries()).toEqual([]);
    reopened.index.close();
    expect(brokenCopies(folder)).toHaveLength(1);
    expect(existsSync(path)).toBe(true);
  });

  test('a database that is not an index is rebuilt too', () => {
    const path = join(dir, 'foreign', 'index.sqlite');
    StoryIndex.open(path).index.close();
    rmSync(path);
    const other = new Database(path);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const opened = StoryIndex.open(path);
    expect(opened.problem).toMatch(
      /^The search index file holds a database StoryDesk did not write; it was set aside as index\.sqlite\.broken-/,
    );
    expect(opened.index.check()).toEqual([]);
    opened.index.close();
  });

  const many = (n: number, word: string) =>
    Array.from({ length: n }, (_, i) =>
      draft({
        slug: `bulk-${i}`,
        date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        prose: `Story ${i} about ${word}${i % 2 ? ' and beavers' : ''}.`,
      }),
    );

  test('a big batch is a bulk load: same result, the file back in WAL mode and marked complete', () => {
    const path = join(dir, 'bulk', 'index.sqlite');
    const { index } = StoryIndex.open(path);
    const records = many(250, 'muskrats');
    index.upsert(records);
    const memory = StoryIndex.openMemory();
    memory.upsert(records);
    for (const text of ['muskrats', 'beavers', ''])
      expect(search(index, text, {}, 500)).toEqual(search(memory, text, {}, 500));
    expect(index.check()).toEqual([]);
    // Small writes after it go through the WAL again, and other connections can read meanwhile.
    index.upsert([draft({ slug: 'bulk-0', date: '2025-01-01', prose: 'Now about otters.' })]);
    expect(slugsOf(search(index, 'otters'))).toEqual(['bulk-0']);
    const reader = new Database(path, { readonly: true, timeout: 50 });
    expect(reader.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(250);
    reader.close();
    index.close();
    memory.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
    expect(StoryIndex.open(path).problem).toBeNull();
  });

  test('a bulk load that fails leaves the index as it was, in WAL mode', () => {
    const path = join(dir, 'bulk-fail', 'index.sqlite');
    const { index } = StoryIndex.open(path);
    index.upsert(samples);
    const broken = many(250, 'lemmings');
    broken[200] = { ...broken[200]!, parsed: null as unknown as IndexRecord['parsed'] };
    expect(() => index.upsert(broken)).toThrow();
    expect(search(index, 'lemmings').total).toBe(0);
    expect([...index.fingerprints().keys()].sort()).toEqual(sampleSlugs);
    expect(index.check()).toEqual([]);
    index.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(StoryIndex.open(path).problem).toBeNull();
  });

  test('a bulk load next to another open connection falls back to the WAL', () => {
    const path = join(dir, 'bulk-shared', 'index.sqlite');
    const { index } = StoryIndex.open(path);
    const other = new Database(path, { readonly: true });
    expect(other.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(0);
    index.upsert(many(220, 'voles'));
    expect(other.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(220);
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    expect(search(index, 'voles').total).toBe(220);
    index.close();
  });

  test('a file left half-built by a crash during a bulk load is set aside', () => {
    const path = join(dir, 'half-built', 'index.sqlite');
    StoryIndex.open(path).index.close();
    const db = new Database(path);
    db.pragma('user_version = -1');
    db.close();
    const { index, problem } = StoryIndex.open(path);
    expect(problem).toMatch(
      /^The search index was left half-built when StoryDesk stopped during indexing; it was set aside as index\.sqlite\.broken-/,
    );
    index.close();
  });

  test('a file another process holds locked is used from memory, not set aside', () => {
    const folder = join(dir, 'locked');
    const path = join(folder, 'index.sqlite');
    const first = StoryIndex.open(path);
    first.index.upsert(samples.slice(0, 1));
    first.index.close();
    const holder = new Database(path);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const { index, problem } = StoryIndex.open(path, { busyTimeoutMs: 50 });
    expect(problem).toMatch(
      /^The search index is busy in another StoryDesk process \(.+\); this session keeps its own in memory\.$/,
    );
    expect(index.summaries()).toEqual([]);
    index.upsert(samples.slice(0, 2));
    expect(index.summaries()).toHaveLength(2);
    index.close();
    holder.exec('COMMIT');
    holder.close();
    expect(brokenCopies(folder)).toEqual([]);
    const reopened = StoryIndex.open(path);
    expect(reopened.problem).toBeNull();
    expect([...reopened.index.fingerprints().keys()]).toEqual([samples[0]!.slug]);
    reopened.index.close();
  });
});
