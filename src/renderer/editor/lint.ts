import {
  lintGutter,
  lintKeymap,
  linter,
  type Action,
  type Diagnostic as LintDiagnostic,
} from '@codemirror/lint';
import { isolateHistory } from '@codemirror/commands';
import type { EditorState, Extension, TransactionSpec } from '@codemirror/state';
import { keymap, type Command, type EditorView } from '@codemirror/view';
import type { Diagnostic, QuickFix } from '../../shared/story';
import { parsedStory, storyParse } from './parse-field';

// The parser's diagnostics as lint marks. The linter does not parse: it reads
// the parse the `storyParse` field already holds, and CodeMirror runs it only
// once typing pauses, so marks never sit on the keystroke path. The parser's
// diagnostics already carry offsets and severities in lint's shape; its quick
// fixes become the tooltip's buttons.

/** The transaction that applies `fix`: one change set, one undo step of its own. */
export function fixTransaction(fix: QuickFix): TransactionSpec {
  return {
    changes: fix.changes.map((c) => ({ from: c.from, to: c.to, insert: c.insert })),
    annotations: isolateHistory.of('full'),
    userEvent: 'input.fix',
    scrollIntoView: true,
  };
}

/**
 * Applies `fix`, which must come from the current parse (`problemsOf(view.state)`):
 * a fix's offsets are into the text it was computed on, so a fix kept from
 * before the last edit may land in the wrong place.
 */
export function applyQuickFix(view: Pick<EditorView, 'state' | 'dispatch'>, fix: QuickFix) {
  view.dispatch(fixTransaction(fix));
}

/**
 * The live fix that corresponds to a (possibly older) diagnostic's fix: the same
 * code and label, on the diagnostic's current position.
 */
function liveFix(state: EditorState, d: Diagnostic, label: string, from: number, to: number) {
  const live = parsedStory(state).diagnostics.find(
    (x) => x.code === d.code && x.from === from && x.to === to,
  );
  return live?.fixes?.find((f) => f.label === label);
}

function toLint(d: Diagnostic): LintDiagnostic {
  const actions: Action[] = (d.fixes ?? []).map((fix) => ({
    name: fix.label,
    apply: (view, from, to) => {
      const current = liveFix(view.state, d, fix.label, from, to);
      if (current) applyQuickFix(view, current);
    },
  }));
  return {
    from: d.from,
    to: d.to,
    severity: d.severity,
    message: d.message,
    source: d.code,
    markClass: `cm-story-lint-${d.code}`,
    actions,
  };
}

/** The lint diagnostics for `state`, from its parse. */
export function storyDiagnostics(state: EditorState): LintDiagnostic[] {
  return parsedStory(state).diagnostics.map(toLint);
}

/** The parser's diagnostics for the shell's problems list: offsets, lines, columns, fixes. */
export function problemsOf(state: EditorState): readonly Diagnostic[] {
  return parsedStory(state).diagnostics;
}

/**
 * Applies the first fix of the first problem at the cursor (or, failing that,
 * the first fixable problem on the cursor's line). False when there is none.
 */
export const applyFirstFix: Command = (view) => {
  const { state } = view;
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  const fixable = problemsOf(state).filter((d) => d.fixes?.length);
  const d =
    fixable.find((x) => x.from <= head && head <= x.to) ??
    fixable.find((x) => x.from <= line.to && x.to >= line.from);
  if (!d) return false;
  applyQuickFix(view, d.fixes![0]!);
  return true;
};

/** Lint marks, a lint gutter and the lint keys (Mod-Shift-m, F8), plus Mod-. for a fix. */
export function storyLint(): Extension {
  return [
    storyParse,
    linter((view) => storyDiagnostics(view.state), { delay: 150 }),
    lintGutter(),
    keymap.of([...lintKeymap, { key: 'Mod-.', run: applyFirstFix }]),
  ];
}
