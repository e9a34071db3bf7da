import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { applyChanges, parseStory } from '../story';
import {
  addNumber,
  removeNumber,
  setEntities,
  setFrontMatterField,
  setMetaDate,
  setMetaHeads,
  setMetaType,
  setRelated,
  setTitle,
  updateNumber,
  type FormEdit,
} from '.';

const REF = referenceStory();

function refused(edit: FormEdit) {
  if (edit.ok) throw new Error(`expected a refusal, got ${JSON.stringify(edit.changes)}`);
  return edit.problems;
}
function run(text: string, op: (p: ReturnType<typeof parseStory>, t: string) => FormEdit) {
  const edit = op(parseStory(text), text);
  if (!edit.ok) throw new Error(`refused: ${JSON.stringify(edit.problems)}`);
  return { text: applyChanges(text, edit.changes), changes: edit.changes };
}
const codes = (edit: FormEdit) => refused(edit).map((p) => [p.field, p.code, p.severity]);

describe('numbers', () => {
  const p = parseStory(REF);

  test('a figure holding “, ” is refused with number-figure-has-comma', () => {
    expect(codes(updateNumber(p, REF, 1, 'figure', '1, 250'))).toEqual([
      ['figure', 'number-figure-has-comma', 'error'],
    ]);
  });

  test('a figure and note that read as a split thousands separator: the parser’s message', () => {
    const line = p.facts.numbers[1]!;
    const byHand = parseStory(
      applyChanges(REF, [
        { ...line.noteSpan, insert: '250 people' },
        { ...line.figureSpan, insert: '1' },
      ]),
    ).diagnostics.find((d) => d.code === 'number-figure-has-comma')!;
    const problems = refused(addNumber(p, REF, { figure: '1', note: '250 people' }));
    expect(problems).toEqual([
      {
        field: 'figure',
        code: 'number-figure-has-comma',
        severity: 'error',
        message: byHand.message,
      },
    ]);
  });

  test('an empty figure is refused; a newline in a note is refused', () => {
    expect(codes(updateNumber(p, REF, 0, 'figure', ''))).toEqual([
      ['figure', 'number-malformed', 'error'],
    ]);
    expect(codes(updateNumber(p, REF, 0, 'note', 'a\nb'))).toEqual([
      ['note', 'number-malformed', 'error'],
    ]);
  });

  test('removing the last number removes the section; the first one creates it in order', () => {
    const one = REF.replace(/\n- 314,[\s\S]*?war\.\n/, '\n');
    expect(parseStory(one).facts.numbers).toHaveLength(1);
    const without = REF.replace(/## By the numbers\n\n[\s\S]*?\n\n(?=## Why it matters)/, '');
    const removed = run(one, (q, t) => removeNumber(q, t, 0)).text;
    expect(removed).toBe(without);
    const added = run(without, (q, t) =>
      addNumber(q, t, { figure: '185-for-185', note: 'prisoners exchanged on 5 June 2026.' }),
    ).text;
    expect(added).toBe(one);
  });
});

describe('graph lines', () => {
  const p = parseStory(REF);

  test('an invalid slug shows the parser’s related-slug-invalid', () => {
    const problems = refused(setRelated(p, REF, ['Bad Slug']));
    expect(problems).toEqual([
      {
        field: 'related',
        code: 'related-slug-invalid',
        severity: 'error',
        message:
          '“Bad Slug” is not a story slug: use lowercase letters, digits and single hyphens.',
      },
    ]);
  });

  test('an entity name holding “, ” or spaces at its ends is refused', () => {
    expect(codes(setEntities(p, REF, ['Ukraine, Russia']))).toEqual([
      ['entities', 'entities-malformed', 'warning'],
    ]);
    expect(codes(setEntities(p, REF, [' Ukraine']))).toEqual([
      ['entities', 'entities-malformed', 'warning'],
    ]);
  });

  test('appending an entity is one insertion at the end of the line', () => {
    const { changes } = run(REF, (q, t) =>
      setEntities(q, t, [
        ...q.story.sections.flatMap((s) => (s.kind === 'graph' ? s.entities! : [])),
        'NATO',
      ]),
    );
    const end = p.facts.entitiesLine!.to;
    expect(changes).toEqual([{ from: end, to: end, insert: ', NATO' }]);
  });

  test('a story without the section gets it; clearing both lines removes it', () => {
    const without = REF.replace(/## Across the graph\n[\s\S]*?\n\n(?=---)/, '');
    const related = run(without, (q, t) => setRelated(q, t, ['a-story'])).text;
    expect(related).toContain('\n\n## Across the graph\n- Related: [[a-story]]\n\n---\n');
    const both = run(related, (q, t) => setEntities(q, t, ['Russia'])).text;
    expect(both).toContain(
      '## Across the graph\n- Related: [[a-story]]\n- Entities: Russia\n\n---',
    );
    const back = run(run(both, (q, t) => setRelated(q, t, [])).text, (q, t) =>
      setEntities(q, t, []),
    ).text;
    expect(back).toBe(without);
  });
});

describe('header and Meta line', () => {
  const p = parseStory(REF);

  test('a date that is not a date shows the parser’s bad-date', () => {
    expect(refused(setMetaDate(p, REF, '2026-02-30'))).toEqual([
      {
        field: 'date',
        code: 'bad-date',
        severity: 'error',
        message: '“2026-02-30” is not a date. Write it as YYYY-MM-DD, for example 2026-06-05.',
      },
    ]);
  });

  test('a type holding “·”, a head holding “, ”, an empty headline are refused', () => {
    expect(codes(setMetaType(p, REF, 'story · brief'))[0]).toEqual([
      'type',
      'meta-malformed',
      'error',
    ]);
    expect(codes(setMetaHeads(p, REF, ['Who, Decides']))[0]).toEqual([
      'heads',
      'meta-malformed',
      'error',
    ]);
    expect(codes(setTitle(p, REF, ''))).toEqual([['title', 'missing-title', 'error']]);
  });

  test('a readable but loose Meta line is left alone: its fields are refused', () => {
    const loose = REF.replace(' · date:', '·date:');
    expect(codes(setMetaType(parseStory(loose), loose, 'brief'))).toEqual([
      ['type', 'meta-malformed', 'error'],
    ]);
  });
});

describe('front matter', () => {
  const yaml = '# desk notes\nstatus: draft   # keep\nfactChecks:\n  - claim: "185"\n';
  const text = `---\n${yaml}---\n${REF}`;

  test('changing a key replaces only its value', () => {
    const { text: out, changes } = run(text, (q, t) =>
      setFrontMatterField(q, t, 'status', 'in review'),
    );
    expect(out).toBe(text.replace('status: draft ', 'status: in review '));
    expect(changes).toHaveLength(1);
  });

  test('adding and removing a key touches only its line', () => {
    const added = run(text, (q, t) => setFrontMatterField(q, t, 'assignee', 'Mika')).text;
    expect(added).toBe(text.replace('"185"\n---', '"185"\nassignee: Mika\n---'));
    expect(run(added, (q, t) => setFrontMatterField(q, t, 'assignee', null)).text).toBe(text);
  });

  test('invalid YAML is refused with front-matter-invalid', () => {
    const bad = `---\nstatus: [draft\n---\n${REF}`;
    expect(codes(setFrontMatterField(parseStory(bad), bad, 'status', 'x'))).toEqual([
      ['status', 'front-matter-invalid', 'error'],
    ]);
  });
});
