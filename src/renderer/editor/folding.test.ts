import { foldable } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { storyFolding } from './folding';

const state = EditorState.create({ doc: referenceStory(), extensions: [storyFolding()] });
const lineOf = (text: string) => {
  for (let i = 1; i <= state.doc.lines; i++)
    if (state.doc.line(i).text === text) return state.doc.line(i);
  throw new Error(`no line ${text}`);
};
const foldOf = (text: string) => {
  const line = lineOf(text);
  return foldable(state, line.from, line.to);
};

describe('storyFolding', () => {
  test('a section folds from its heading to its last non-blank line', () => {
    const heading = lineOf('## Summary');
    const range = foldOf('## Summary')!;
    expect(range.from).toBe(heading.to);
    expect(state.doc.lineAt(range.to).text).toBe(
      "struck a Voronezh defence plant the same day. No leaders' summit has been scheduled.",
    );
    expect(range.to).toBe(state.doc.lineAt(range.to).to);
    expect(state.sliceDoc(range.to, range.to + 14)).toBe('\n\n## The split');
  });

  test('the takes section folds over all its lens groups', () => {
    const range = foldOf('## Regional takes (batched by bias / lens)')!;
    expect(state.doc.lineAt(range.to).text).toBe(
      '  Source: https://www.cnn.com/2025/07/23/europe/russia-ukraine-peace-talks-third-round-turkey-latam-intl',
    );
  });

  test('a lens group folds from its heading to its last take', () => {
    const heading = lineOf('### unlabelled');
    const range = foldOf('### unlabelled')!;
    expect(range.from).toBe(heading.to);
    expect(state.doc.lineAt(range.to).text).toBe(
      '  Source: https://www.dw.com/en/ukraine/t-19222146',
    );
    const last = foldOf('### US mainstream')!;
    expect(state.doc.lineAt(last.to).text).toMatch(/^ {2}Source: https:\/\/www\.cnn\.com/);
  });

  test('other lines do not fold', () => {
    expect(foldOf('## Across the graph')).not.toBeNull();
    expect(foldOf('- 314, people swapped in the earlier Abu Dhabi exchange.')).toBeNull();
    const title = state.doc.line(1);
    expect(foldable(state, title.from, title.to)).toBeNull();
  });

  test('front matter folds to its closing fence', () => {
    const doc = `---\nstatus: draft\nassignee: kim\n---\n${referenceStory()}`;
    const s = EditorState.create({ doc, extensions: [storyFolding()] });
    const range = foldable(s, 0, 3)!;
    expect(range).toEqual({ from: 3, to: doc.indexOf('\n# ') });
  });
});
