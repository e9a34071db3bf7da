import {
  SECTION_HEADINGS,
  parseStory,
  serializeEntitiesLine,
  serializeRelatedLine,
  type ParseResult,
  type Span,
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
import { insertSection, lineEndOf, minimalChange, removeBlock, removeLines } from './text';

// "Across the graph": the `- Related: [[slug]], …` and `- Entities: Name, …`
// lines, written directly under the heading, Related first. An empty list
// removes its line, and the section goes with its last line; a list for a
// story without the section creates it (it is the last section of the layout).

type Which = 'related' | 'entities';

const PREFIX: Record<Which, string> = { related: '- Related:', entities: '- Entities:' };

function graphSection(parsed: ParseResult) {
  return parsed.facts.sections.find((s) => s.kind === 'graph');
}

/** The line a list is written on, read or not (a malformed line is rewritten in place). */
function lineSpan(parsed: ParseResult, text: string, which: Which): Span | undefined {
  const read = which === 'related' ? parsed.facts.relatedLine : parsed.facts.entitiesLine;
  if (read) return read;
  const section = graphSection(parsed);
  if (!section?.bodySpan) return undefined;
  let at = section.bodySpan.from;
  while (at <= section.bodySpan.to) {
    const end = lineEndOf(text, at);
    if (text.startsWith(PREFIX[which], at)) return { from: at, to: end };
    at = end + 1;
  }
  return undefined;
}

function checkList(which: Which, items: readonly string[], line: string): FieldProblem[] {
  const what = which === 'related' ? 'A related story' : 'An entity name';
  if (items.some(hasLineBreak))
    return [lineBreakProblem(which, `${which}-malformed` as const, what)];
  if (which === 'entities') {
    const bad = items.find((n) => n.trim() === '' || n !== n.trim() || n.includes(', '));
    if (bad !== undefined)
      return [
        problem(
          which,
          'entities-malformed',
          bad.trim() === ''
            ? 'An entity name cannot be empty.'
            : `“${bad}” cannot be listed: entity names are separated by a comma and one space, so a name holds no “, ” and no space at either end.`,
          'warning',
        ),
      ];
  }
  const read = parseStory(`## ${SECTION_HEADINGS.graph}\n${line}\n`);
  const found = fragmentProblems(
    read,
    (c) => c.startsWith('related-') || c.startsWith('entities-') || c === 'graph-malformed',
    () => which,
  );
  if (found.length) return found;
  const graph = read.story.sections[0];
  const back = graph?.kind === 'graph' ? graph[which] : null;
  if (back?.length !== items.length || back.some((x, i) => x !== items[i]))
    return [
      problem(which, `${which}-malformed` as const, `${what} list cannot be written as given.`),
    ];
  return [];
}

function setList(
  parsed: ParseResult,
  text: string,
  which: Which,
  items: readonly string[],
): FormEdit {
  const span = lineSpan(parsed, text, which);
  const section = graphSection(parsed);
  const select = (after: ParseResult) =>
    which === 'related' ? after.facts.relatedLine : after.facts.entitiesLine;
  if (!items.length) {
    if (!span) return nothing();
    const alone = section?.bodySpan?.from === span.from && section.bodySpan.to === span.to;
    const change = alone ? removeBlock(text, section.span) : removeLines(text, span.from, span.to);
    return guard(parsed, text, [change], { field: which, selectAt: change.from });
  }
  const line = which === 'related' ? serializeRelatedLine(items) : serializeEntitiesLine(items);
  const problems = checkList(which, items, line);
  if (problems.length) return refuse(problems);
  let change: TextChange | null;
  if (span) change = minimalChange(span.from, text.slice(span.from, span.to), line);
  else if (section) {
    // Related goes right under the heading; Entities under Related when there is one.
    const related = which === 'entities' ? lineSpan(parsed, text, 'related') : undefined;
    const end = lineEndOf(text, related ? related.to : section.headingSpan.to);
    change = { from: end, to: end, insert: `\n${line}` };
  } else change = insertSection(parsed, text, 'graph', `## ${SECTION_HEADINGS.graph}\n${line}`);
  if (!change) return nothing();
  return guard(parsed, text, [change], { field: which, select });
}

/** Set the Related line's story slugs; [] removes the line. */
export function setRelated(parsed: ParseResult, text: string, slugs: string[]): FormEdit {
  return setList(parsed, text, 'related', slugs);
}

/** Set the Entities line's names; [] removes the line. */
export function setEntities(parsed: ParseResult, text: string, names: string[]): FormEdit {
  return setList(parsed, text, 'entities', names);
}
