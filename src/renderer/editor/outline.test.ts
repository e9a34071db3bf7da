import { EditorState } from '@codemirror/state';
import { expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { outlineOf } from './outline';
import { storyParse } from './parse-field';

test('the outline of the reference story: 7 sections, 3 lens groups inside the takes', () => {
  const doc = referenceStory();
  const state = EditorState.create({ doc, extensions: [storyParse] });
  const outline = outlineOf(state);
  expect(outline.map((o) => [o.level, o.label])).toEqual([
    [2, 'Summary'],
    [2, 'The split'],
    [2, 'By the numbers'],
    [2, 'Why it matters'],
    [2, 'What to watch'],
    [2, 'Regional takes (batched by bias / lens)'],
    [3, 'unlabelled'],
    [3, 'Central-European analytical'],
    [3, 'US mainstream'],
    [2, 'Across the graph'],
  ]);
  for (const item of outline) {
    const line = state.doc.lineAt(item.from);
    expect(line.from).toBe(item.from);
    expect(line.text).toBe(`${'#'.repeat(item.level)} ${item.label}`);
  }
});
