import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorState, Line } from '@codemirror/state';
import { SECTION_HEADINGS, type TakeFact } from '../../shared/story';
import { dispatchPick, runLength, type Dispatcher } from './complete-apply';
import { storyEditorConfig, type OutletUsage } from './config';
import { parsedStory } from './parse-field';
import { itemAt } from './spans';

// The desk's vocabularies where the layout has a field: a take's outlet,
// region and language, the Meta line's type and heads, section and lens
// headings. A complete take line is read from the parse's field spans; one
// still being typed (`- **Reu`) is not a take yet, so its line is read by
// prefix.

type TakeField = 'outlet' | 'region' | 'language';

interface TakeSpot {
  field: TakeField;
  /** Where the field's text starts and ends (the end may lie past the cursor). */
  from: number;
  to: number;
  take: TakeFact | null;
  line: Line;
}

/** The take field at `pos`, from the parse when the line is a take, else from the line. */
export function takeFieldAt(state: EditorState, pos: number): TakeSpot | null {
  const line = state.doc.lineAt(pos);
  if (!line.text.startsWith('- **')) return null;
  const { facts } = parsedStory(state);
  const take = itemAt(facts.takes, pos, (t) => t.headSpan);
  if (take) {
    for (const field of ['outlet', 'region', 'language'] as const) {
      const span = take.fields[field];
      if (span.from <= pos && pos <= span.to) return { field, ...span, take, line };
    }
    return null;
  }
  if (!facts.sections.some((s) => s.kind === 'takes' && s.span.from <= pos && pos <= s.span.to))
    return null;
  const partial = { take: null, line };
  const before = state.sliceDoc(line.from, pos);
  const after = state.sliceDoc(pos, line.to);
  if (/^- \*\*(?:(?!\*\*).)*$/.test(before))
    return { field: 'outlet', from: line.from + 4, to: pos + runLength(after, /\*\*/), ...partial };
  const m = /^- \*\*.+?\*\* \((.*)$/.exec(before);
  if (!m || /\) —/.test(m[1]!)) return null;
  const comma = m[1]!.lastIndexOf(', ');
  if (comma < 0)
    return {
      field: 'region',
      from: pos - m[1]!.length,
      to: pos + runLength(after, /, |\)/),
      ...partial,
    };
  return {
    field: 'language',
    from: pos - (m[1]!.length - comma - 2),
    to: pos + runLength(after, /[,)]/),
    ...partial,
  };
}

const PLACEHOLDER = /^(?:|region|language|\{region\}|\{language\}|…|\.\.\.|\?+)$/i;
/** The template's take (`Outlet (Global, en)`) counts as placeholders throughout. */
const TEMPLATE_OUTLET = 'Outlet';

/** Outlets the desk has used (with their usual region and language), then this story's. */
function outletUsages(state: EditorState): OutletUsage[] {
  const seen = new Map<string, OutletUsage>();
  for (const o of state.facet(storyEditorConfig).outlets())
    if (!seen.has(o.outlet)) seen.set(o.outlet, o);
  for (const t of parsedStory(state).facts.takes) {
    const { outlet, region, language } = t.take;
    if (outlet !== TEMPLATE_OUTLET && !seen.has(outlet))
      seen.set(outlet, { outlet, region, language });
  }
  return [...seen.values()];
}

/**
 * Writes the picked outlet, and its usual region and language where the take
 * has none yet. On a line that is only `- **…`, writes the whole head
 * (`Reuters** (Global, en) — `) and leaves the cursor where the summary goes.
 */
function applyOutlet(view: Dispatcher, c: Completion, usage: OutletUsage) {
  const { state } = view;
  const spot = takeFieldAt(state, state.selection.main.head);
  if (!spot || spot.field !== 'outlet') return;
  const { take } = spot;
  if (!take) {
    const rest = state.sliceDoc(spot.to, spot.line.to);
    if (rest === '' || rest === '**') {
      const insert = `${usage.outlet}** (${usage.region || 'Region'}, ${usage.language || 'en'}) — `;
      dispatchPick(view, c, {
        changes: { from: spot.from, to: spot.line.to, insert },
        selection: { anchor: spot.from + insert.length },
      });
      return;
    }
    dispatchPick(view, c, {
      changes: { from: spot.from, to: spot.to, insert: usage.outlet },
      selection: { anchor: spot.from + usage.outlet.length },
    });
    return;
  }
  const fresh = take.take.outlet === TEMPLATE_OUTLET;
  const changes = [
    { from: take.fields.outlet.from, to: take.fields.outlet.to, insert: usage.outlet },
  ];
  if (usage.region && (fresh || PLACEHOLDER.test(take.take.region)))
    changes.push({ ...take.fields.region, insert: usage.region });
  if (usage.language && (fresh || PLACEHOLDER.test(take.take.language)))
    changes.push({ ...take.fields.language, insert: usage.language });
  const shift = usage.outlet.length - (take.fields.outlet.to - take.fields.outlet.from);
  dispatchPick(view, c, {
    changes,
    selection: { anchor: take.fields.outlet.to + shift },
  });
}

/** Replaces the whole field at the cursor (not just the typed part) with the picked value. */
function applyField(view: Dispatcher, c: Completion) {
  const { state } = view;
  const spot = takeFieldAt(state, state.selection.main.head);
  if (!spot) return;
  dispatchPick(view, c, {
    changes: { from: spot.from, to: spot.to, insert: c.label },
    selection: { anchor: spot.from + c.label.length },
  });
}

function unique(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const s of list) if (s.trim()) seen.add(s);
  return [...seen];
}

/** Inside a take head: outlets, then regions, then languages. */
export function takeCompletions(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const spot = takeFieldAt(state, pos);
  if (!spot) return null;
  const vocab = state.facet(storyEditorConfig).vocabularies();
  const takes = parsedStory(state).facts.takes.map((t) => t.take);
  if (spot.field === 'outlet') {
    const options = outletUsages(state).map((u): Completion => ({
      label: u.outlet,
      detail: u.region || u.language ? `${u.region}, ${u.language}` : undefined,
      type: 'outlet',
      apply: (view, c) => applyOutlet(view, c, u),
    }));
    return { from: spot.from, options, validFor: /^(?:(?!\*\*)[^\n])*$/ };
  }
  const usages = state.facet(storyEditorConfig).outlets();
  const values =
    spot.field === 'region'
      ? unique(
          vocab.regions,
          takes.map((t) => t.region),
          usages.map((u) => u.region),
        )
      : unique(
          vocab.languages,
          takes.map((t) => t.language),
          usages.map((u) => u.language),
        );
  const here = new Set(takes.map((t) => (spot.field === 'region' ? t.region : t.language)));
  return {
    from: spot.from,
    options: values.map((label) => ({
      label,
      detail: here.has(label) ? 'in this story' : undefined,
      boost: here.has(label) ? 1 : 0,
      type: spot.field,
      apply: applyField,
    })),
    validFor: spot.field === 'region' ? /^[^,\n]*$/ : /^[^,)\s]*$/,
  };
}

/** The Meta line: `type: ` offers types, `heads: ` (and after each `, `) the heads not yet given. */
export function metaCompletions(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const line = state.doc.lineAt(pos);
  if (!line.text.startsWith('**Meta:**') || pos < line.from + 9) return null;
  const before = state.sliceDoc(line.from + '**Meta:**'.length, pos);
  const segment = before.slice(before.lastIndexOf('·') + 1);
  const after = state.sliceDoc(pos, line.to);
  const vocab = state.facet(storyEditorConfig).vocabularies();
  const type = /^ *type: ?([^·]*)$/.exec(segment);
  if (type) {
    const apply = replaceUntil(/ ?·/);
    return {
      from: pos - type[1]!.length,
      options: vocab.types.map((label) => ({ label, type: 'type', apply })),
      validFor: /^[^·,]*$/,
    };
  }
  const heads = /^ *heads: ?((?:[^·]*, )?)([^·,]*)$/.exec(segment);
  if (heads) {
    const given = new Set(
      (heads[1]! + after.slice(0, runLength(after, / ?·/))).split(', ').map((h) => h.trim()),
    );
    const apply = replaceUntil(/,| ?·/);
    return {
      from: pos - heads[2]!.length,
      options: vocab.heads
        .filter((h) => !given.has(h))
        .map((label) => ({ label, type: 'head', apply })),
      validFor: /^[^·,]*$/,
    };
  }
  return null;
}

/** Replaces from the completion's start up to `stop` (or the line's end) after the cursor. */
function replaceUntil(stop: RegExp) {
  return (view: Dispatcher, c: Completion, from: number) => {
    const head = view.state.selection.main.head;
    const to = head + runLength(view.state.sliceDoc(head, view.state.doc.lineAt(head).to), stop);
    dispatchPick(view, c, {
      changes: { from, to, insert: c.label },
      selection: { anchor: from + c.label.length },
    });
  };
}

/** `## ` offers the sections the story lacks; `### ` the desk's lenses and this story's. */
export function headingCompletions(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const line = state.doc.lineAt(pos);
  const { facts } = parsedStory(state);
  if (line.text.startsWith('### ')) {
    const vocab = state.facet(storyEditorConfig).vocabularies();
    const used = facts.lenses.filter((l) => l.span.from !== line.from).map((l) => l.lens);
    return {
      from: line.from + 4,
      options: unique(vocab.lenses, used).map((label) => ({ label, type: 'lens' })),
      validFor: /^[^\n]*$/,
    };
  }
  if (line.text.startsWith('## ')) {
    const present = new Set(
      facts.sections.filter((s) => s.span.from !== line.from).map((s) => s.heading),
    );
    return {
      from: line.from + 3,
      options: Object.values(SECTION_HEADINGS)
        .filter((h) => !present.has(h))
        .map((label) => ({ label, type: 'section' })),
      validFor: /^[^\n]*$/,
    };
  }
  return null;
}
