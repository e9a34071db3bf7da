import { history, undo } from '@codemirror/commands';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { applyChanges, parseStory } from '../../shared/story';
import { applyFirstFix, problemsOf, storyDiagnostics } from './lint';
import { storyParse } from './parse-field';

/** The reference with its Meta line claiming 12 takes instead of 13. */
const MISCOUNTED = referenceStory().replace('13 takes', '12 takes');

/** A state holder that stands in for the view: actions only read state and dispatch. */
function holder(doc: string, anchor = 0) {
  let state = EditorState.create({
    doc,
    selection: { anchor },
    extensions: [storyParse, history()],
  });
  return {
    get state() {
      return state;
    },
    dispatch(spec: TransactionSpec) {
      state = state.update(spec).state;
    },
  };
}

describe('storyLint', () => {
  test('lint diagnostics are the parser diagnostics, from the field, with severities', () => {
    const state = EditorState.create({ doc: MISCOUNTED, extensions: [storyParse] });
    const lint = storyDiagnostics(state);
    const parsed = state.field(storyParse).diagnostics;
    expect(lint).toHaveLength(parsed.length);
    const d = lint.find((x) => x.source === 'meta-count-mismatch')!;
    expect(d.severity).toBe('error');
    expect(state.sliceDoc(d.from, d.to)).toBe('12 takes');
    expect(d.actions!.map((a) => a.name)).toEqual(['Recount the Meta line']);
    expect(
      storyDiagnostics(EditorState.create({ doc: referenceStory(), extensions: [storyParse] })),
    ).toEqual([]);
  });

  test('a fix action applies exactly the parser fix, as one undo step', () => {
    const view = holder(MISCOUNTED);
    const d = storyDiagnostics(view.state).find((x) => x.source === 'meta-count-mismatch')!;
    const fix = parseStory(MISCOUNTED).diagnostics.find((x) => x.code === 'meta-count-mismatch')!
      .fixes![0]!;
    d.actions![0]!.apply(view as unknown as EditorView, d.from, d.to);
    expect(view.state.doc.toString()).toBe(applyChanges(MISCOUNTED, fix.changes));
    expect(view.state.doc.toString()).toBe(referenceStory());
    expect(problemsOf(view.state)).toEqual([]);
    undo(view);
    expect(view.state.doc.toString()).toBe(MISCOUNTED);
  });

  test('an action still applies the right fix after edits moved its diagnostic', () => {
    const view = holder(MISCOUNTED);
    const d = storyDiagnostics(view.state).find((x) => x.source === 'meta-count-mismatch')!;
    // Typing in the headline shifts everything after it; lint maps the mark's range.
    view.dispatch({ changes: { from: 2, insert: 'Breaking: ' } });
    d.actions![0]!.apply(view as unknown as EditorView, d.from + 10, d.to + 10);
    expect(view.state.doc.toString()).toBe(referenceStory().replace('# ', '# Breaking: '));
  });

  test('a quote-line fix and applyFirstFix on the cursor line', () => {
    const broken = referenceStory().replace('  > "Four years', '  >"Four years');
    const line = broken.indexOf('  >"Four years');
    const view = holder(broken, line + 5);
    const problem = problemsOf(view.state).find((d) => d.code === 'take-malformed')!;
    expect(problem.line).toBe(broken.slice(0, line).split('\n').length);
    expect(problem.severity).toBe('warning');
    expect(applyFirstFix(view as unknown as EditorView)).toBe(true);
    expect(view.state.doc.toString()).toBe(applyChanges(broken, problem.fixes![0]!.changes));
    expect(view.state.doc.toString()).toBe(referenceStory());
    expect(applyFirstFix(view as unknown as EditorView)).toBe(false);
  });
});
