import { EditorState } from '@codemirror/state';
import { describe, expect, test, vi } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { storyParse } from '../editor';
import { ActiveStory } from './active-story';

const state = (doc = referenceStory()) => EditorState.create({ doc, extensions: [storyParse] });

describe('ActiveStory', () => {
  test('with no subscriber, a change builds nothing', () => {
    const store = new ActiveStory();
    const s = state();
    const spy = vi.spyOn(s, 'field');
    store.set('tab-1', s);
    expect(spy).not.toHaveBeenCalled();
    expect(store.subscribers).toBe(0);
  });

  test('the snapshot is the same object until the state changes, and reads the editor parse', () => {
    const store = new ActiveStory();
    const s = state();
    store.set('tab-1', s);
    const a = store.getSnapshot();
    expect(a).toBe(store.getSnapshot());
    expect(a!.parsed).toBe(s.field(storyParse));
    expect(a!.text()).toBe(referenceStory());
    const next = s.update({ changes: { from: 0, to: 1, insert: '#' } }).state;
    store.set('tab-1', next);
    const b = store.getSnapshot();
    expect(b).not.toBe(a);
    expect(b!.state).toBe(next);
  });

  test('tells subscribers of each new state, once, and stops when they leave', () => {
    const store = new ActiveStory();
    const listener = vi.fn();
    const leave = store.subscribe(listener);
    const s = state();
    store.set('tab-1', s);
    store.set('tab-1', s);
    expect(listener).toHaveBeenCalledTimes(1);
    store.set('tab-2', s);
    expect(listener).toHaveBeenCalledTimes(2);
    leave();
    store.set('tab-1', state('# other'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  test('no active tab is a null snapshot', () => {
    const store = new ActiveStory();
    expect(store.getSnapshot()).toBeNull();
    store.set('tab-1', state());
    store.set(null, null);
    expect(store.getSnapshot()).toBeNull();
  });
});
