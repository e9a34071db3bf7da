import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { storyDecorations } from './highlight';
import { storyParse } from './parse-field';

const doc = referenceStory();
const state = EditorState.create({ doc, extensions: [storyParse] });

/** The classes of the marks (and line classes) over the first occurrence of `text` after `after`. */
function classesOf(text: string, after = '', ranges = [{ from: 0, to: doc.length }]) {
  const from = doc.indexOf(text, doc.indexOf(after) + after.length);
  const to = from + text.length;
  const found = new Set<string>();
  storyDecorations(state, ranges).between(0, doc.length, (f, t, deco) => {
    const cls = deco.spec.class as string | undefined;
    if (!cls) return;
    if (f === t ? f === state.doc.lineAt(from).from : f <= from && t >= to) found.add(cls);
  });
  return [...found].sort();
}

describe('storyHighlight decorations', () => {
  test('header: title, dek, Meta keys, values and counts', () => {
    expect(classesOf('Ukraine-Russia talks inch forward')).toContain('cm-story-title');
    expect(classesOf('Ukraine-Russia talks inch forward')).toContain('cm-story-title-line');
    expect(classesOf('After Abu Dhabi')).toContain('cm-story-dek');
    expect(classesOf('**Meta:**')).toContain('cm-story-meta-label');
    expect(classesOf('type:')).toContain('cm-story-meta-key');
    expect(classesOf('Who Decides')).toContain('cm-story-meta-value');
    expect(classesOf('13 takes')).toContain('cm-story-meta-count');
  });

  test('sections, lenses and takes field by field', () => {
    expect(classesOf('The split', '## ')).toContain('cm-story-heading');
    expect(classesOf('US mainstream', '### ')).toContain('cm-story-lens');
    expect(classesOf('Al Jazeera')).toContain('cm-story-outlet');
    expect(classesOf('Qatar')).toContain('cm-story-region');
    expect(classesOf('ru', 'Russia (exile), ')).toContain('cm-story-language');
    expect(classesOf('Reads the 2022-2026')).toContain('cm-story-summary');
    expect(classesOf('Four years of mediation')).toContain('cm-story-quote');
    expect(classesOf('Source:', '**TASS**')).toContain('cm-story-source-label');
    expect(classesOf('https://tass.com/politics')).toContain('cm-story-url');
  });

  test('links, related slugs, entity names, figures, inline bold and the footer', () => {
    expect(classesOf('Moscow')).toContain('cm-story-entity-link');
    expect(classesOf('front stalled')).toContain('cm-story-story-link');
    expect(classesOf('g7-evian-macron-ukraine-pivot')).toContain('cm-story-related');
    expect(classesOf('Vladimir Putin', '- Entities: ')).toContain('cm-story-entity-name');
    expect(classesOf('185-for-185', '- ')).toContain('cm-story-figure');
    expect(classesOf('territory on the agenda for the first time')).toContain('cm-story-strong');
    expect(classesOf('https://rbtfl.xyz/ja/n/ukraine-russia-geneva-territory-talks')).toContain(
      'cm-story-canonical',
    );
  });

  test('only the given ranges are decorated', () => {
    const summary = doc.indexOf('## Summary');
    const range = [{ from: 0, to: summary }];
    expect(classesOf('Ukraine-Russia talks inch forward', '', range)).toContain('cm-story-title');
    expect(classesOf('Moscow', '', range)).toEqual([]);
    let count = 0;
    storyDecorations(state, range).between(0, doc.length, (f) => {
      expect(f).toBeLessThan(summary);
      count++;
    });
    expect(count).toBeGreaterThan(10);
  });
});
