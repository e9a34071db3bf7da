import { history, undo, undoDepth } from '@codemirror/commands';
import { EditorState, Text } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { formEdit, formTransaction, narrowChange } from './form-transaction';

describe('narrowChange', () => {
  const doc = Text.of(['- **Reuters** (Global, en) — old summary']);
  test('keeps only what differs', () => {
    const line = doc.line(1);
    const change = narrowChange(doc, {
      from: line.from,
      to: line.to,
      insert: '- **Reuters** (Global, en) — old summary!',
    });
    expect(change).toEqual({ from: line.to, to: line.to, insert: '!' });
  });
  test('a change that changes nothing is null', () => {
    expect(narrowChange(doc, { from: 2, to: 5, insert: doc.sliceString(2, 5) })).toBeNull();
  });
  test('a replacement in the middle', () => {
    const text = doc.toString();
    const at = text.indexOf('Global');
    const c = narrowChange(doc, {
      from: 0,
      to: doc.length,
      insert: text.replace('Global', 'France'),
    })!;
    expect(c.from).toBe(at);
    expect(c.insert).toBe('France');
    expect(c.to).toBe(at + 6);
  });
});

describe('formTransaction', () => {
  const base = () => EditorState.create({ doc: 'Summary: abc', extensions: [history()] });

  test('is one input.form transaction, marked, without scrolling', () => {
    const state = base();
    const spec = formTransaction(state, [
      { from: 0, to: state.doc.length, insert: 'Summary: abcd' },
    ])!;
    const tr = state.update(spec);
    expect(tr.isUserEvent('input.form')).toBe(true);
    expect(tr.annotation(formEdit)).toBe(true);
    expect(tr.scrollIntoView).toBe(false);
    expect(tr.newDoc.toString()).toBe('Summary: abcd');
  });

  test('nothing to change is null', () => {
    const state = base();
    expect(formTransaction(state, [{ from: 0, to: 3, insert: 'Sum' }])).toBeNull();
  });

  test('keystrokes that join make one undo step; the first one starts it', () => {
    let state = base();
    const type = (ch: string, join: boolean) => {
      const end = state.doc.length;
      state = state.update(
        formTransaction(state, [{ from: end, to: end, insert: ch }], { join })!,
      ).state;
    };
    type('d', false);
    type('e', true);
    type('f', true);
    expect(state.doc.toString()).toBe('Summary: abcdef');
    expect(undoDepth(state)).toBe(1);
    let undone = state;
    undo({ state, dispatch: (tr) => (undone = tr.state) });
    expect(undone.doc.toString()).toBe('Summary: abc');
  });

  test('edits that do not join are undone one by one', () => {
    let state = base();
    for (const ch of ['d', 'e']) {
      const end = state.doc.length;
      state = state.update(formTransaction(state, [{ from: end, to: end, insert: ch }])!).state;
    }
    expect(undoDepth(state)).toBe(2);
  });

  test('select puts the selection in the new text', () => {
    const state = base();
    const spec = formTransaction(state, [{ from: 0, to: 0, insert: 'X' }], {
      select: { from: 1, to: 4 },
    })!;
    const next = state.update(spec).state;
    expect(next.selection.main.from).toBe(1);
    expect(next.selection.main.to).toBe(4);
  });
});
