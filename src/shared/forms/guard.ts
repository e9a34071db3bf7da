import {
  applyChanges,
  countLabel,
  deriveCounts,
  parseStory,
  type Diagnostic,
  type MetaCounts,
  type ParseResult,
  type Span,
  type TextChange,
} from '../story';
import { mapPos } from './text';

// Every form edit ends here. The story text stays the truth: an edit is a list
// of changes to it, and before a form may write them they are applied and the
// result is read again by the parser. An edit that would make the parser flag
// something it did not flag before is refused with the parser's own code and
// message, so a field shows exactly the diagnostic the text would show.

export type TakeField = 'outlet' | 'region' | 'language' | 'summary' | 'quote' | 'source';

export interface TakeValues {
  outlet: string;
  region: string;
  language: string;
  summary: string;
  quote: string | null;
  source: string | null;
}

export interface FieldProblem {
  /** The form field that shows it: a TakeField, `figure`, `note`, `lens`, `related`, … */
  field: string;
  code: Diagnostic['code'];
  severity: Diagnostic['severity'];
  message: string;
}

/**
 * What a form edit does: the changes (offsets into the text it was computed
 * on, ready for one CodeMirror transaction) and where the caret/focus should go
 * afterwards (offsets in the NEW text), or why nothing can be written.
 */
export type FormEdit =
  | { ok: true; changes: TextChange[]; select?: { from: number; to: number } }
  | { ok: false; problems: FieldProblem[] };

export function problem(
  field: string,
  code: Diagnostic['code'],
  message: string,
  severity: Diagnostic['severity'] = 'error',
): FieldProblem {
  return { field, code, severity, message };
}

export const refuse = (problems: FieldProblem[]): FormEdit => ({ ok: false, problems });
export const nothing = (): FormEdit => ({ ok: true, changes: [] });

/** A problem of a value that has no place in a one-line field. */
export function lineBreakProblem(field: string, code: Diagnostic['code'], what: string) {
  return problem(field, code, `${what} is one line: remove the line break.`);
}

export const hasLineBreak = (value: string) => /[\n\r]/.test(value);

/**
 * What the parser says about a fragment written on its own: the diagnostics
 * with one of `codes` (errors and warnings), as problems of a field.
 */
export function fragmentProblems(
  parsed: ParseResult,
  codes: (code: Diagnostic['code']) => boolean,
  fieldOf: (d: Diagnostic) => string,
): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const d of parsed.diagnostics) {
    if (d.severity === 'info' || !codes(d.code)) continue;
    const p = problem(fieldOf(d), d.code, d.message, d.severity);
    // One line gone wrong can upset the next (a take line that no longer
    // reads leaves its Source line stray): the first says what to fix.
    const key = `${p.field} ${p.code}`;
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  }
  return problems;
}

export interface GuardOptions {
  /** The field a new diagnostic is shown on when `fieldOf` does not place it. */
  field: string;
  fieldOf?: (d: Diagnostic, after: ParseResult) => string | undefined;
  /** Takes, lenses or regions may change: rewrite the Meta line's counts. */
  recount?: boolean;
  /** The caret/focus afterwards, from the text as re-read. */
  select?: (after: ParseResult) => Span | undefined;
  /** The caret/focus afterwards as an offset of the OLD text, mapped through the changes. */
  selectAt?: number;
}

const COUNT_UNIT = { takes: 'take', lenses: 'lens', regions: 'region' } as const;

/**
 * The changes that make the Meta line state `counts`: just the count spans,
 * and only where the parser could read all three (a Meta line it cannot read
 * is the editor's to fix and is left alone).
 */
function recountChanges(parsed: ParseResult, text: string, counts: MetaCounts): TextChange[] {
  const spans = parsed.facts.metaCounts;
  if (!parsed.facts.statedCounts || !spans) return [];
  const changes: TextChange[] = [];
  for (const key of ['takes', 'lenses', 'regions'] as const) {
    const span = spans[key];
    if (!span) return [];
    const label = countLabel(counts[key], COUNT_UNIT[key]);
    if (text.slice(span.from, span.to) !== label) changes.push({ ...span, insert: label });
  }
  return changes;
}

const flagged = (d: Diagnostic) => d.severity !== 'info';

/** The diagnostics of `after` that `before` did not have (by code, then message). */
function newDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const had = new Map<string, Diagnostic[]>();
  for (const d of before.filter(flagged)) had.set(d.code, [...(had.get(d.code) ?? []), d]);
  const now = new Map<string, Diagnostic[]>();
  for (const d of after.filter(flagged)) now.set(d.code, [...(now.get(d.code) ?? []), d]);
  const fresh: Diagnostic[] = [];
  for (const [code, list] of now) {
    const old = had.get(code) ?? [];
    if (list.length <= old.length) continue;
    // Prefer the ones whose message is new: they name the value that was written.
    const messages = new Set(old.map((d) => d.message));
    const unmatched = list.filter((d) => !messages.has(d.message));
    const pool = unmatched.length ? unmatched : list;
    fresh.push(...pool.slice(0, list.length - old.length));
  }
  return fresh;
}

/**
 * Apply `changes` to `text`, recount the Meta line in the same change list when
 * asked, re-read the result and accept it only if the parser flags nothing new.
 */
export function guard(
  parsed: ParseResult,
  text: string,
  changes: TextChange[],
  options: GuardOptions,
): FormEdit {
  if (!changes.length) return nothing();
  let all = changes;
  const after = parseStory(applyChanges(text, all));
  let diagnostics = after.diagnostics;
  let shift = 0;
  const metaEnd = parsed.facts.meta?.to ?? 0;
  if (options.recount) {
    const counts = recountChanges(parsed, text, deriveCounts(after.story));
    if (counts.length) {
      all = [...counts, ...changes];
      // The counts sit in the Meta line, above every item an edit that
      // recounts can touch, and keep the line in its form: the final text reads
      // as `after` does but for the mismatch they fix, with everything below
      // the line moved by their change in length. No second parse needed.
      diagnostics = diagnostics.filter((d) => d.code !== 'meta-count-mismatch');
      shift = counts.reduce((n, c) => n + c.insert.length - (c.to - c.from), 0);
    }
  }
  const fresh = newDiagnostics(parsed.diagnostics, diagnostics);
  if (fresh.length)
    return refuse(
      fresh.map((d) =>
        problem(options.fieldOf?.(d, after) ?? options.field, d.code, d.message, d.severity),
      ),
    );
  all = [...all].sort((a, b) => a.from - b.from || a.to - b.to);
  const edit: FormEdit = { ok: true, changes: all };
  const moved = options.select?.(after);
  const select =
    (moved &&
      (moved.from >= metaEnd
        ? { from: moved.from + shift, to: moved.to + shift }
        : { from: moved.from, to: moved.to })) ??
    (options.selectAt === undefined
      ? undefined
      : { from: mapPos(all, options.selectAt), to: mapPos(all, options.selectAt) });
  if (select) edit.select = { from: select.from, to: select.to };
  return edit;
}
