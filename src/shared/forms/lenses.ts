import {
  SECTION_HEADINGS,
  parseStory,
  type LensFact,
  type ParseResult,
  type TakeFact,
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
import { blockAfter, blockBefore, insertSection, lineEndOf, removeBlock } from './text';

// Lens groups: `### {lens}` followed directly by its takes, groups separated by
// one blank line. A group index is the group's position among all the story's
// lens groups (facts.lenses), in text order.

export interface LensGroupView {
  lens: LensFact;
  /** The takes under this heading, in text order. */
  takes: TakeFact[];
}

const groupCache = new WeakMap<ParseResult, LensGroupView[]>();

/** The story's lens groups with their takes (memoised per parse). */
export function lensGroups(parsed: ParseResult): LensGroupView[] {
  let groups = groupCache.get(parsed);
  if (groups) return groups;
  groups = parsed.facts.lenses.map((lens) => ({ lens, takes: [] as TakeFact[] }));
  let g = -1;
  for (const take of parsed.facts.takes) {
    while (g + 1 < groups.length && groups[g + 1]!.lens.span.from < take.span.from) g++;
    groups[g]?.takes.push(take);
  }
  groupCache.set(parsed, groups);
  return groups;
}

export function groupAt(parsed: ParseResult, group: number): LensGroupView {
  const view = lensGroups(parsed)[group];
  if (!view) throw new RangeError(`the story has no lens group ${group}`);
  return view;
}

/** Whether the lens name reads back as itself under `### `, and what the parser says of it. */
export function checkLensName(name: string): FieldProblem[] {
  if (hasLineBreak(name)) return [lineBreakProblem('lens', 'lens-empty', 'A lens name')];
  const read = parseStory(`## ${SECTION_HEADINGS.takes}\n\n### ${name}\n`);
  const problems = fragmentProblems(
    read,
    (c) => c === 'lens-empty',
    () => 'lens',
  );
  if (!problems.length && read.facts.lenses[0]?.lens !== name)
    problems.push(problem('lens', 'lens-empty', `“${name}” cannot be written as a lens name.`));
  return problems;
}

const headingOf = (index: number) => (after: ParseResult) =>
  lensGroups(after)[index]?.lens.headingSpan;

/**
 * Add an empty lens group at position `at` among the groups (default: last).
 * A story without a takes section gets one, in its place in section order.
 * An empty group is valid text (the parser does not flag it); the story still
 * needs one take somewhere, which the parser reports as before.
 */
export function addLens(parsed: ParseResult, text: string, name: string, at?: number): FormEdit {
  const problems = checkLensName(name);
  if (problems.length) return refuse(problems);
  const groups = lensGroups(parsed);
  const heading = `### ${name}`;
  const index = Math.max(0, Math.min(at ?? groups.length, groups.length));
  const section = parsed.facts.sections.find((s) => s.kind === 'takes');
  let change;
  if (index < groups.length) change = blockBefore(groups[index]!.lens.span.from, heading);
  else if (groups.length)
    change = blockAfter(lineEndOf(text, groups.at(-1)!.lens.span.to), heading);
  else if (section) change = blockAfter(lineEndOf(text, section.span.to), heading);
  else change = insertSection(parsed, text, 'takes', `## ${SECTION_HEADINGS.takes}\n\n${heading}`);
  return guard(parsed, text, [change], {
    field: 'lens',
    recount: true,
    select: headingOf(index),
  });
}

export function renameLens(
  parsed: ParseResult,
  text: string,
  group: number,
  name: string,
): FormEdit {
  const { lens } = groupAt(parsed, group);
  if (lens.lens === name) return nothing();
  const problems = checkLensName(name);
  if (problems.length) return refuse(problems);
  return guard(parsed, text, [{ ...lens.headingSpan, insert: name }], {
    field: 'lens',
    select: headingOf(group),
  });
}

/** Move a whole group (heading and takes) to position `to` among the groups. */
export function moveLens(parsed: ParseResult, text: string, group: number, to: number): FormEdit {
  const groups = lensGroups(parsed);
  const moving = groupAt(parsed, group);
  const others = groups.filter((g) => g !== moving);
  const index = Math.max(0, Math.min(to, others.length));
  if (index === group) return nothing();
  const end = lineEndOf(text, moving.lens.span.to);
  const block = text.slice(moving.lens.span.from, end);
  const removal = removeBlock(text, moving.lens.span);
  const insertion =
    index < others.length
      ? blockBefore(others[index]!.lens.span.from, block)
      : blockAfter(lineEndOf(text, others.at(-1)!.lens.span.to), block);
  return guard(parsed, text, [removal, insertion], {
    field: 'lens',
    select: headingOf(index),
  });
}

/**
 * Remove a group with its takes. The last group of a takes section takes the
 * section with it (an empty section is something the parser flags).
 */
export function removeLens(parsed: ParseResult, text: string, group: number): FormEdit {
  const { lens } = groupAt(parsed, group);
  const section = parsed.facts.sections[lens.section];
  const alone =
    section !== undefined &&
    parsed.facts.lenses.filter((l) => l.section === lens.section).length === 1 &&
    section.bodySpan?.from === lens.span.from;
  const change = removeBlock(text, alone ? section.span : lens.span);
  return guard(parsed, text, [change], {
    field: 'lens',
    recount: true,
    selectAt: change.from,
  });
}
