import {
  SECTION_HEADINGS,
  parseStory,
  serializeNumberItem,
  type ParseResult,
  type SectionFact,
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
} from './guard';
import {
  insertLinesBefore,
  insertLinesAfter,
  insertSection,
  lineEndOf,
  removeBlock,
  removeLines,
} from './text';

// "By the numbers": `- {figure}, {note}` lines. A number is addressed by its
// index in facts.numbers. The section exists exactly while it has a line: the
// first number creates it in its place in section order, removing the last
// one removes it (an empty section is something the parser flags).

export type NumberField = 'figure' | 'note';
export interface NumberValues {
  figure: string;
  note: string;
}

function numberAt(parsed: ParseResult, index: number) {
  const fact = parsed.facts.numbers[index];
  if (!fact) throw new RangeError(`the story has no number ${index}`);
  return fact;
}

/** The problems of writing a number line; with `only`, those of that field. */
export function checkNumber(values: NumberValues, only?: NumberField): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const mine = (p: FieldProblem) => only === undefined || p.field === only;
  if (hasLineBreak(values.figure))
    problems.push(lineBreakProblem('figure', 'number-malformed', 'A figure'));
  if (hasLineBreak(values.note))
    problems.push(lineBreakProblem('note', 'number-malformed', 'A note'));
  if (values.figure.includes(', '))
    problems.push(
      problem(
        'figure',
        'number-figure-has-comma',
        `A figure ends at the first comma and space, so “${values.figure}” cannot be one. Write it without “, ” (1,250 rather than 1, 250).`,
      ),
    );
  if (problems.length) return problems.filter(mine);
  const line = serializeNumberItem({ kind: 'number', ...values });
  const read = parseStory(`## ${SECTION_HEADINGS.numbers}\n\n${line}\n`);
  const found = fragmentProblems(
    read,
    (c) => c.startsWith('number-'),
    () => only ?? 'figure',
  );
  if (found.length) return found;
  const back = read.facts.numbers[0];
  if (!back || back.figure !== values.figure || back.note !== values.note)
    return [
      problem(
        only ?? 'figure',
        'number-malformed',
        `“${line.slice(2)}” would not read back as this figure and note.`,
      ),
    ];
  return [];
}

function sectionOf(parsed: ParseResult, from: number): SectionFact | undefined {
  return parsed.facts.sections.find(
    (s) => s.kind === 'numbers' && s.span.from <= from && from <= s.span.to,
  );
}

const lineOf = (index: number) => (after: ParseResult) => after.facts.numbers[index]?.span;

/** Add a number at position `at` (default: last), creating the section when absent. */
export function addNumber(
  parsed: ParseResult,
  text: string,
  values: NumberValues,
  at?: number,
): FormEdit {
  const problems = checkNumber(values);
  if (problems.length) return refuse(problems);
  const numbers = parsed.facts.numbers;
  const line = serializeNumberItem({ kind: 'number', ...values });
  const index = Math.max(0, Math.min(at ?? numbers.length, numbers.length));
  const section = parsed.facts.sections.find((s) => s.kind === 'numbers');
  let change: TextChange;
  if (numbers[index]) change = insertLinesBefore(numbers[index].span.from, line);
  else if (numbers.length) change = insertLinesAfter(text, numbers.at(-1)!.span.to, line);
  else if (section?.bodySpan) change = insertLinesAfter(text, section.span.to, line);
  else if (section) {
    const end = lineEndOf(text, section.span.to);
    change = { from: end, to: end, insert: `\n\n${line}` };
  } else
    change = insertSection(parsed, text, 'numbers', `## ${SECTION_HEADINGS.numbers}\n\n${line}`);
  return guard(parsed, text, [change], {
    field: 'figure',
    select: lineOf(numbers[index] ? index : numbers.length),
  });
}

export function updateNumber(
  parsed: ParseResult,
  text: string,
  index: number,
  field: NumberField,
  value: string,
): FormEdit {
  const fact = numberAt(parsed, index);
  if (fact[field] === value) return nothing();
  const problems = checkNumber({ figure: fact.figure, note: fact.note, [field]: value }, field);
  if (problems.length) return refuse(problems);
  const span = field === 'figure' ? fact.figureSpan : fact.noteSpan;
  return guard(parsed, text, [{ ...span, insert: value }], {
    field,
    select: (after) => {
      const f = after.facts.numbers[index];
      return f && (field === 'figure' ? f.figureSpan : f.noteSpan);
    },
  });
}

/** Remove a number; the last line of the section takes the section with it. */
export function removeNumber(parsed: ParseResult, text: string, index: number): FormEdit {
  const fact = numberAt(parsed, index);
  const section = sectionOf(parsed, fact.span.from);
  const alone = section?.bodySpan?.from === fact.span.from && section.bodySpan.to === fact.span.to;
  const change = alone
    ? removeBlock(text, section.span)
    : removeLines(text, fact.span.from, fact.span.to);
  return guard(parsed, text, [change], { field: 'figure', selectAt: change.from });
}

/** Move a number to position `to` among the numbers (counted without it). */
export function moveNumber(parsed: ParseResult, text: string, index: number, to: number): FormEdit {
  const fact = numberAt(parsed, index);
  const others = parsed.facts.numbers.filter((n) => n !== fact);
  const position = Math.max(0, Math.min(to, others.length));
  if (position === index) return nothing();
  const line = text.slice(fact.span.from, lineEndOf(text, fact.span.to));
  const next = others[position];
  return guard(
    parsed,
    text,
    [
      removeLines(text, fact.span.from, fact.span.to),
      next
        ? insertLinesBefore(next.span.from, line)
        : insertLinesAfter(text, others.at(-1)!.span.to, line),
    ],
    { field: 'figure', select: lineOf(position) },
  );
}
