import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { applyChanges, parseStory } from '../../shared/story';
import { updateTakeField } from '../../shared/forms';
import { composeOps } from './compose';
import { takeGroups } from './takes-model';

const parsed = parseStory(referenceStory());

describe('takeGroups', () => {
  test('lens groups in text order with their takes and positions', () => {
    const groups = takeGroups(parsed);
    expect(groups.map((g) => [g.lens, g.takes.length])).toEqual([
      ['unlabelled', 11],
      ['Central-European analytical', 1],
      ['US mainstream', 1],
    ]);
    expect(groups[1]!.takes[0]).toMatchObject({ index: 11, group: 1, position: 0 });
    expect(groups[0]!.takes.every((t) => t.diagnostics.length === 0)).toBe(true);
  });
});

describe('composeOps', () => {
  const text = referenceStory();
  test('several field edits become one change', () => {
    const op = composeOps(
      (p, t) => updateTakeField(p, t, 4, 'outlet', 'TASS'),
      (p, t) => updateTakeField(p, t, 4, 'region', 'Russia'),
      (p, t) => updateTakeField(p, t, 4, 'language', 'ru'),
    );
    const result = op(parsed, text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes).toHaveLength(1);
    const next = applyChanges(text, result.changes);
    expect(next).toContain(
      '- **TASS** (Russia, ru) — \n  Source: https://www.reuters.com/world/europe/',
    );
    // The Meta line's regions count is unchanged: Global is still used, Russia already was.
    expect(parseStory(next).diagnostics).toEqual([]);
  });
  test('the first refusal stops it, with its problems', () => {
    const op = composeOps(
      (p, t) => updateTakeField(p, t, 4, 'outlet', ''),
      (p, t) => updateTakeField(p, t, 4, 'region', 'Russia'),
    );
    const result = op(parsed, text);
    expect(result.ok).toBe(false);
  });
});
