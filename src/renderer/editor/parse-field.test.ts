import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { parsedStory, storyParse } from './parse-field';

describe('storyParse', () => {
  test('holds the parse of the document and follows its changes', () => {
    const state = EditorState.create({ doc: referenceStory(), extensions: [storyParse] });
    const first = state.field(storyParse);
    expect(first.facts.takes).toHaveLength(13);
    expect(first.diagnostics).toEqual([]);

    const title = first.facts.title!;
    const next = state.update({
      changes: { from: title.from, to: title.to, insert: 'New headline' },
    }).state;
    expect(next.field(storyParse).story.title).toBe('New headline');
    expect(parsedStory(next)).toBe(next.field(storyParse));
  });

  test('keeps the same parse when only the selection moves', () => {
    const state = EditorState.create({ doc: referenceStory(), extensions: [storyParse] });
    const next = state.update({ selection: { anchor: 10 } }).state;
    expect(next.field(storyParse)).toBe(state.field(storyParse));
  });

  test('parsedStory works without the field, by parsing on the spot', () => {
    const state = EditorState.create({ doc: referenceStory() });
    expect(parsedStory(state).facts.sections).toHaveLength(7);
  });
});
