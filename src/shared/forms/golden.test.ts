import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { applyChanges, parseStory, serializeStory, type ParseResult } from '../story';
import {
  addLens,
  addTake,
  moveLens,
  moveTake,
  removeLens,
  removeTake,
  renameLens,
  updateTakeField,
  type FormEdit,
} from '.';

// Every form operation on the reference story: the exact text it produces
// (a golden file per operation), no diagnostic, a byte-exact round trip, and
// its inverse giving back the original bytes. `UPDATE_GOLDEN=1` rewrites the
// golden files from the current output; review their diffs before committing.

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REFERENCE = readFileSync(
  resolve(REPO, '../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md'),
  'utf8',
);
const GOLDEN = resolve(REPO, 'tests/fixtures/forms');

type Op = (parsed: ParseResult, text: string) => FormEdit;
interface Case {
  name: string;
  op: Op;
  /** The operation (or form edits in a row) that undo it, computed on the edited text. */
  inverse: Op | Op[];
}

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
