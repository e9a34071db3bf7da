import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyChanges, parseStory, serializeStory, type ParseResult, type Span } from '../story';
import { date, line, slug, storyText } from '../story/story.arbitrary';
import {
  addLens,
  addNumber,
  addTake,
  lensGroups,
  listEntity,
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
  takePlace,
  updateNumber,
  updateTakeField,
  type FormEdit,
  type TakeField,
} from '.';

// Random sequences of form operations on generated valid stories: every edit
// a form is allowed to write leaves a story that parses without a single
// diagnostic and writes back byte for byte; an edit and its inverse give back
// the bytes before it. Values are drawn to hit the separators the layout
// cares about, so many operations are refused, which must change nothing.

const RUNS = 60;

const text = fc.oneof(
  { arbitrary: line({ maxLength: 10 }), weight: 6 },
  {
    arbitrary: line({ maxLength: 10, spice: [', ', '** (', ') — ', '"', ' · ', '**', ']]', '[['] }),
    weight: 3,
  },
  { arbitrary: fc.constantFrom('', ' ', 'a\nb', 'x\r'), weight: 1 },
);
const url = fc.oneof(
  fc.constantFrom('https://example.com/a', 'http://news.example.org/x?y=1', 'https://日本.jp/記事'),
  fc.constantFrom('ftp://example.com/', 'example.com', 'https://', 'https://a b'),
);
const slugLike = fc.oneof({ arbitrary: slug(), weight: 4 }, { arbitrary: text, weight: 1 });

const op = fc.oneof(
  fc.record({
    kind: fc.constant('addTake' as const),
    g: fc.nat(),
    at: fc.nat(),
    outlet: text,
    region: text,
    language: text,
    summary: text,
    quote: fc.option(text),
    source: url,
  }),
  fc.record({
    kind: fc.constant('updateTakeField' as const),
    i: fc.nat(),
    field: fc.constantFrom<TakeField>('outlet', 'region', 'language', 'summary', 'quote', 'source'),
    value: fc.option(fc.oneof(text, url), { freq: 6 }),
  }),
  fc.record({ kind: fc.constant('removeTake' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('moveTake' as const), i: fc.nat(), g: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('addLens' as const), name: text, at: fc.nat() }),
  fc.record({ kind: fc.constant('renameLens' as const), g: fc.nat(), name: text }),
  fc.record({ kind: fc.constant('moveLens' as const), g: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('removeLens' as const), g: fc.nat() }),
  fc.record({ kind: fc.constant('addNumber' as const), figure: text, note: text, at: fc.nat() }),
  fc.record({
    kind: fc.constant('updateNumber' as const),
    i: fc.nat(),
    field: fc.constantFrom('figure' as const, 'note' as const),
    value: text,
  }),
  fc.record({ kind: fc.constant('removeNumber' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('moveNumber' as const), i: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('setRelated' as const),
    slugs: fc.array(slugLike, { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('setEntities' as const), names: fc.array(text, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('listEntity' as const), name: text }),
  fc.record({ kind: fc.constant('setTitle' as const), value: text }),
  fc.record({ kind: fc.constant('setDek' as const), value: text }),
  fc.record({ kind: fc.constant('setMetaType' as const), value: text }),
  fc.record({ kind: fc.constant('setMetaDate' as const), value: fc.oneof(date(), text) }),
  fc.record({
    kind: fc.constant('setMetaHeads' as const),
    heads: fc.array(text, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('setFrontMatterField' as const),
    key: fc.constantFrom('status' as const, 'assignee' as const),
    value: fc.option(text),
  }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

type Run = (p: ParseResult, t: string) => FormEdit;
const pick = (n: number, i: number) => i % n;

/** The edit of `o` on this story, and the edit that undoes it (when the API has one). */
interface Plan {
  edit: Run;
  inverse?: Run;
  /** What the edit's selection must be in the new text. */
  selects?: string;
  /** The only ranges of the old text its changes may touch (the Meta line always may). */
  within?: Span[];
}

function plan(o: Op, p: ParseResult): Plan | null {
  const takes = p.facts.takes;
  const groups = p.facts.lenses.length;
  const numbers = p.facts.numbers;
  const graph = p.story.sections.find((s) => s.kind === 'graph');
  switch (o.kind) {
    case 'addTake': {
      if (!groups) return null;
      const g = pick(groups, o.g);
      const position = Math.min(o.at % 20, lensGroups(p)[g]!.takes.length);
      return {
        edit: (q, t) => addTake(q, t, g, o, o.at % 20),
        selects: `- **${o.outlet}** (${o.region}, ${o.language}) — ${o.summary}`,
        inverse: (q, t) => removeTake(q, t, lensGroups(q)[g]!.takes[position]!.index),
      };
    }
    case 'updateTakeField': {
      if (!takes.length) return null;
      const i = pick(takes.length, o.i);
      const old = takes[i]!.take[o.field];
      return {
        edit: (q, t) => updateTakeField(q, t, i, o.field, o.value),
        within: [takes[i]!.span],
        ...(o.value === null ? {} : { selects: o.value }),
        inverse: (q, t) => updateTakeField(q, t, i, o.field, old),
      };
    }
    case 'removeTake':
      return takes.length ? { edit: (q, t) => removeTake(q, t, pick(takes.length, o.i)) } : null;
    case 'moveTake': {
      if (!takes.length) return null;
      const i = pick(takes.length, o.i);
      const from = takePlace(p, i);
      const g = pick(groups, o.g);
      const others = lensGroups(p)[g]!.takes.filter((x) => x.index !== i).length;
      const position = Math.min(o.at % 20, others);
      return {
        edit: (q, t) => moveTake(q, t, i, g, o.at % 20),
        inverse: (q, t) =>
          moveTake(q, t, lensGroups(q)[g]!.takes[position]!.index, from.group, from.position),
      };
    }
    case 'addLens': {
      const at = Math.min(o.at % 6, groups);
      return {
        edit: (q, t) => addLens(q, t, o.name, o.at % 6),
        inverse: (q, t) => removeLens(q, t, at),
      };
    }
    case 'renameLens': {
      if (!groups) return null;
      const g = pick(groups, o.g);
      const old = p.facts.lenses[g]!.lens;
      return {
        edit: (q, t) => renameLens(q, t, g, o.name),
        inverse: (q, t) => renameLens(q, t, g, old),
        within: [p.facts.lenses[g]!.headingSpan],
      };
    }
    case 'moveLens': {
      if (!groups) return null;
      const g = pick(groups, o.g);
      const to = pick(groups, o.to);
      return { edit: (q, t) => moveLens(q, t, g, to), inverse: (q, t) => moveLens(q, t, to, g) };
    }
    case 'removeLens':
      return groups ? { edit: (q, t) => removeLens(q, t, pick(groups, o.g)) } : null;
    case 'addNumber': {
      const at = Math.min(o.at % 8, numbers.length);
      return {
        edit: (q, t) => addNumber(q, t, o, o.at % 8),
        inverse: (q, t) => removeNumber(q, t, at),
      };
    }
    case 'updateNumber': {
      if (!numbers.length) return null;
      const i = pick(numbers.length, o.i);
      const old = numbers[i]![o.field];
      return {
        edit: (q, t) => updateNumber(q, t, i, o.field, o.value),
        within: [numbers[i]!.span],
        inverse: (q, t) => updateNumber(q, t, i, o.field, old),
      };
    }
    case 'removeNumber':
      return numbers.length
        ? { edit: (q, t) => removeNumber(q, t, pick(numbers.length, o.i)) }
        : null;
    case 'moveNumber': {
      if (!numbers.length) return null;
      const i = pick(numbers.length, o.i);
      const to = pick(numbers.length, o.to);
      return {
        edit: (q, t) => moveNumber(q, t, i, to),
        inverse: (q, t) => moveNumber(q, t, to, i),
      };
    }
    case 'setRelated': {
      const old = graph?.kind === 'graph' ? graph.related : null;
      return {
        edit: (q, t) => setRelated(q, t, o.slugs),
        inverse: (q, t) => setRelated(q, t, old ?? []),
      };
    }
    case 'setEntities': {
      const old = graph?.kind === 'graph' ? graph.entities : null;
      return {
        edit: (q, t) => setEntities(q, t, o.names),
        inverse: (q, t) => setEntities(q, t, old ?? []),
      };
    }
    case 'listEntity': {
      const old = graph?.kind === 'graph' ? graph.entities : null;
      return {
        edit: (q, t) => listEntity(q, t, o.name),
        inverse: (q, t) => setEntities(q, t, old ?? []),
      };
    }
    case 'setTitle': {
      const old = p.story.title!;
      return { edit: (q, t) => setTitle(q, t, o.value), inverse: (q, t) => setTitle(q, t, old) };
    }
    case 'setDek': {
      const old = p.story.dek!;
      return { edit: (q, t) => setDek(q, t, o.value), inverse: (q, t) => setDek(q, t, old) };
    }
    case 'setMetaType':
    case 'setMetaDate':
    case 'setMetaHeads': {
      const meta = p.story.meta;
      if (meta?.kind !== 'meta') return null;
      if (o.kind === 'setMetaType')
        return {
          edit: (q, t) => setMetaType(q, t, o.value),
          inverse: (q, t) => setMetaType(q, t, meta.type),
        };
      if (o.kind === 'setMetaDate')
        return {
          edit: (q, t) => setMetaDate(q, t, o.value),
          inverse: (q, t) => setMetaDate(q, t, meta.date),
        };
      return {
        edit: (q, t) => setMetaHeads(q, t, o.heads),
        inverse: (q, t) => setMetaHeads(q, t, meta.heads),
      };
    }
    case 'setFrontMatterField': {
      const data = p.facts.frontMatter?.data;
      const old = data?.[o.key];
      // Only a plain string (or an absent key) is what this field writes back;
      // a flow mapping (`{}`) is rewritten by yaml as a block, so it has no byte-exact inverse.
      const flow = /^\{/m.test(p.story.frontMatter ?? '');
      // Removing a key and setting it again appends it at the block's end: not
      // the same bytes when it was not the last line.
      const removal = o.value === null && old !== undefined;
      if (flow || removal || (old !== undefined && typeof old !== 'string'))
        return { edit: (q, t) => setFrontMatterField(q, t, o.key, o.value) };
      return {
        edit: (q, t) => setFrontMatterField(q, t, o.key, o.value),
        inverse: (q, t) => setFrontMatterField(q, t, o.key, (old as string | undefined) ?? null),
      };
    }
  }
}

function step(before: string, run: Run, selects?: string, within?: Span[]): string {
  const parsedBefore = parseStory(before);
  const edit = run(parsedBefore, before);
  if (!edit.ok) return before;
  const changes = edit.changes;
  if (within) {
    const allowed = [...within, ...(parsedBefore.facts.meta ? [parsedBefore.facts.meta] : [])];
    for (const c of changes)
      expect(
        allowed.some((a) => a.from <= c.from && c.to <= a.to),
        `change ${JSON.stringify(c)} outside ${JSON.stringify(allowed)}`,
      ).toBe(true);
  }
  for (let k = 1; k < changes.length; k++)
    expect(changes[k]!.from, 'changes sorted, not overlapping').toBeGreaterThanOrEqual(
      changes[k - 1]!.to,
    );
  const after = applyChanges(before, changes);
  if (edit.select) {
    expect(edit.select.from).toBeGreaterThanOrEqual(0);
    expect(edit.select.to).toBeLessThanOrEqual(after.length);
    if (selects !== undefined) expect(after.slice(edit.select.from, edit.select.to)).toBe(selects);
  }
  const parsed = parseStory(after);
  expect(parsed.diagnostics, `after an edit of\n${before}\n---\n${after}`).toEqual([]);
  expect(serializeStory(parsed.story)).toBe(after);
  return after;
}

describe('random form operations on generated stories', () => {
  test('each result parses without diagnostics, round-trips, and undoes to the bytes before it', () => {
    fc.assert(
      fc.property(storyText(), fc.array(op, { minLength: 1, maxLength: 12 }), (start, ops) => {
        let current = start;
        for (const o of ops) {
          const p = parseStory(current);
          const planned = plan(o, p);
          if (!planned) continue;
          const edit = planned.edit(p, current);
          if (!edit.ok) {
            expect(edit.problems.length, o.kind).toBeGreaterThan(0);
            continue;
          }
          const next = step(current, planned.edit, planned.selects, planned.within);
          if (planned.inverse && next !== current) {
            const back = planned.inverse(parseStory(next), next);
            expect(back.ok, `${o.kind} inverse refused: ${JSON.stringify(back)}`).toBe(true);
            expect(step(next, planned.inverse), `${o.kind} then its inverse`).toBe(current);
          }
          current = next;
        }
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});

// Stories as editors leave them mid-edit: lines deleted, duplicated or moved.
const damaged = fc
  .tuple(
    storyText(),
    fc.array(
      fc.record({ op: fc.constantFrom('delete', 'duplicate', 'move'), at: fc.nat(), to: fc.nat() }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  )
  .map(([text, edits]) => {
    const lines = text.split('\n');
    for (const e of edits) {
      const at = e.at % lines.length;
      if (e.op === 'delete') lines.splice(at, 1);
      else if (e.op === 'duplicate') lines.splice(at, 0, lines[at]!);
      else lines.splice(e.to % lines.length, 0, ...lines.splice(at, 1));
      if (!lines.length) lines.push('');
    }
    return lines.join('\n');
  });

const flaggedCodes = (t: string) =>
  parseStory(t)
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => d.code)
    .sort();

describe('form operations on damaged stories', () => {
  test('never throw, and an accepted edit flags nothing the text did not already flag', () => {
    fc.assert(
      fc.property(damaged, fc.array(op, { minLength: 1, maxLength: 4 }), (start, ops) => {
        let current = start;
        for (const o of ops) {
          const p = parseStory(current);
          const planned = plan(o, p);
          if (!planned) continue;
          const edit = planned.edit(p, current);
          if (!edit.ok) continue;
          const next = applyChanges(current, edit.changes);
          const before = flaggedCodes(current);
          for (const code of new Set(flaggedCodes(next)))
            expect(
              flaggedCodes(next).filter((c) => c === code).length,
              `${o.kind} added ${code}:\n${current}\n---\n${next}`,
            ).toBeLessThanOrEqual(before.filter((c) => c === code).length);
          current = next;
        }
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
