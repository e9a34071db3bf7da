import { parseStory, type ParseResult } from '../../src/shared/story';
import {
  addLens,
  addNumber,
  addTake,
  mentions,
  moveLens,
  moveTake,
  numberMarks,
  removeLens,
  removeTake,
  setEntities,
  setMetaDate,
  updateTakeField,
  type FormEdit,
} from '../../src/shared/forms';
import { makeLargeStory } from './fixtures';
import { p50Us } from './parse';

// Form operations on the 300-take story (issue 5): each re-parses the edited
// text once or twice in its guard, so a parse of the same text is the baseline.

export async function benchForms(): Promise<Record<string, number>> {
  const text = makeLargeStory(300, 12);
  const parsed = parseStory(text);
  const last = parsed.facts.takes.length - 1;
  const ops: Record<string, (p: ParseResult) => FormEdit | unknown> = {
    formsUpdateSummaryLargeP50Us: (p) => updateTakeField(p, text, 150, 'summary', 'Edited.'),
    formsUpdateRegionLargeP50Us: (p) => updateTakeField(p, text, 150, 'region', 'Atlantis'),
    formsAddTakeLargeP50Us: (p) =>
      addTake(p, text, 5, {
        outlet: 'Yomiuri',
        region: 'Japan',
        language: 'ja',
        source: 'https://www.yomiuri.co.jp/',
      }),
    formsRemoveTakeLargeP50Us: (p) => removeTake(p, text, 150),
    formsMoveTakeAcrossLargeP50Us: (p) => moveTake(p, text, last, 0, 0),
    formsAddLensLargeP50Us: (p) => addLens(p, text, 'New lens', 3),
    formsMoveLensLargeP50Us: (p) => moveLens(p, text, 11, 0),
    formsRemoveLensLargeP50Us: (p) => removeLens(p, text, 4),
    formsAddNumberLargeP50Us: (p) => addNumber(p, text, { figure: '42%', note: 'a rise.' }),
    formsSetEntitiesLargeP50Us: (p) => setEntities(p, text, ['Ukraine', 'Russia', 'NATO']),
    formsSetMetaDateLargeP50Us: (p) => setMetaDate(p, text, '2026-06-08'),
    formsNumberMarksLargeP50Us: (p) => numberMarks(p, text),
    formsMentionsLargeP50Us: (p) =>
      mentions(p, text, [{ slug: 'russia', name: 'Russia', aliases: ['Moscow'] }], 'ja'),
  };
  // A desk-sized registry (20,000 entities, one alias in three), names from a fixed PRNG.
  const registry = syntheticRegistry(20_000);
  ops.formsMentions20kRegistryLargeP50Us = (p) => mentions(p, text, registry, 'ja');
  ops.formsMentions20kRegistryColdLargeP50Us = (p) => mentions(p, text, [...registry], 'ja');
  const out: Record<string, number> = {};
  for (const [key, op] of Object.entries(ops)) {
    const edit = op(parsed) as FormEdit | { ok?: undefined };
    if (edit.ok === false) throw new Error(`${key}: refused: ${JSON.stringify(edit.problems)}`);
    out[key] = p50Us(() => op(parsed), { samples: 31 });
  }
  out.formsBaselineParseLargeP50Us = p50Us(() => parseStory(text).diagnostics, { samples: 31 });
  return out;
}

function syntheticRegistry(count: number) {
  const syllables = [
    'ka',
    'vo',
    'ru',
    'tes',
    'lin',
    'mar',
    'do',
    'shi',
    'an',
    'bel',
    'gor',
    'ni',
    'pa',
    'zu',
    'qi',
    'wen',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(next() * 2); i < n; i++)
      w += syllables[Math.floor(next() * syllables.length)];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  return Array.from({ length: count }, (_, i) => {
    const last = word();
    return { slug: `e-${i}`, name: `${word()} ${last}`, aliases: i % 3 ? [] : [last] };
  });
}
