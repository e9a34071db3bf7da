// Test support, imported only by tests: the one file here allowed a dev dependency.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { deriveCounts } from './derive';
import type { LensGroup, Meta, Section, Story, Take } from './model';
import { serializeStory } from './serialize';

// Stories that are valid per FORMAT.md, for property tests. Every free-text
// field draws from a pool where non-ASCII graphemes (CJK, kana, hangul,
// Cyrillic, Arabic, emoji with ZWJ and skin tones, combining marks, NBSP) are
// about half of all characters, so a parser that slices by code unit, trims
// the wrong whitespace or splits on a lookalike separator fails quickly.

const SCRIPTS: readonly (readonly string[])[] = [
  [...'漢字新聞記者東京北京中国語'],
  [...'かなカナひらがなのですー'],
  [...'한글뉴스서울기자'],
  [...'РоссияУкраинаЖжЁё'],
  [...'العربيةقطرلا'],
  ['😀', '🇺🇦', '👍🏽', '👨‍👩‍👧', '🧑🏿‍💻', '❤️', '🏳️‍🌈', '✊🏿'],
  ['e\u0301', 'a\u0308', 'n\u0303', 'ก\u0e35', '\u00a0', '\u200b'],
];
const ASCII = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const PUNCT = [...'.,;:!?-\'"()/&%€$#*_<>|~+=@'];

const grapheme = fc.oneof(
  { arbitrary: fc.constantFrom(...ASCII), weight: 8 },
  { arbitrary: fc.constant(' '), weight: 3 },
  { arbitrary: fc.constantFrom(...PUNCT), weight: 2 },
  ...SCRIPTS.map((pool) => ({ arbitrary: fc.constantFrom(...pool), weight: 2 })),
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 2 },
);

interface TextOptions {
  /** Characters that may not occur anywhere in the string. */
  forbid?: string;
  minLength?: number;
  maxLength?: number;
  /** Substrings spliced in now and then: the separators a parser might trip on. */
  spice?: readonly string[];
}

/** A single line of text (never a `\n` or `\r`). */
export function line({ forbid = '', minLength = 0, maxLength = 14, spice = [] }: TextOptions = {}) {
  const banned = `\n\r${forbid}`;
  const unit = fc.oneof(
    { arbitrary: grapheme, weight: 12 },
    ...(spice.length ? [{ arbitrary: fc.constantFrom(...spice), weight: 1 }] : []),
  );
  return fc
    .array(
      unit.filter((g) => ![...banned].some((c) => g.includes(c))),
      { minLength, maxLength },
    )
    .map((parts) => parts.join(''));
}

const isTrimmed = (s: string) => s !== '' && s === s.trim();
/** Non-empty, with no whitespace (as String#trim sees it) at either end. */
const trimmedLine = (o: TextOptions = {}) => line({ minLength: 1, ...o }).filter(isTrimmed);
const nonBlankLine = (o: TextOptions = {}) =>
  line({ minLength: 1, ...o }).filter((s) => s.trim() !== '');
const withExamples = <T>(examples: readonly T[], arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constantFrom(...examples), weight: 1 }, { arbitrary: arb, weight: 2 });
/** One item often (the "count of one" cases), else up to `max`. */
const some = <T>(arb: fc.Arbitrary<T>, max: number) =>
  fc.oneof(
    fc.tuple(arb).map(([x]) => [x]),
    fc.array(arb, { minLength: 1, maxLength: max }),
  );

export const slug = () =>
  fc
    .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join('-'));

export function date() {
  return fc.oneof(
    fc.constantFrom(
      '2024-02-29',
      '2000-02-29',
      '1996-02-29',
      '2026-06-05',
      '2025-12-31',
      '2026-01-01',
    ),
    fc
      .date({
        min: new Date('1000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  );
}

// Prose is built from tokens and rendered once the story's locale is known,
// so links use it and shrinking still works on the tokens.
type Token =
  | { word: string }
  | { bold: string }
  | { em: string }
  | { link: 'entity' | 'n'; text: string; slug: string };
interface ProseLine {
  tokens: Token[];
  trailing: string;
}
type Prose = ProseLine[][];

// `[` would open a link the generator did not mean; `*` and `` ` `` would
// change emphasis or code spans around the generated ones.
const word = trimmedLine({ forbid: ' []`*\\', maxLength: 8 });
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const token: fc.Arbitrary<Token> = fc.oneof(
  { arbitrary: word.map((w) => ({ word: w })), weight: 8 },
  { arbitrary: words.map((bold) => ({ bold })), weight: 1 },
  { arbitrary: words.map((em) => ({ em })), weight: 1 },
  {
    arbitrary: fc.record({
      link: fc.constantFrom('entity' as const, 'n' as const),
      text: words,
      slug: slug(),
    }),
    weight: 1,
  },
);

function renderToken(t: Token, locale: string): string {
  if ('word' in t) return t.word;
  if ('bold' in t) return `**${t.bold}**`;
  if ('em' in t) return `*${t.em}*`;
  return `[${t.text}](/${locale}/${t.link}/${t.slug})`;
}

const renderLine = (l: ProseLine, locale: string) =>
  l.tokens.map((t) => renderToken(t, locale)).join(' ') + l.trailing;

// A line a section body can hold without being read as a heading, a footer or blank.
const proseSafe = (s: string) =>
  s.trim() !== '' &&
  !s.startsWith('## ') &&
  s !== '##' &&
  s !== '---' &&
  !s.startsWith('Canonical: ');

const proseLine: fc.Arbitrary<ProseLine> = fc
  .record({
    tokens: fc.array(token, { minLength: 1, maxLength: 8 }),
    trailing: fc.constantFrom('', '', '', ' ', '  '),
  })
  .filter((l) => proseSafe(renderLine(l, 'xx')));
const prose: fc.Arbitrary<Prose> = fc.array(fc.array(proseLine, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 3,
});

const renderProse = (p: Prose, locale: string) =>
  p.map((para) => para.map((l) => renderLine(l, locale)).join('\n')).join('\n\n');

const figure = withExamples(
  ['1,250', '185-for-185', '€3.5bn', '٣٠٠', '5th', 'June 22', '三百', '42%', '$1.2tn', '1,000,000'],
  trimmedLine({ spice: [','] }),
).filter((f) => !f.includes(', '));
const numberLine = fc
  .record({ figure, note: line({ spice: [', ', '250', ' — '] }) })
  // A 1-3 digit figure before a note opening with 3 digits reads as a mistyped thousands separator.
  .filter(({ figure: f, note }) => !(/^\d{1,3}$/.test(f) && /^\d{3}(?![\d,])/.test(note)));

const outlet = withExamples(
  [
    'Reuters',
    'Wikipedia (2026 talks)',
    'Baidu Baike (2026 Russia-Ukraine Peace Talks)',
    '日本経済新聞',
    'Новая газета',
    'الجزيرة',
  ],
  nonBlankLine({ forbid: '*', spice: [' (', ')', ' — '] }),
);
const region = withExamples(
  ['Global', 'Russia (exile)', 'Washington, D.C.', 'Україна', '中国', 'قطر', '한국'],
  nonBlankLine({ spice: [', ', ' (', ')', ' — ', '**'] }),
).filter((r) => !r.includes(') —'));
const language = withExamples(
  ['en', 'zh-Hant', 'pt-BR', 'ru', 'ar', 'ja', '日本語', 'русский', 'العربية'],
  nonBlankLine({ forbid: ')—', maxLength: 6 }),
).filter((l) => !l.includes(', '));
const summary = fc.oneof(
  fc.constant(''),
  line({ minLength: 1, maxLength: 30, spice: [' — ', ') — ', '** (', ', ', '"'] }),
);
const quote = fc.option(line({ maxLength: 20, spice: ['"', ' — '] }), { nil: null, freq: 2 });

const urlChar = fc.oneof(
  { arbitrary: fc.constantFrom(...ASCII, ..."-._~%!$&'()*+,;=:@/"), weight: 6 },
  // Raw non-space unicode, or the same percent-encoded as a browser would copy it.
  { arbitrary: grapheme.filter((g) => !/\s/.test(g)), weight: 1 },
  {
    arbitrary: grapheme.filter((g) => g.trim() !== '').map((g) => encodeURIComponent(g)),
    weight: 1,
  },
);
const url = fc
  .record({
    scheme: fc.constantFrom('https', 'http', 'HTTPS'),
    host: withExamples(
      [
        'example.com',
        'en.wikipedia.org',
        'baike.baidu.com',
        'xn--80ak6aa92e.com',
        'ニュース.jp',
        'localhost:8080',
      ],
      fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z]{2,5}){1,2}$/),
    ),
    path: fc.array(
      fc.array(urlChar, { maxLength: 8 }).map((c) => c.join('')),
      { maxLength: 3 },
    ),
    query: fc.option(
      fc.array(urlChar, { maxLength: 6 }).map((c) => `?${c.join('')}`),
      { nil: '' },
    ),
    hash: fc.option(
      fc.array(urlChar, { maxLength: 4 }).map((c) => `#${c.join('')}`),
      { nil: '' },
    ),
  })
  .map(
    ({ scheme, host, path, query, hash }) =>
      `${scheme}://${host}${path.map((p) => `/${p}`).join('')}${query}${hash}`,
  );

interface TakeDraft {
  outlet: string;
  regionIndex: number;
  language: string;
  summary: string;
  quote: string | null;
  source: string;
}
const takeDraft: fc.Arbitrary<TakeDraft> = fc.record({
  outlet,
  regionIndex: fc.nat(),
  language,
  summary,
  quote,
  source: url,
});
const lens = withExamples(
  [
    'unlabelled',
    'US mainstream',
    'Центральная Европа',
    'Central-European analytical',
    '中文官方媒体',
    'إعلام عربي',
  ],
  nonBlankLine().filter((s) => !s.startsWith(' ')),
);

const entityName = withExamples(
  [
    'Ukraine Russia War',
    'Vladimir Putin',
    '習近平',
    'Владимир Зеленский',
    'محمد بن سلمان',
    'Zoë Ångström',
  ],
  trimmedLine(),
).filter((n) => !n.includes(', '));

const frontMatterValue: fc.Arbitrary<unknown> = fc.oneof(
  line(),
  fc.integer(),
  fc.boolean(),
  fc.array(line(), { maxLength: 3 }),
  fc.record({
    claim: line(),
    sources: fc.array(url, { maxLength: 2 }),
    verdict: fc.constantFrom('true', 'false', 'mixed'),
  }),
);
const yamlComment = fc.option(
  line().map((c) => `# ${c}\n`),
  { nil: '' },
);
const frontMatter = fc
  .record({
    before: yamlComment,
    data: fc.dictionary(
      withExamples(
        ['status', 'assignee', 'notes', 'factChecks', 'due'],
        line({ minLength: 1, maxLength: 8 }),
      ),
      frontMatterValue,
      { maxKeys: 4 },
    ),
    after: yamlComment,
  })
  .map(({ before, data, after }) => before + stringify(data) + after)
  // A `---` line would close the block early.
  .filter((yaml) => !yaml.split('\n').includes('---'));

export interface StoryOptions {
  /** Whether a story may open with a front matter block (default true). */
  frontMatter?: boolean;
}

export function validStory({
  frontMatter: withFrontMatter = true,
}: StoryOptions = {}): fc.Arbitrary<Story> {
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  return fc
    .record({
      frontMatter: withFrontMatter
        ? fc.option(frontMatter, { nil: null, freq: 3 })
        : fc.constant(null),
      title: nonBlankLine({ maxLength: 24 }),
      dek: nonBlankLine({ maxLength: 30 }),
      type: withExamples(['story', 'brief', 'explainer'], trimmedLine({ forbid: '·' })),
      date: date(),
      heads: some(
        withExamples(['How Wars Actually End', 'Who Decides'], trimmedLine({ forbid: '·' })).filter(
          (h) => !h.includes(', '),
        ),
        3,
      ),
      summary: optional(prose),
      split: optional(prose),
      numbers: optional(some(numberLine, 4)),
      matters: optional(prose),
      watch: optional(some(nonBlankLine({ forbid: '[', spice: [', ', ' — '] }), 3)),
      regions: some(region, 3),
      groups: some(fc.record({ lens, takes: some(takeDraft, 4) }), 4),
      related: optional(fc.array(slug(), { minLength: 1, maxLength: 4 })),
      entities: optional(fc.array(entityName, { minLength: 1, maxLength: 5 })),
      base: fc.constantFrom(
        'https://rbtfl.xyz',
        'http://example.org',
        'https://desk.example.co.jp:8443',
      ),
      locale: fc.constantFrom('ja', 'en', 'pt-br', 'zh-hant', 'ru', 'ar'),
      slug: slug(),
      finalNewline: fc.boolean(),
    })
    .map((d) => {
      const sections: Section[] = [];
      const proseSection = (id: 'summary' | 'split' | 'matters', p: Prose | null) => {
        if (p) sections.push({ kind: 'prose', id, text: renderProse(p, d.locale) });
      };
      proseSection('summary', d.summary);
      proseSection('split', d.split);
      if (d.numbers)
        sections.push({ kind: 'numbers', items: d.numbers.map((n) => ({ kind: 'number', ...n })) });
      proseSection('matters', d.matters);
      if (d.watch)
        sections.push({ kind: 'watch', items: d.watch.map((text) => ({ kind: 'item', text })) });
      const groups: LensGroup[] = d.groups.map((g) => ({
        lens: g.lens,
        items: g.takes.map(({ regionIndex, ...t }): Take => ({
          kind: 'take',
          ...t,
          region: d.regions[regionIndex % d.regions.length]!,
        })),
      }));
      sections.push({ kind: 'takes', intro: [], groups });
      if (d.related || d.entities)
        sections.push({ kind: 'graph', related: d.related, entities: d.entities, extra: [] });
      const meta: Meta = {
        kind: 'meta',
        type: d.type,
        date: d.date,
        heads: d.heads,
        counts: { takes: 0, lenses: 0, regions: 0 },
      };
      const story: Story = {
        frontMatter: d.frontMatter,
        title: d.title,
        dek: d.dek,
        meta,
        preamble: [],
        sections,
        canonical: `${d.base}/${d.locale}/n/${d.slug}`,
        trailer: [],
        finalNewline: d.finalNewline,
      };
      meta.counts = deriveCounts(story);
      return story;
    });
}

export const storyText = (options?: StoryOptions) => validStory(options).map(serializeStory);
