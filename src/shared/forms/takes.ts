import {
  SECTION_HEADINGS,
  parseStory,
  serializeTakeItem,
  type Diagnostic,
  type ParseResult,
  type Span,
  type Take,
  type TakeFact,
  type TextChange,
} from '../story';
import {
  fragmentProblems,
  guard,
  hasLineBreak,
  lineBreakProblem,
  nothing,
  problem,
  refuse,
  type FieldProblem,
  type FormEdit,
  type TakeField,
  type TakeValues,
} from './guard';
import { groupAt, lensGroups } from './lenses';
import { insertLinesBefore, lineEndOf, lineStartOf, removeLines } from './text';

// Takes: `- **{outlet}** ({region}, {language}) — {summary}`, then an optional
// `  > "{quote}"` and the `  Source: {url}` line. A take is addressed by its
// index in facts.takes; its lines are exactly facts.takes[i].span.
//
// A new take is written only with an outlet, a region, a language and an
// http(s) source: a take line without them is either something the parser
// flags (no outlet, no source) or a take that says nothing (an empty region or
// language), and a placeholder would put words in an outlet's mouth. The form
// collects them in its "new take" row and calls addTake once they are typed;
// until then addTake answers with the problems to show, and writes nothing.

export const TAKE_FIELDS: readonly TakeField[] = [
  'outlet',
  'region',
  'language',
  'summary',
  'quote',
  'source',
];

const order = (field: string) => TAKE_FIELDS.indexOf(field as TakeField);

const LABEL: Record<TakeField, string> = {
  outlet: 'The outlet',
  region: 'The region',
  language: 'The language',
  summary: 'The summary',
  quote: 'The quote',
  source: 'The source',
};

function takeAt(parsed: ParseResult, take: number): TakeFact {
  const fact = parsed.facts.takes[take];
  if (!fact) throw new RangeError(`the story has no take ${take}`);
  return fact;
}

/** Which field of a take a diagnostic on it belongs to. */
function fieldAt(d: Diagnostic, fact: TakeFact | undefined): TakeField | undefined {
  if (d.code === 'take-missing-source' || d.code === 'take-bad-url') return 'source';
  if (!fact) return undefined;
  const inside = (s: Span | null) => s !== null && d.from >= s.from && d.to <= s.to;
  if (inside(fact.quoteSpan)) return 'quote';
  for (const field of ['outlet', 'region', 'language', 'summary'] as const)
    if (inside(fact.fields[field])) return field;
  return undefined;
}

/**
 * The problems of writing `take`: values that have no place in a take line,
 * then what the parser says of the take written on its own, then any field it
 * would read back differently (an outlet holding `** (`, a language holding
 * `, `). With `only`, just the problems the edit of that field causes.
 */
export function checkTake(take: Take, only?: TakeField): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of TAKE_FIELDS) {
    const value = take[field];
    if (value !== null && hasLineBreak(value))
      problems.push(lineBreakProblem(field, 'take-malformed', LABEL[field]));
  }
  // An empty outlet is left to the parser below, which flags the line; a blank
  // one, an empty region or language it would read without a word.
  for (const field of ['outlet', 'region', 'language'] as const)
    if (take[field].trim() === '' && !(field === 'outlet' && take.outlet === ''))
      problems.push(
        problem(field, 'take-malformed', `${LABEL[field]} is empty: a take names its ${field}.`),
      );
  if (take.outlet.includes('**'))
    problems.push(
      problem(
        'outlet',
        'take-malformed',
        'An outlet cannot hold “**”: the bold markers are what delimit the outlet.',
      ),
    );
  const mine = (p: FieldProblem) => only === undefined || p.field === only;
  // A line break would split the take written below into lines.
  if (TAKE_FIELDS.some((f) => hasLineBreak(take[f] ?? ''))) return problems.filter(mine);

  const read = parseStory(`## ${SECTION_HEADINGS.takes}\n\n### x\n${serializeTakeItem(take)}\n`);
  const fact = read.facts.takes[0];
  const found = fragmentProblems(
    read,
    (c) => c.startsWith('take-'),
    (d) => fieldAt(d, fact) ?? only ?? 'outlet',
  );
  const all = [...problems, ...found.filter((f) => !problems.some((p) => p.field === f.field))]
    .filter(mine)
    .sort((x, y) => order(x.field) - order(y.field));
  if (all.length) return all;
  for (const field of TAKE_FIELDS) {
    const back = fact?.take[field];
    if (back === take[field]) continue;
    const value = take[field] ?? '';
    return [
      problem(
        only ?? field,
        'take-malformed',
        back === undefined
          ? `“${value}” cannot be written in a take line: the take would not read as a take.`
          : `“${value}” cannot be written as ${LABEL[field].toLowerCase()}: the take line would read it as “${back ?? ''}”.`,
      ),
    ];
  }
  return [];
}

/** The take's span for a field in a re-read text. */
function fieldSpan(fact: TakeFact | undefined, field: TakeField): Span | undefined {
  if (!fact) return undefined;
  if (field === 'quote') return fact.quoteSpan ?? fact.headSpan;
  if (field === 'source') return fact.sourceSpan ?? fact.headSpan;
  return fact.fields[field];
}

/**
 * Add a take at position `at` among the takes of lens group `group` (default:
 * last). `values` must name the outlet, region, language and an http(s) source;
 * the summary may be empty and the quote absent.
 */
export function addTake(
  parsed: ParseResult,
  text: string,
  group: number,
  values: Partial<TakeValues> = {},
  at?: number,
): FormEdit {
  const view = groupAt(parsed, group);
  const take: Take = {
    kind: 'take',
    outlet: values.outlet ?? '',
    region: values.region ?? '',
    language: values.language ?? '',
    summary: values.summary ?? '',
    quote: values.quote ?? null,
    source: values.source ?? null,
  };
  const problems = checkTake(take);
  if (problems.length) return refuse(problems);
  const position = Math.max(0, Math.min(at ?? view.takes.length, view.takes.length));
  const block = serializeTakeItem(take);
  const next = view.takes[position];
  const end = lineEndOf(text, view.lens.span.to);
  const change: TextChange = next
    ? insertLinesBefore(next.span.from, block)
    : { from: end, to: end, insert: `\n${block}` };
  const placed = (after: ParseResult) => lensGroups(after)[group]?.takes[position];
  return guard(parsed, text, [change], {
    field: 'outlet',
    recount: true,
    fieldOf: (d, after) => fieldAt(d, placed(after)),
    select: (after) => placed(after)?.headSpan,
  });
}

/**
 * Set one field of a take. `null` for the quote removes its line; a source is
 * required, so `null` for the source is refused as the parser would flag it.
 */
export function updateTakeField(
  parsed: ParseResult,
  text: string,
  take: number,
  field: TakeField,
  value: string | null,
): FormEdit {
  const fact = takeAt(parsed, take);
  if (value === null && field !== 'quote' && field !== 'source')
    return refuse([
      problem(field, 'take-malformed', `${LABEL[field]} cannot be removed from a take.`),
    ]);
  if (fact.take[field] === value) return nothing();
  const problems = checkTake({ ...fact.take, [field]: value }, field);
  if (problems.length) return refuse(problems);
  const changes: TextChange[] = [];
  if (field === 'quote' || field === 'source') {
    const span = field === 'quote' ? fact.quoteSpan : fact.sourceSpan;
    const prefix = field === 'quote' ? '  > "' : '  Source: ';
    const suffix = field === 'quote' ? '"' : '';
    if (span && value === null) {
      // Its line goes with the newline before it: the head line is always above.
      const start = lineStartOf(text, span.from);
      changes.push({ from: start - 1, to: lineEndOf(text, span.to), insert: '' });
    } else if (span) changes.push({ ...span, insert: value! });
    else if (value !== null) {
      // A quote goes right under the head line, a source under the quote.
      const above = field === 'source' && fact.quoteSpan ? fact.quoteSpan.to : fact.headSpan.to;
      const end = lineEndOf(text, above);
      changes.push({ from: end, to: end, insert: `\n${prefix}${value}${suffix}` });
    }
  } else changes.push({ ...fact.fields[field], insert: value! });
  return guard(parsed, text, changes, {
    field,
    recount: field === 'region',
    fieldOf: (d, after) => fieldAt(d, after.facts.takes[take]),
    select: (after) => fieldSpan(after.facts.takes[take], field),
  });
}

export function removeTake(parsed: ParseResult, text: string, take: number): FormEdit {
  const fact = takeAt(parsed, take);
  const change = removeLines(text, fact.span.from, fact.span.to);
  return guard(parsed, text, [change], {
    field: 'take',
    recount: true,
    selectAt: change.from,
  });
}

/** Where a take sits: its lens group and its position among that group's takes. */
export function takePlace(parsed: ParseResult, take: number): { group: number; position: number } {
  const fact = takeAt(parsed, take);
  const groups = lensGroups(parsed);
  for (let g = 0; g < groups.length; g++) {
    const position = groups[g]!.takes.indexOf(fact);
    if (position >= 0) return { group: g, position };
  }
  throw new RangeError(`take ${take} is in no lens group`);
}

/**
 * Where Alt+Up (-1) or Alt+Down (+1) moves a take: past its neighbour, or
 * across into the end of the previous / the start of the next group, with the
 * take's index in the story once moved (a move across groups keeps it). Null
 * at either end of the story.
 */
export function takeNeighbour(
  parsed: ParseResult,
  take: number,
  direction: -1 | 1,
): { group: number; position: number; index: number } | null {
  const { group, position } = takePlace(parsed, take);
  const groups = lensGroups(parsed);
  const to = position + direction;
  if (to >= 0 && to < groups[group]!.takes.length)
    return { group, position: to, index: take + direction };
  const next = groups[group + direction];
  if (!next) return null;
  return { group: group + direction, position: direction < 0 ? next.takes.length : 0, index: take };
}

/**
 * Move a take to position `toPosition` among the takes of group `toGroup`
 * (counted without the moving take), within or across lens groups. Its lines
 * move byte for byte.
 */
export function moveTake(
  parsed: ParseResult,
  text: string,
  take: number,
  toGroup: number,
  toPosition: number,
): FormEdit {
  const fact = takeAt(parsed, take);
  const from = takePlace(parsed, take);
  const target = groupAt(parsed, toGroup);
  const others = target.takes.filter((t) => t !== fact);
  const position = Math.max(0, Math.min(toPosition, others.length));
  if (from.group === toGroup && from.position === position) return nothing();
  const block = text.slice(fact.span.from, lineEndOf(text, fact.span.to));
  const next = others[position];
  const end = lineEndOf(text, target.lens.span.to);
  const changes = [
    removeLines(text, fact.span.from, fact.span.to),
    next ? insertLinesBefore(next.span.from, block) : { from: end, to: end, insert: `\n${block}` },
  ];
  return guard(parsed, text, changes, {
    field: 'take',
    recount: true,
    select: (after) => lensGroups(after)[toGroup]?.takes[position]?.headSpan,
  });
}
