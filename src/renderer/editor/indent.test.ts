import { insertNewlineAndIndent } from '@codemirror/commands';
import { EditorState, type Transaction } from '@codemirror/state';
import { expect, test } from 'vitest';
import { storyIndentation } from './indent';

function enterAt(doc: string, anchor: string) {
  let state = EditorState.create({
    doc,
    selection: { anchor: doc.indexOf(anchor) + anchor.length },
    extensions: [storyIndentation()],
  });
  insertNewlineAndIndent({ state, dispatch: (tr: Transaction) => (state = tr.state) });
  return state.doc.lineAt(state.selection.main.head).text;
}

test('Enter indents for a quote or source under a take head, and not after a Source line', () => {
  const doc =
    '### unlabelled\n- **Reuters** (Global, en) — Summary.\n  > "Quote."\n  Source: https://x.org/\n';
  expect(enterAt(doc, 'Summary.')).toBe('  ');
  expect(enterAt(doc, '"Quote."')).toBe('  ');
  expect(enterAt(doc, 'https://x.org/')).toBe('');
  expect(enterAt(doc, '### unlabelled')).toBe('');
});
