import { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, test, vi } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { storyEditorConfig } from './config';
import { linkAt, openLinkAtCursor } from './links';
import { storyParse } from './parse-field';

const doc = referenceStory();
const onOpenEntity = vi.fn();
const onOpenStory = vi.fn();
const stateAt = (anchor: number) =>
  EditorState.create({
    doc,
    selection: { anchor },
    extensions: [
      storyParse,
      storyEditorConfig.of({
        entities: () => [{ slug: 'russia', name: 'Russia', aliases: ['Moscow'], kind: 'country' }],
        onOpenEntity,
        onOpenStory,
      }),
    ],
  });
const state = stateAt(0);

describe('link targets', () => {
  test('entity links, story links and related slugs, ends included', () => {
    const moscow = doc.indexOf('[Moscow]');
    expect(linkAt(state, moscow + 3)).toMatchObject({
      kind: 'entity',
      slug: 'russia',
      from: moscow,
    });
    const end = doc.indexOf(')', moscow) + 1;
    expect(linkAt(state, end)).toMatchObject({ kind: 'entity', slug: 'russia', to: end });
    expect(linkAt(state, doc.indexOf('front stalled'))).toMatchObject({
      kind: 'story',
      slug: 'putin-ukraine-deep-strikes-summer',
    });
    const related = doc.indexOf('[[g7-evian');
    expect(linkAt(state, related + 1)).toEqual({
      kind: 'story',
      slug: 'g7-evian-macron-ukraine-pivot',
      from: related,
      to: related + '[[g7-evian-macron-ukraine-pivot]]'.length,
    });
    expect(linkAt(state, doc.indexOf('reads the negotiating'))).toBeNull();
  });

  test('Entities-line names resolve through the desk entities', () => {
    const line = doc.indexOf('- Entities: ');
    expect(linkAt(state, doc.indexOf('Russia,', line) + 2)).toMatchObject({
      kind: 'entity',
      slug: 'russia',
    });
    expect(linkAt(state, doc.indexOf('Ukraine,', line) + 2)).toBeNull();
  });

  test('Mod-Enter opens the link under the cursor, and falls through elsewhere', () => {
    const run = (anchor: number) => openLinkAtCursor({ state: stateAt(anchor) } as EditorView);
    expect(run(doc.indexOf('[[putin-zelensky') + 4)).toBe(true);
    expect(onOpenStory).toHaveBeenCalledWith('putin-zelensky-talks-rebuff');
    expect(run(doc.indexOf('[Kyiv]') + 2)).toBe(true);
    expect(onOpenEntity).toHaveBeenCalledWith('ukraine');
    expect(run(5)).toBe(false);
  });
});
