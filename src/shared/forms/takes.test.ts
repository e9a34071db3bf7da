import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { applyChanges, parseStory, type ParseResult } from '../story';
import {
  addLens,
  addTake,
  moveTake,
  removeLens,
  removeTake,
  renameLens,
  takeNeighbour,
  updateTakeField,
  type FormEdit,
} from '.';

const REF = referenceStory();
const parsed = parseStory(REF);

function refused(edit: FormEdit) {
  if (edit.ok) throw new Error(`expected a refusal, got ${JSON.stringify(edit.changes)}`);
  return edit.problems;
}
function written(edit: FormEdit, text = REF) {
  if (!edit.ok) throw new Error(`refused: ${JSON.stringify(edit.problems)}`);
  return { text: applyChanges(text, edit.changes), edit };
}
/** What the parser says when the same value is typed into the text by hand. */
function typed(from: number, to: number, insert: string) {
  return parseStory(applyChanges(REF, [{ from, to, insert }])).diagnostics;
}

const NEW = {
  outlet: 'Yomiuri Shimbun',
  region: 'Japan',
  language: 'ja',
  source: 'https://www.yomiuri.co.jp/',
};

describe('updateTakeField', () => {
  test('replaces only the field span and selects the field in the new text', () => {
    const { text, edit } = written(updateTakeField(parsed, REF, 4, 'summary', 'Wire copy.'));
    const summary = parsed.facts.takes[4]!.fields.summary;
    expect(edit.ok && edit.changes).toEqual([{ ...summary, insert: 'Wire copy.' }]);
    expect(edit.ok && edit.select).toEqual({ from: summary.from, to: summary.from + 10 });
    expect(text.slice(summary.from, summary.from + 10)).toBe('Wire copy.');
  });

  test('setting the value it has writes nothing', () => {
    expect(updateTakeField(parsed, REF, 4, 'outlet', 'Reuters')).toEqual({ ok: true, changes: [] });
  });

  test('a source that is not http(s) shows the diagnostic the text would show', () => {
    const source = parsed.facts.takes[6]!.sourceSpan!;
    const byHand = typed(source.from, source.to, 'ftp://tass.com/').filter(
      (d) => d.severity === 'error',
    );
    const problems = refused(updateTakeField(parsed, REF, 6, 'source', 'ftp://tass.com/'));
    expect(problems).toEqual([
      { field: 'source', code: 'take-bad-url', severity: 'error', message: byHand[0]!.message },
    ]);
  });

  test('an empty outlet shows the parser’s own take-malformed message', () => {
    const outlet = parsed.facts.takes[4]!.fields.outlet;
    const byHand = typed(outlet.from, outlet.to, '').find((d) => d.code === 'take-malformed')!;
    expect(refused(updateTakeField(parsed, REF, 4, 'outlet', ''))).toEqual([
      { field: 'outlet', code: 'take-malformed', severity: 'error', message: byHand.message },
    ]);
  });

  test('a language holding “, ” is refused even where the region is already empty', () => {
    const text = REF.replace('(Russia, ru)', '(, ru)');
    const p = parseStory(text);
    expect(p.facts.takes[6]!.take.region).toBe('');
    const problems = refused(updateTakeField(p, text, 6, 'language', 'ru, en'));
    expect(problems.map((x) => [x.field, x.code])).toEqual([['language', 'take-malformed']]);
  });

  test('removing the source is refused as the parser would flag it', () => {
    const problems = refused(updateTakeField(parsed, REF, 6, 'source', null));
    expect(problems.map((p) => [p.field, p.code])).toEqual([['source', 'take-missing-source']]);
  });

  test.each([
    ['outlet', '', 'take-malformed'],
    ['outlet', 'Bold** (move', 'take-malformed'],
    ['region', '  ', 'take-malformed'],
    ['language', 'en, fr', 'take-malformed'],
    ['region', 'Russia) — exile', 'take-malformed'],
    ['summary', 'two\nlines', 'take-malformed'],
    ['quote', 'two\r\nlines', 'take-malformed'],
  ] as const)('%s “%s” cannot be written: %s', (field, value, code) => {
    const problems = refused(updateTakeField(parsed, REF, 4, field, value));
    expect(problems.map((p) => [p.field, p.code])).toEqual([[field, code]]);
  });

  test('a problem elsewhere in the take does not block editing another field', () => {
    const broken = REF.replace('  Source: https://tass.com/politics\n', '');
    const p = parseStory(broken);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['take-missing-source']);
    const { text } = written(updateTakeField(p, broken, 6, 'summary', 'State agency.'), broken);
    expect(parseStory(text).diagnostics.map((d) => d.code)).toEqual(['take-missing-source']);
  });

  test('a quote keeps inner straight double quotes as the parser reads them', () => {
    const quote = 'He said "no" twice';
    const { text } = written(updateTakeField(parsed, REF, 0, 'quote', quote));
    expect(parseStory(text).facts.takes[0]!.take.quote).toBe(quote);
  });
});

describe('addTake', () => {
  test('with no values writes nothing and names every missing field', () => {
    const problems = refused(addTake(parsed, REF, 0));
    expect(problems.map((p) => p.field)).toEqual(['outlet', 'region', 'language']);
  });

  test('without a source: the parser’s take-missing-source, on the source field', () => {
    const problems = refused(addTake(parsed, REF, 0, { ...NEW, source: null }));
    expect(problems).toEqual([
      {
        field: 'source',
        code: 'take-missing-source',
        severity: 'error',
        message:
          'The take from Yomiuri Shimbun has no source. Add a line `  Source: {url}` under it.',
      },
    ]);
  });

  test('selects the new take’s head line in the new text (after the recounted Meta line)', () => {
    const { text, edit } = written(addTake(parsed, REF, 2, NEW));
    const sel = edit.ok ? edit.select! : { from: 0, to: 0 };
    expect(text.slice(sel.from, sel.to)).toBe('- **Yomiuri Shimbun** (Japan, ja) — ');
  });
});

describe('removeTake', () => {
  test('the only take of a story cannot be removed', () => {
    const one = parseStory(
      REF.replace(/### unlabelled\n[\s\S]*?\n\n### Central/, '### Central').replace(
        /\n\n### US mainstream\n[\s\S]*?\n\n## Across/,
        '\n\n## Across',
      ),
    );
    const text = REF.replace(/### unlabelled\n[\s\S]*?\n\n### Central/, '### Central').replace(
      /\n\n### US mainstream\n[\s\S]*?\n\n## Across/,
      '\n\n## Across',
    );
    expect(one.facts.takes).toHaveLength(1);
    const problems = refused(removeTake(one, text, 0));
    expect(problems.map((p) => p.code)).toContain('missing-takes');
  });
});

describe('moveTake and takeNeighbour', () => {
  test('Alt+Up/Down within a group passes the neighbour', () => {
    expect(takeNeighbour(parsed, 3, -1)).toEqual({ group: 0, position: 2, index: 2 });
    expect(takeNeighbour(parsed, 3, 1)).toEqual({ group: 0, position: 4, index: 4 });
  });

  test('across a lens boundary: the end of the group above, the start of the one below, same index', () => {
    expect(takeNeighbour(parsed, 11, -1)).toEqual({ group: 0, position: 11, index: 11 });
    expect(takeNeighbour(parsed, 10, 1)).toEqual({ group: 1, position: 0, index: 10 });
  });

  test('nowhere past either end of the story', () => {
    expect(takeNeighbour(parsed, 0, -1)).toBeNull();
    expect(takeNeighbour(parsed, 12, 1)).toBeNull();
  });

  test('the target is where moveTake puts the take', () => {
    for (const [take, step] of [
      [3, -1],
      [3, 1],
      [10, 1],
      [11, -1],
    ] as const) {
      const target = takeNeighbour(parsed, take, step)!;
      const { text } = written(moveTake(parsed, REF, take, target.group, target.position));
      expect(parseStory(text).facts.takes[target.index]!.take).toEqual(
        parsed.facts.takes[take]!.take,
      );
    }
  });

  test('moving a take to where it is writes nothing', () => {
    expect(moveTake(parsed, REF, 3, 0, 3)).toEqual({ ok: true, changes: [] });
  });

  test('moving changes no count and the moved take keeps its bytes', () => {
    const { text } = written(moveTake(parsed, REF, 12, 1, 0));
    const after = parseStory(text);
    expect(after.facts.takes[11]!.take).toEqual(parsed.facts.takes[12]!.take);
    expect(text.split('\n')[3]).toBe(REF.split('\n')[3]);
  });
});

describe('lens operations', () => {
  test('a blank lens name shows the parser’s lens-empty warning', () => {
    const problems = refused(renameLens(parsed, REF, 0, ' '));
    expect(problems.map((p) => [p.field, p.code, p.severity])).toEqual([
      ['lens', 'lens-empty', 'warning'],
    ]);
  });

  test('a story with no takes section gets one, before Across the graph', () => {
    const bare = REF.replace(/## Regional takes[\s\S]*?\n\n(?=## Across)/, '').replace(
      '13 takes · 3 lenses · 11 regions',
      '0 takes · 0 lenses · 0 regions',
    );
    const p: ParseResult = parseStory(bare);
    expect(p.facts.lenses).toHaveLength(0);
    const { text } = written(addLens(p, bare, 'unlabelled'), bare);
    expect(text).toContain(
      '## Regional takes (batched by bias / lens)\n\n### unlabelled\n\n## Across the graph',
    );
    // Still a story without a take: the parser says so, once, as before.
    expect(parseStory(text).diagnostics.map((d) => d.code)).toEqual(['missing-takes']);
    // Removing that only (empty) group takes the section with it: the original bytes.
    const back = written(removeLens(parseStory(text), text, 0), text).text;
    expect(back).toBe(bare);
  });

  test('removing the group that holds every take is refused', () => {
    const text = REF.replace(/\n\n### (Central|US)[\s\S]*?(?=\n\n)/g, '');
    const p = parseStory(text);
    expect(p.facts.lenses).toHaveLength(1);
    expect(refused(removeLens(p, text, 0)).map((x) => x.code)).toContain('missing-takes');
  });
});
