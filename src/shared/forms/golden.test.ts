import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { applyChanges, parseStory, serializeStory, type ParseResult } from '../story';
import {
  addLens,
  addNumber,
  addTake,
  linkMention,
  listEntity,
  mentions,
  moveLens,
  moveNumber,
  moveTake,
  removeLens,
  removeNumber,
  removeTake,
  renameLens,
  setDek,
  setEntities,
  setFrontMatterField,
  setMetaDate,
  setMetaHeads,
  setMetaType,
  setRelated,
  setTitle,
  updateNumber,
  updateTakeField,
  type FormEdit,
} from '.';

// Every form operation on the reference story: the exact text it produces
// (a golden file per operation), no diagnostic, a byte-exact round trip, and
// its inverse giving back the original bytes. `UPDATE_GOLDEN=1` rewrites the
// golden files from the current output; review their diffs before committing.

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REFERENCE = referenceStory();
const GOLDEN = resolve(REPO, 'tests/fixtures/forms');

type Op = (parsed: ParseResult, text: string) => FormEdit;
interface Case {
  name: string;
  op: Op;
  /** The operation (or form edits in a row) that undo it, computed on the edited text. */
  inverse: Op | Op[];
}

const RELATED = [
  'putin-zelensky-talks-rebuff',
  'putin-ukraine-deep-strikes-summer',
  'g7-evian-macron-ukraine-pivot',
  'ukraine-russia-energy-strike-war',
];
const ENTITIES = [
  'Ukraine Russia War',
  'Ukraine',
  'Russia',
  'Vladimir Putin',
  'Volodymyr Zelensky',
  'United States',
];

// Reference takes: 0-10 under `unlabelled`, 11 New Eastern Europe, 12 CNN.
const CASES: Case[] = [
  {
    name: 'add-take-end-of-lens',
    op: (p, t) =>
      addTake(p, t, 1, {
        outlet: 'Gazeta Wyborcza',
        region: 'Poland',
        language: 'pl',
        summary: 'Warsaw wants a seat at any table that settles borders.',
        source: 'https://wyborcza.pl/',
      }),
    inverse: (p, t) => removeTake(p, t, 12),
  },
  {
    name: 'add-take-first-in-lens-with-quote',
    op: (p, t) =>
      addTake(
        p,
        t,
        0,
        {
          outlet: 'Yomiuri Shimbun',
          region: 'Japan',
          language: 'ja',
          summary: '',
          quote: 'A “swap” is not a settlement',
          source: 'https://www.yomiuri.co.jp/world/',
        },
        0,
      ),
    inverse: (p, t) => removeTake(p, t, 0),
  },
  {
    name: 'update-take-summary',
    op: (p, t) => updateTakeField(p, t, 2, 'summary', 'Chinese-language encyclopedia entry.'),
    inverse: (p, t) => updateTakeField(p, t, 2, 'summary', ''),
  },
  {
    name: 'update-take-outlet',
    op: (p, t) => updateTakeField(p, t, 4, 'outlet', 'Reuters (Europe desk)'),
    inverse: (p, t) => updateTakeField(p, t, 4, 'outlet', 'Reuters'),
  },
  {
    name: 'update-take-region-recounts',
    op: (p, t) => updateTakeField(p, t, 0, 'region', 'Ireland'),
    inverse: (p, t) => updateTakeField(p, t, 0, 'region', 'United Kingdom'),
  },
  {
    name: 'update-take-language',
    op: (p, t) => updateTakeField(p, t, 6, 'language', 'en'),
    inverse: (p, t) => updateTakeField(p, t, 6, 'language', 'ru'),
  },
  {
    name: 'add-take-quote',
    op: (p, t) => updateTakeField(p, t, 0, 'quote', 'Procedure is moving; substance is not.'),
    inverse: (p, t) => updateTakeField(p, t, 0, 'quote', null),
  },
  {
    name: 'update-take-quote',
    op: (p, t) => updateTakeField(p, t, 12, 'quote', 'Little other progress.'),
    inverse: (p, t) =>
      updateTakeField(
        p,
        t,
        12,
        'quote',
        'Russia and Ukraine agreed a prisoner swap but made little other progress, the third round ending as the earlier ones did.',
      ),
  },
  {
    name: 'remove-take-quote',
    op: (p, t) => updateTakeField(p, t, 11, 'quote', null),
    inverse: (p, t) =>
      updateTakeField(
        p,
        t,
        11,
        'quote',
        'Four years of mediation have produced prisoner exchanges and meeting venues, not a settlement, the territorial question remains the wall every round hits.',
      ),
  },
  {
    name: 'update-take-source',
    op: (p, t) => updateTakeField(p, t, 6, 'source', 'https://tass.ru/politika'),
    inverse: (p, t) => updateTakeField(p, t, 6, 'source', 'https://tass.com/politics'),
  },
  {
    name: 'remove-take-recounts',
    op: (p, t) => removeTake(p, t, 11),
    inverse: (p, t) =>
      addTake(p, t, 1, {
        outlet: 'New Eastern Europe',
        region: 'Poland',
        language: 'en',
        summary:
          'Reads the 2022-2026 mediation attempts as a chain of failures: venue theatre, partial swaps and ceasefire-monitoring frameworks that never closed the territorial gap, with Kyiv wary of US-brokered terms.',
        quote:
          'Four years of mediation have produced prisoner exchanges and meeting venues, not a settlement, the territorial question remains the wall every round hits.',
        source:
          'https://neweasterneurope.eu/2026/04/02/the-hunt-for-peace-unsuccessful-attempts-to-mediate-ukrainian-russian-peace-from-2022-to-2026/',
      }),
  },
  {
    name: 'move-take-within-lens',
    op: (p, t) => moveTake(p, t, 1, 0, 0),
    inverse: (p, t) => moveTake(p, t, 0, 0, 1),
  },
  {
    name: 'move-take-across-lenses',
    op: (p, t) => moveTake(p, t, 12, 0, 2),
    inverse: (p, t) => moveTake(p, t, 2, 2, 0),
  },
  {
    name: 'move-take-into-previous-lens-end',
    op: (p, t) => moveTake(p, t, 11, 0, 11),
    inverse: (p, t) => moveTake(p, t, 11, 1, 0),
  },
  {
    name: 'add-lens-end',
    op: (p, t) => addLens(p, t, 'Russian state media'),
    inverse: (p, t) => removeLens(p, t, 3),
  },
  {
    name: 'add-lens-first',
    op: (p, t) => addLens(p, t, 'Gulf broadcasters', 0),
    inverse: (p, t) => removeLens(p, t, 0),
  },
  {
    name: 'rename-lens',
    op: (p, t) => renameLens(p, t, 0, 'wire and reference'),
    inverse: (p, t) => renameLens(p, t, 0, 'unlabelled'),
  },
  {
    name: 'move-lens-down',
    op: (p, t) => moveLens(p, t, 0, 2),
    inverse: (p, t) => moveLens(p, t, 2, 0),
  },
  {
    name: 'move-lens-up',
    op: (p, t) => moveLens(p, t, 2, 1),
    inverse: (p, t) => moveLens(p, t, 1, 2),
  },
  {
    name: 'remove-lens-recounts',
    op: (p, t) => removeLens(p, t, 2),
    inverse: [
      (p, t) => addLens(p, t, 'US mainstream'),
      (p, t) =>
        addTake(p, t, 2, {
          outlet: 'CNN',
          region: 'United States',
          language: 'en',
          summary:
            'Frames the Istanbul-format rounds as swaps without substance, agreement on prisoner exchanges but little movement on a ceasefire, a pattern carried into the 2026 Geneva and Abu Dhabi tracks.',
          quote:
            'Russia and Ukraine agreed a prisoner swap but made little other progress, the third round ending as the earlier ones did.',
          source:
            'https://www.cnn.com/2025/07/23/europe/russia-ukraine-peace-talks-third-round-turkey-latam-intl',
        }),
    ],
  },
  {
    name: 'add-number-end',
    op: (p, t) =>
      addNumber(p, t, { figure: '€3.5bn', note: 'pledged for reconstruction this year.' }),
    inverse: (p, t) => removeNumber(p, t, 6),
  },
  {
    name: 'add-number-at-position',
    op: (p, t) =>
      addNumber(p, t, { figure: '1,250', note: 'prisoners still listed as missing.' }, 2),
    inverse: (p, t) => removeNumber(p, t, 2),
  },
  {
    name: 'update-number-figure',
    op: (p, t) => updateNumber(p, t, 2, 'figure', 'February 2026'),
    inverse: (p, t) => updateNumber(p, t, 2, 'figure', 'Feb 2026'),
  },
  {
    name: 'update-number-note',
    op: (p, t) => updateNumber(p, t, 1, 'note', 'people swapped in Abu Dhabi.'),
    inverse: (p, t) =>
      updateNumber(p, t, 1, 'note', 'people swapped in the earlier Abu Dhabi exchange.'),
  },
  {
    name: 'remove-number',
    op: (p, t) => removeNumber(p, t, 3),
    inverse: (p, t) =>
      addNumber(
        p,
        t,
        {
          figure: 'June 22',
          note: 'Kryvyi Rih missile strike (3 killed); Voronezh defence plant drone strike.',
        },
        3,
      ),
  },
  {
    name: 'move-number',
    op: (p, t) => moveNumber(p, t, 5, 0),
    inverse: (p, t) => moveNumber(p, t, 0, 5),
  },
  {
    name: 'set-related',
    op: (p, t) =>
      setRelated(p, t, [
        'putin-zelensky-talks-rebuff',
        'g7-evian-macron-ukraine-pivot',
        'istanbul-talks-2025',
      ]),
    inverse: (p, t) => setRelated(p, t, RELATED),
  },
  {
    name: 'set-related-empty-removes-line',
    op: (p, t) => setRelated(p, t, []),
    inverse: (p, t) => setRelated(p, t, RELATED),
  },
  {
    name: 'set-entities',
    op: (p, t) => setEntities(p, t, [...ENTITIES, 'Recep Tayyip Erdoğan']),
    inverse: (p, t) => setEntities(p, t, ENTITIES),
  },
  {
    name: 'set-entities-empty-removes-line',
    op: (p, t) => setEntities(p, t, []),
    inverse: (p, t) => setEntities(p, t, ENTITIES),
  },
  {
    name: 'set-title',
    op: (p, t) => setTitle(p, t, 'Ukraine-Russia talks: swaps yes, summit no'),
    inverse: (p, t) =>
      setTitle(
        p,
        t,
        'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no',
      ),
  },
  {
    name: 'set-dek',
    op: (p, t) => setDek(p, t, 'June brings a 185-for-185 swap but no leaders’ meeting'),
    inverse: (p, t) =>
      setDek(
        p,
        t,
        "After Abu Dhabi and Geneva rounds put territory on the table, June brings a 185-for-185 swap and duelling summit venues, but no leaders' meeting",
      ),
  },
  {
    name: 'set-meta-type',
    op: (p, t) => setMetaType(p, t, 'explainer'),
    inverse: (p, t) => setMetaType(p, t, 'story'),
  },
  {
    name: 'set-meta-date',
    op: (p, t) => setMetaDate(p, t, '2026-06-08'),
    inverse: (p, t) => setMetaDate(p, t, '2026-06-05'),
  },
  {
    name: 'set-meta-heads',
    op: (p, t) => setMetaHeads(p, t, ['How Wars Actually End', 'Who Decides', 'Europe Alone']),
    inverse: (p, t) => setMetaHeads(p, t, ['How Wars Actually End', 'Who Decides']),
  },
  {
    name: 'set-front-matter-status-creates-block',
    op: (p, t) => setFrontMatterField(p, t, 'status', 'in review'),
    inverse: (p, t) => setFrontMatterField(p, t, 'status', null),
  },
  {
    name: 'list-entity',
    op: (p, t) => listEntity(p, t, 'Recep Tayyip Erdoğan'),
    inverse: (p, t) => setEntities(p, t, ENTITIES),
  },
  {
    name: 'link-mention',
    op: (p, t) => {
      const registry = [{ slug: 'europe', name: 'Europe', aliases: [] }];
      const first = mentions(p, t, registry, 'ja').unlinked[0]!;
      return linkMention(p, t, first, 'ja');
    },
    // No form operation unlinks: the inverse is the plain-text edit back to the words.
    inverse: (p) => {
      const link = p.facts.entityLinks.find((l) => l.slug === 'europe')!;
      return { ok: true, changes: [{ ...link.span, insert: link.text }] };
    },
  },
];

const update = process.env.UPDATE_GOLDEN === '1';

function apply(ops: Op | Op[], text: string): string {
  for (const op of [ops].flat()) {
    const edit = op(parseStory(text), text);
    if (!edit.ok) throw new Error(`refused: ${JSON.stringify(edit.problems)}`);
    text = applyChanges(text, edit.changes);
  }
  return text;
}

describe('form operations on the reference story', () => {
  test('the reference parses without diagnostics', () => {
    expect(parseStory(REFERENCE).diagnostics).toEqual([]);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const out = apply(c.op, REFERENCE);
    const file = resolve(GOLDEN, `${name}.md`);
    if (update) writeFileSync(file, out);
    expect(existsSync(file), `golden file ${file}`).toBe(true);
    expect(out).toBe(readFileSync(file, 'utf8'));
    const parsed = parseStory(out);
    expect(parsed.diagnostics).toEqual([]);
    expect(serializeStory(parsed.story)).toBe(out);
    expect(apply(c.inverse, out)).toBe(REFERENCE);
  });
});
