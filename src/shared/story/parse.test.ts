import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { deriveCounts } from './derive';
import type { QuickFix } from './diagnostics';
import { setFrontMatterKey } from './frontmatter';
import { parseStory } from './parse';
import { serializeStory } from './serialize';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REFERENCE = readFileSync(
  resolve(REPO, '../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md'),
  'utf8',
);

// A small story whose line numbers the tests below refer to.
const STORY = [
  /*  1 */ '# Talks inch forward',
  /*  2 */ '> Swaps yes, a summit no',
  /*  3 */ '',
  /*  4 */ '**Meta:** type: story · date: 2026-06-05 · heads: How Wars Actually End · 3 takes · 2 lenses · 3 regions',
  /*  5 */ '',
  /*  6 */ '## Summary',
  /*  7 */ '',
  /*  8 */ '[Kyiv](/ja/entity/ukraine) and [Moscow](/ja/entity/russia) swapped prisoners.',
  /*  9 */ '',
  /* 10 */ '## By the numbers',
  /* 11 */ '',
  /* 12 */ '- 185-for-185, prisoners exchanged.',
  /* 13 */ '- 1,250, people evacuated.',
  /* 14 */ '',
  /* 15 */ '## What to watch',
  /* 16 */ '',
  /* 17 */ '- Whether a summit is scheduled.',
  /* 18 */ '',
  /* 19 */ '## Regional takes (batched by bias / lens)',
  /* 20 */ '',
  /* 21 */ '### unlabelled',
  /* 22 */ '- **Reuters** (Global, en) — ',
  /* 23 */ '  Source: https://www.reuters.com/world/europe/',
  /* 24 */ '- **Meduza** (Russia (exile), ru) — Swaps without substance.',
  /* 25 */ '  > "No settlement."',
  /* 26 */ '  Source: https://meduza.io/en',
  /* 27 */ '',
  /* 28 */ '### US mainstream',
  /* 29 */ '- **CNN** (United States, en) — ',
  /* 30 */ '  Source: https://www.cnn.com/',
  /* 31 */ '',
  /* 32 */ '## Across the graph',
  /* 33 */ '- Related: [[putin-zelensky-talks-rebuff]]',
  /* 34 */ '- Entities: Ukraine, Russia',
  /* 35 */ '',
  /* 36 */ '---',
  /* 37 */ 'Canonical: https://rbtfl.xyz/ja/n/talks-inch-forward',
].join('\n');

/** The story with line `n` (1-based) replaced by `lines` (none: deleted). */
function edit(text: string, n: number, ...lines: string[]): string {
  const all = text.split('\n');
  all.splice(n - 1, 1, ...lines);
  return all.join('\n');
}

/** The story with `lines` inserted after line `n`. */
function insert(text: string, n: number, ...lines: string[]): string {
  const all = text.split('\n');
  all.splice(n, 0, ...lines);
  return all.join('\n');
}

/** Each diagnostic as `line:column code`, in text order. */
const META = STORY.split('\n')[3]!;

const found = (text: string) =>
  parseStory(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

const only = (text: string, code: string) => {
  const ds = parseStory(text).diagnostics.filter((d) => d.code === code);
  expect(ds).toHaveLength(1);
  return ds[0]!;
};

function applyFix(text: string, fix: QuickFix): string {
  return [...fix.changes]
    .sort((a, b) => b.from - a.from)
    .reduce((t, c) => t.slice(0, c.from) + c.insert + t.slice(c.to), text);
}

const roundTrip = (text: string) => serializeStory(parseStory(text).story);

describe('the reference story', () => {
  test('round-trips byte for byte, without a trailing newline', () => {
    expect(REFERENCE.endsWith('\n')).toBe(false);
    const { story, diagnostics } = parseStory(REFERENCE);
    expect(diagnostics).toEqual([]);
    expect(story.finalNewline).toBe(false);
    expect(serializeStory(story)).toBe(REFERENCE);
  });

  test('round-trips byte for byte with a trailing newline added', () => {
    const text = `${REFERENCE}\n`;
    expect(parseStory(text).diagnostics).toEqual([]);
    expect(roundTrip(text)).toBe(text);
  });

  test('yields the facts the views read', () => {
    const { story, facts } = parseStory(REFERENCE);
    expect(deriveCounts(story)).toEqual({ takes: 13, lenses: 3, regions: 11 });
    expect(story.meta).toMatchObject({
      kind: 'meta',
      counts: { takes: 13, lenses: 3, regions: 11 },
    });
    expect(facts.takes).toHaveLength(13);
    expect(facts.lenses.map((l) => l.lens)).toEqual([
      'unlabelled',
      'Central-European analytical',
      'US mainstream',
    ]);
    expect(new Set(facts.takes.map((t) => t.take.region))).toEqual(
      new Set([
        'United Kingdom',
        'Global',
        'China',
        'Ukraine',
        'Russia',
        'Russia (exile)',
        'Qatar',
        'France',
        'Germany',
        'Poland',
        'United States',
      ]),
    );
    const entityLinks = facts.entityLinks.map((l) => [l.text, l.slug]);
    expect(entityLinks).toContainEqual(['Moscow', 'russia']);
    expect(entityLinks).toContainEqual(['Kyiv', 'ukraine']);
    expect(facts.entityLinks.every((l) => l.locale === 'ja')).toBe(true);
    expect(facts.storyLinks.map((l) => [l.text, l.slug])).toEqual([
      ['front stalled', 'putin-ukraine-deep-strikes-summer'],
    ]);
    expect(facts.related.map((r) => r.slug)).toEqual([
      'putin-zelensky-talks-rebuff',
      'putin-ukraine-deep-strikes-summer',
      'g7-evian-macron-ukraine-pivot',
      'ukraine-russia-energy-strike-war',
    ]);
    expect(facts.entities.map((e) => e.name)).toEqual([
      'Ukraine Russia War',
      'Ukraine',
      'Russia',
      'Vladimir Putin',
      'Volodymyr Zelensky',
      'United States',
    ]);
    expect(facts.numbers.map((n) => n.figure)).toEqual([
      '185-for-185',
      '314',
      'Feb 2026',
      'June 22',
      'June 2026',
      '5th',
    ]);
    expect(facts.quotes.map((q) => facts.takes[q.take]!.take.outlet)).toEqual([
      'New Eastern Europe',
      'CNN',
    ]);
    expect(facts.quotes.map((q) => REFERENCE.slice(q.span.from, q.span.to))).toEqual(
      facts.quotes.map((q) => q.text),
    );
    expect(facts).toMatchObject({
      slug: 'ukraine-russia-geneva-territory-talks',
      locale: 'ja',
      baseUrl: 'https://rbtfl.xyz',
    });
  });

  test('keeps empty take summaries with the dash and its trailing space', () => {
    const { facts } = parseStory(REFERENCE);
    const reuters = facts.takes.find((t) => t.take.outlet === 'Reuters')!;
    expect(reuters.take).toMatchObject({
      region: 'Global',
      language: 'en',
      summary: '',
      quote: null,
    });
    expect(REFERENCE.slice(reuters.headSpan.from, reuters.headSpan.to)).toBe(
      '- **Reuters** (Global, en) — ',
    );
    const wiki = facts.takes[1]!.take;
    expect(wiki.outlet).toBe('Wikipedia (2026 US-Ukraine-Russia meetings in Geneva)');
    expect(facts.takes.find((t) => t.take.outlet === 'Meduza')!.take.region).toBe('Russia (exile)');
  });
});

describe('the small story', () => {
  test('is clean and round-trips', () => {
    expect(found(STORY)).toEqual([]);
    expect(roundTrip(STORY)).toBe(STORY);
  });
});

describe('diagnostics, at the lines they concern', () => {
  test('wrong counts: meta-count-mismatch naming both numbers, with a Recount fix', () => {
    const text = edit(
      STORY,
      4,
      META.replace('3 takes · 2 lenses · 3 regions', '4 takes · 2 lenses · 1 region'),
    );
    expect(found(text)).toEqual([`4:${META.indexOf('3 takes') + 1} meta-count-mismatch`]);
    const d = only(text, 'meta-count-mismatch');
    expect(d.severity).toBe('error');
    expect(d.message).toContain('4 takes but has 3');
    expect(d.message).toContain('1 region but has 3');
    const fix = d.fixes?.find((f) => /recount/i.test(f.label));
    expect(fix).toBeDefined();
    const fixed = applyFix(text, fix!);
    expect(parseStory(fixed).diagnostics.map((x) => x.code)).not.toContain('meta-count-mismatch');
    expect(fixed).toBe(STORY);
  });

  test('counts of one are written in the singular', () => {
    const text = [
      '# One',
      '> Dek',
      '',
      '**Meta:** type: brief · date: 2026-06-05 · heads: Who Decides · 1 take · 1 lens · 1 region',
      '',
      '## Regional takes (batched by bias / lens)',
      '',
      '### unlabelled',
      '- **Reuters** (Global, en) — ',
      '  Source: https://www.reuters.com/',
      '',
      '---',
      'Canonical: https://rbtfl.xyz/en/n/one',
    ].join('\n');
    expect(found(text)).toEqual([]);
    expect(roundTrip(text)).toBe(text);
  });

  test('a take without a source: take-missing-source on the take line', () => {
    expect(found(edit(STORY, 30))).toEqual(['29:1 take-missing-source']);
    // After a quote, too.
    expect(found(edit(STORY, 26))).toEqual(['24:1 take-missing-source']);
    expect(only(edit(STORY, 30), 'take-missing-source').message).toContain('CNN');
  });

  test('a source that is not a web address: take-bad-url on the Source line', () => {
    expect(found(edit(STORY, 23, '  Source: www.reuters.com/world'))).toEqual([
      '23:11 take-bad-url',
    ]);
    expect(found(edit(STORY, 23, '  Source: ftp://reuters.com/'))).toEqual(['23:11 take-bad-url']);
  });

  test('a malformed take: take-malformed, kept as written', () => {
    const text = edit(STORY, 29, '- **CNN** United States, en — no parentheses');
    // The orphaned Source line is malformed too, and the counts no longer match.
    expect(found(text)).toEqual([
      `4:${META.indexOf('3 takes') + 1} meta-count-mismatch`,
      '29:1 take-malformed',
      '30:1 take-malformed',
    ]);
    expect(roundTrip(text)).toBe(text);
  });

  test('a thousands separator written with a space: number-figure-has-comma', () => {
    const text = edit(STORY, 13, '- 1, 250 people evacuated.');
    expect(found(text)).toEqual(['13:3 number-figure-has-comma']);
    expect(only(text, 'number-figure-has-comma').message).toContain('1,250');
    // Not when the note merely starts with a number.
    expect(found(edit(STORY, 13, '- 12, 2026 summit venues proposed.'))).toEqual([]);
    expect(found(edit(STORY, 13, '- 5, 1000 more on the list.'))).toEqual([]);
  });

  test('a number without its separator: number-malformed', () => {
    expect(found(edit(STORY, 13, '- 1250 people evacuated.'))).toEqual(['13:1 number-malformed']);
    expect(found(edit(STORY, 13, '1,250, people evacuated.'))).toEqual(['13:1 number-malformed']);
    expect(roundTrip(edit(STORY, 13, '- 1250 people evacuated.'))).toBe(
      edit(STORY, 13, '- 1250 people evacuated.'),
    );
  });

  test('missing title, dek, Meta line, Canonical line', () => {
    expect(found(edit(STORY, 1))).toEqual(['1:1 missing-title']);
    expect(found(edit(STORY, 1, '# '))).toEqual(['1:3 missing-title']);
    expect(found(edit(STORY, 2))).toEqual(['1:3 missing-dek']);
    expect(found(edit(STORY, 4))).toEqual(['2:3 missing-meta']);
    const noFooter = STORY.split('\n').slice(0, 34).join('\n');
    expect(found(noFooter)).toEqual([
      `34:${'- Entities: Ukraine, Russia'.length + 1} missing-canonical`,
    ]);
  });

  test('a date that is not on the calendar: bad-date', () => {
    const at = `4:${META.indexOf('2026-06-05') + 1} bad-date`;
    expect(found(edit(STORY, 4, META.replace('2026-06-05', '2026-02-30')))).toEqual([at]);
    expect(found(edit(STORY, 4, META.replace('2026-06-05', '2100-02-29')))).toEqual([at]);
    expect(found(edit(STORY, 4, META.replace('2026-06-05', '5 June 2026')))).toEqual([at]);
    expect(found(edit(STORY, 4, META.replace('2026-06-05', '2024-02-29')))).toEqual([]);
  });

  test('an unknown section: unknown-section, kept verbatim', () => {
    const text = insert(
      STORY,
      18,
      '## Background',
      '',
      'Kept **as** written,  ',
      'on two lines.',
      '',
    );
    expect(found(text)).toEqual(['19:4 unknown-section']);
    expect(only(text, 'unknown-section').severity).toBe('warning');
    expect(parseStory(text).story.sections).toContainEqual({
      kind: 'unknown',
      heading: 'Background',
      text: 'Kept **as** written,  \non two lines.',
    });
    expect(roundTrip(text)).toBe(text);
    // A near miss offers the right heading.
    const near = edit(STORY, 15, '## what to watch');
    expect(found(near)).toEqual(['15:4 unknown-section']);
    expect(applyFix(near, only(near, 'unknown-section').fixes![0]!)).toBe(STORY);
  });

  test('a section given twice: duplicate-section on the second', () => {
    const text = insert(STORY, 18, '## What to watch', '', '- Whether Europe is in the room.', '');
    expect(found(text)).toEqual(['19:4 duplicate-section']);
    expect(roundTrip(text)).toBe(text);
  });

  test('a heading with nothing under it: empty-section', () => {
    const text = edit(edit(STORY, 17), 16);
    expect(found(text)).toEqual(['15:4 empty-section']);
    expect(roundTrip(text)).toBe(text);
  });

  test('sections out of order: section-out-of-order on the late one', () => {
    const lines = STORY.split('\n');
    const text = [
      ...lines.slice(0, 5),
      ...lines.slice(9, 14),
      ...lines.slice(5, 9),
      ...lines.slice(14),
    ].join('\n');
    expect(text.split('\n')[10]).toBe('## Summary');
    expect(found(text)).toEqual(['11:4 section-out-of-order']);
    expect(roundTrip(text)).toBe(text);
    const fix = only(text, 'section-out-of-order').fixes![0]!;
    expect(fix.label).toMatch(/^Move “Summary” before “/);
    expect(applyFix(text, fix)).toBe(STORY);
  });

  test('a section out of order just before the footer moves with a blank line after it', () => {
    const sections = STORY.split(/\n(?=## )/);
    const footerAt = sections.at(-1)!.indexOf('\n---\n');
    expect(footerAt).toBeGreaterThan(0);
    // The first section, moved to the end (before the footer), without its trailing blank line.
    const [head, first, ...rest] = sections;
    const lastBody = rest.at(-1)!;
    const moved = [
      head,
      ...rest.slice(0, -1),
      lastBody.slice(0, footerAt) + '\n' + first!.trimEnd() + lastBody.slice(footerAt),
    ].join('\n');
    const fix = only(moved, 'section-out-of-order').fixes![0]!;
    const fixed = applyFix(moved, fix);
    expect(found(fixed)).toEqual(found(STORY));
    expect(fixed.split(/\n(?=## )/)[1]!.trimEnd()).toBe(first!.trimEnd());
  });

  test('a Canonical slug that is not a slug: canonical-slug-invalid', () => {
    const text = edit(STORY, 37, 'Canonical: https://rbtfl.xyz/ja/n/Talks_Inch');
    expect(found(text)).toEqual([
      `37:${'Canonical: https://rbtfl.xyz/ja/n/'.length + 1} canonical-slug-invalid`,
    ]);
    expect(found(edit(STORY, 37, 'Canonical: rbtfl.xyz/talks'))).toEqual([
      '37:12 canonical-malformed',
    ]);
  });

  test('a Related slug that is not a slug: related-slug-invalid', () => {
    const line = '- Related: [[putin-zelensky-talks-rebuff]], [[Bad Slug]]';
    expect(found(edit(STORY, 33, line))).toEqual([
      `33:${line.indexOf('Bad Slug') + 1} related-slug-invalid`,
    ]);
    expect(found(edit(STORY, 33, '- Related: putin-zelensky-talks-rebuff'))).toEqual([
      '33:1 related-malformed',
    ]);
  });

  test('a link to another edition: link-locale-mismatch, with a fix', () => {
    const text = edit(
      STORY,
      8,
      STORY.split('\n')[7]!.replace('/ja/entity/russia', '/en/entity/russia'),
    );
    const column = text.split('\n')[7]!.indexOf('/en/') + 2;
    expect(found(text)).toEqual([`8:${column} link-locale-mismatch`]);
    const d = only(text, 'link-locale-mismatch');
    expect(d.severity).toBe('warning');
    expect(applyFix(text, d.fixes![0]!)).toBe(STORY);
  });

  test('Windows line endings: crlf-line-endings, written back with plain newlines', () => {
    const text = STORY.replace(/\n/g, '\r\n');
    expect(found(text)).toEqual(['1:1 crlf-line-endings']);
    expect(roundTrip(text)).toBe(STORY);
  });
});

describe('text the parser cannot place is kept', () => {
  test('in the header, before the first lens, in the graph and after the footer', () => {
    let text = insert(STORY, 2, 'A stray line under the dek');
    text = insert(text, 21, 'An intro line before any lens');
    text = insert(text, 35, 'See also: the Geneva file');
    text = `${text}\nA line after the Canonical line`;
    expect(found(text)).toEqual([
      '3:1 unplaced-line',
      '22:1 take-outside-lens',
      '36:1 graph-malformed',
    ]);
    const out = roundTrip(text);
    for (const line of text.split('\n')) expect(out).toContain(line);
    // The stray header line is written after the Meta line; what is written once reads back the same.
    expect(out.indexOf('A stray line')).toBeGreaterThan(out.indexOf('**Meta:**'));
    expect(roundTrip(out)).toBe(out);
  });

  test('a document with no layout at all', () => {
    const text = 'Just a note.\n\nAnother paragraph, with [a link](https://example.com).\n';
    const { story, diagnostics } = parseStory(text);
    expect(diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        'unplaced-line',
        'missing-title',
        'missing-dek',
        'missing-meta',
        'missing-canonical',
      ]),
    );
    const out = serializeStory(story);
    expect(out).toContain('Just a note.');
    expect(out).toContain('Another paragraph, with [a link](https://example.com).');
  });
});

describe('front matter', () => {
  const YAML = [
    '# desk-only: not published',
    'status: draft',
    "assignee: 'Ирина Петрова'",
    'due: "2026-06-06"   # before the Geneva round',
    'factChecks:',
    '  - claim: "185-for-185 swap"',
    '    sources: [https://tass.com/politics, https://kyivindependent.com/]',
    '    verdict: confirmed # two outlets agree',
    'notes: |',
    '  Call the Geneva desk.',
    '    Keep this indent.',
    '',
  ].join('\n');
  const withFrontMatter = (yaml: string) => `---\n${yaml}---\n${STORY}`;

  test('valid YAML is read into facts and written back byte for byte', () => {
    const text = withFrontMatter(YAML);
    const { story, facts, diagnostics } = parseStory(text);
    expect(diagnostics).toEqual([]);
    expect(story.frontMatter).toBe(YAML);
    expect(facts.frontMatter?.data).toEqual({
      status: 'draft',
      assignee: 'Ирина Петрова',
      due: '2026-06-06',
      factChecks: [
        {
          claim: '185-for-185 swap',
          sources: ['https://tass.com/politics', 'https://kyivindependent.com/'],
          verdict: 'confirmed',
        },
      ],
      notes: 'Call the Geneva desk.\n  Keep this indent.\n',
    });
    expect(serializeStory(story)).toBe(text);
  });

  test('lines after the front matter are reported at their place in the file', () => {
    const offset = YAML.split('\n').length + 1; // the YAML lines (with the empty last) and the two fences
    expect(found(withFrontMatter(YAML).replace('  Source: https://www.cnn.com/\n', ''))).toEqual([
      `${29 + offset}:1 take-missing-source`,
    ]);
  });

  test('invalid YAML: front-matter-invalid at the offending line, the block kept as text', () => {
    // Line 1 is the opening fence, so YAML line n is file line n + 1.
    const duplicate = 'status: draft\nassignee: ana\nstatus: review\n';
    expect(found(withFrontMatter(duplicate))).toEqual(['4:1 front-matter-invalid']);
    const unclosed = 'status: draft\nassignee: ana\nnotes: [one, two\nowner: x\n';
    const d = only(withFrontMatter(unclosed), 'front-matter-invalid');
    expect(d.line).toBeGreaterThanOrEqual(4);
    for (const yaml of [duplicate, unclosed]) {
      const text = withFrontMatter(yaml);
      const { story, facts } = parseStory(text);
      expect(story.frontMatter).toBe(yaml);
      expect(facts.frontMatter?.data).toBeNull();
      expect(serializeStory(story)).toBe(text);
    }
  });

  test('an alias to an undefined anchor is invalid front matter, not a crash', () => {
    const text = withFrontMatter('status: *draft\n');
    expect(found(text)).toEqual(['2:1 front-matter-invalid']);
    expect(roundTrip(text)).toBe(text);
  });

  test('setting one key leaves every other byte as it was', () => {
    expect(setFrontMatterKey(YAML, 'status', 'review')).toBe(
      YAML.replace('status: draft', 'status: review'),
    );
    // The touched key may be re-quoted; nothing else may change.
    const other = (yaml: string) => yaml.split('\n').filter((l) => !l.startsWith('assignee:'));
    const renamed = setFrontMatterKey(YAML, 'assignee', 'Олег');
    expect(other(renamed)).toEqual(other(YAML));
    expect(parseStory(withFrontMatter(renamed)).facts.frontMatter?.data?.assignee).toBe('Олег');
    const added = setFrontMatterKey(YAML, 'owner', 'ana');
    expect(added.startsWith(YAML)).toBe(true);
    const { story } = parseStory(withFrontMatter(YAML));
    const saved = serializeStory({
      ...story,
      frontMatter: setFrontMatterKey(story.frontMatter!, 'status', 'review'),
    });
    expect(saved).toBe(withFrontMatter(YAML).replace('status: draft', 'status: review'));
  });
});

describe('lines that are almost right are kept as typed, with the fix one click away', () => {
  test('a thousands-separator fix leaves a clean number line', () => {
    const text = edit(STORY, 13, '- 1, 250 people evacuated.');
    const fixed = applyFix(text, only(text, 'number-figure-has-comma').fixes![0]!);
    expect(fixed.split('\n')[12]).toBe('- 1,250, people evacuated.');
    expect(found(fixed)).toEqual([]);
  });

  test('a Meta line in a loose form: kept, warned, and rewritten by its fix', () => {
    const loose = META.replace('3 takes · 2 lenses', '3 takes ·  2 lenses').replace(
      '**Meta:** ',
      '**Meta:**',
    );
    const text = edit(STORY, 4, loose);
    expect(found(text)).toEqual(['4:1 meta-malformed']);
    expect(only(text, 'meta-malformed').severity).toBe('warning');
    expect(roundTrip(text)).toBe(text);
    expect(applyFix(text, only(text, 'meta-malformed').fixes![0]!)).toBe(STORY);
  });

  test('singular counts written as plurals are a loose form too', () => {
    const one = [
      '# One',
      '> Dek',
      '',
      '**Meta:** type: brief · date: 2026-06-05 · heads: Who Decides · 1 takes · 1 lenses · 1 regions',
      '',
      '## Regional takes (batched by bias / lens)',
      '',
      '### unlabelled',
      '- **Reuters** (Global, en) — ',
      '  Source: https://www.reuters.com/',
      '',
      '---',
      'Canonical: https://rbtfl.xyz/ja/n/one',
    ].join('\n');
    expect(found(one)).toEqual(['4:1 meta-malformed']);
    expect(roundTrip(one)).toBe(one);
    const fixed = applyFix(one, only(one, 'meta-malformed').fixes![0]!);
    expect(fixed).toContain('1 take · 1 lens · 1 region');
    expect(found(fixed)).toEqual([]);
  });

  test('a source line without its space: kept, and the take still needs its source', () => {
    const text = edit(STORY, 30, '  Source:https://www.cnn.com/');
    expect(found(text)).toEqual(['29:1 take-missing-source', '30:1 take-malformed']);
    expect(roundTrip(text)).toBe(text);
    expect(found(applyFix(text, only(text, 'take-malformed').fixes![0]!))).toEqual([]);
  });

  test('a quote without its quotation marks: kept, and its fix adds them', () => {
    const text = edit(STORY, 25, '  > No settlement.');
    expect(found(text)).toEqual(['25:1 take-malformed']);
    expect(parseStory(text).facts.quotes).toEqual([]);
    expect(found(applyFix(text, only(text, 'take-malformed').fixes![0]!))).toEqual([]);
  });
});
