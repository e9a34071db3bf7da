import {
  META_PREFIX,
  META_SEPARATOR,
  parseStory,
  serializeMeta,
  setFrontMatterKey,
  type Meta,
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
  type FormEdit,
} from './guard';
import { lineEndOf, minimalChange } from './text';

// The header (title, dek, Meta line) and the front matter block. The Meta
// line's counts are never typed here: they follow the takes (see guard.ts).

/** Where the header's lines start: after the front matter block, if any. */
function headerStart(parsed: ParseResult, text: string): number {
  const fm = parsed.facts.frontMatter;
  return fm ? Math.min(text.length, lineEndOf(text, fm.to) + 1) : 0;
}

function setHeaderLine(
  parsed: ParseResult,
  text: string,
  which: 'title' | 'dek',
  value: string,
): FormEdit {
  const span = parsed.facts[which];
  const current = parsed.story[which];
  if (span && current === value) return nothing();
  const what = which === 'title' ? 'The headline' : 'The dek';
  if (hasLineBreak(value))
    return refuse([
      lineBreakProblem(which, which === 'title' ? 'missing-title' : 'missing-dek', what),
    ]);
  const marker = which === 'title' ? '# ' : '> ';
  const read = parseStory(
    `# ${which === 'title' ? value : 'x'}\n> ${which === 'dek' ? value : 'x'}\n`,
  );
  const problems = fragmentProblems(
    read,
    (c) => c === (which === 'title' ? 'missing-title' : 'missing-dek'),
    () => which,
  );
  if (problems.length) return refuse(problems);
  if (read.story[which] !== value)
    return refuse([problem(which, 'unplaced-line', `${what} cannot be written as given.`)]);
  let change: TextChange;
  if (span) change = { ...span, insert: value };
  else if (which === 'dek' && parsed.facts.title) {
    const end = lineEndOf(text, parsed.facts.title.to);
    change = { from: end, to: end, insert: `\n${marker}${value}` };
  } else {
    const at = headerStart(parsed, text);
    change = { from: at, to: at, insert: `${marker}${value}\n` };
  }
  return guard(parsed, text, [change], {
    field: which,
    select: (after) => after.facts[which] ?? undefined,
  });
}

export const setTitle = (parsed: ParseResult, text: string, value: string) =>
  setHeaderLine(parsed, text, 'title', value);

export const setDek = (parsed: ParseResult, text: string, value: string) =>
  setHeaderLine(parsed, text, 'dek', value);

type MetaField = 'type' | 'date' | 'heads';

/** Offsets of the type, date and heads values in a Meta line in the layout's form. */
function metaFieldSpans(meta: Meta, at: number): Record<MetaField, Span> {
  const type = at + META_PREFIX.length + 'type: '.length;
  const date = type + meta.type.length + META_SEPARATOR.length + 'date: '.length;
  const heads = date + meta.date.length + META_SEPARATOR.length + 'heads: '.length;
  return {
    type: { from: type, to: type + meta.type.length },
    date: { from: date, to: date + meta.date.length },
    heads: { from: heads, to: heads + meta.heads.join(', ').length },
  };
}

function setMetaField(
  parsed: ParseResult,
  text: string,
  field: MetaField,
  value: string | string[],
): FormEdit {
  const meta = parsed.story.meta;
  const at = parsed.facts.meta;
  if (!meta || meta.kind !== 'meta' || !at)
    return refuse([
      problem(
        field,
        parsed.story.meta ? 'meta-malformed' : 'missing-meta',
        parsed.story.meta
          ? 'The Meta line is not in the layout’s form; correct it in the text first.'
          : 'The story has no Meta line; add it in the text first.',
      ),
    ]);
  const next: Meta = { ...meta, [field]: value };
  const values = [value].flat();
  if (values.some(hasLineBreak))
    return refuse([lineBreakProblem(field, 'meta-malformed', 'A Meta field')]);
  if (field === 'type' && meta.type !== value && String(value).trim() === '')
    return refuse([problem(field, 'meta-malformed', 'The type is empty: write story, brief, …')]);
  const before = metaFieldSpans(meta, at.from)[field];
  const written = field === 'heads' ? values.join(', ') : String(value);
  const change = minimalChange(before.from, text.slice(before.from, before.to), written);
  if (!change) return nothing();
  const read = parseStory(
    `${serializeMeta({ ...next, counts: { takes: 0, lenses: 0, regions: 0 } })}\n`,
  );
  const problems = fragmentProblems(
    read,
    (c) => c === 'meta-malformed' || c === 'bad-date',
    () => field,
  );
  if (problems.length) return refuse(problems);
  const back = read.story.meta;
  if (back?.kind !== 'meta' || JSON.stringify(back[field]) !== JSON.stringify(next[field]))
    return refuse([
      problem(
        field,
        'meta-malformed',
        field === 'heads'
          ? 'Heads are separated by a comma and one space: a head cannot be empty or hold “, ” or “·”.'
          : `“${written}” cannot be written in the Meta line (it may not hold “·”).`,
      ),
    ]);
  return guard(parsed, text, [change], {
    field,
    select: (after) =>
      after.story.meta?.kind === 'meta' && after.facts.meta
        ? metaFieldSpans(after.story.meta, after.facts.meta.from)[field]
        : undefined,
  });
}

export const setMetaType = (parsed: ParseResult, text: string, type: string) =>
  setMetaField(parsed, text, 'type', type);

/** `date` as YYYY-MM-DD; anything else gets the parser's bad-date message. */
export const setMetaDate = (parsed: ParseResult, text: string, date: string) =>
  setMetaField(parsed, text, 'date', date);

export const setMetaHeads = (parsed: ParseResult, text: string, heads: string[]) =>
  setMetaField(parsed, text, 'heads', heads);

/**
 * Set (or with null remove) a workflow key of the front matter through
 * setFrontMatterKey, so no other line of the YAML moves; the change is the
 * smallest one between the old and new block. A story without a block gets
 * one; removing its last key removes the block.
 */
export function setFrontMatterField(
  parsed: ParseResult,
  text: string,
  key: 'status' | 'assignee',
  value: string | null,
): FormEdit {
  if (value !== null && hasLineBreak(value))
    return refuse([lineBreakProblem(key, 'front-matter-invalid', `The ${key}`)]);
  const fm = parsed.facts.frontMatter;
  const yaml = parsed.story.frontMatter;
  if (!fm || yaml === null) {
    if (value === null) return nothing();
    const block = `---\n${setFrontMatterKey('', key, value)}---\n`;
    return guard(parsed, text, [{ from: 0, to: 0, insert: block }], { field: key, selectAt: 0 });
  }
  if (fm.data === null)
    return refuse([
      problem(
        key,
        'front-matter-invalid',
        'The front matter is not valid YAML; fix it in the text before editing its fields.',
      ),
    ]);
  if (value === null && !Object.hasOwn(fm.data, key)) return nothing();
  let next: string;
  try {
    next = setFrontMatterKey(yaml, key, value ?? undefined);
  } catch (e) {
    return refuse([
      problem(key, 'front-matter-invalid', e instanceof Error ? e.message : String(e)),
    ]);
  }
  const blockEnd = lineEndOf(text, fm.to);
  const change =
    next === ''
      ? { from: 0, to: Math.min(text.length, blockEnd + 1), insert: '' }
      : minimalChange(fm.from + '---\n'.length, yaml, next);
  if (!change) return nothing();
  return guard(parsed, text, [change], { field: key, selectAt: change.from });
}
