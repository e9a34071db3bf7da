import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyChanges } from '../story';
import { mapPos, minimalChange, removeBlock, removeLines } from './text';

describe('minimalChange', () => {
  test('leaves the common start and end alone', () => {
    expect(minimalChange(10, 'a, b, c', 'a, x, c')).toEqual({ from: 13, to: 14, insert: 'x' });
    expect(minimalChange(0, 'same', 'same')).toBeNull();
  });

  test('never splits a surrogate pair', () => {
    // 😀 and 😃 share their high surrogate.
    const change = minimalChange(0, 'a😀b', 'a😃b')!;
    expect(change).toEqual({ from: 1, to: 3, insert: '😃' });
  });

  test('applied, it always gives the new string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const c = minimalChange(0, a, b);
        expect(c ? applyChanges(a, [c]) : a).toBe(b);
        if (c) expect(c.insert.length + a.length - (c.to - c.from)).toBe(b.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('line and block removal', () => {
  test('lines go with the newline after them, or before at the end of the text', () => {
    expect(applyChanges('a\nb\nc', [removeLines('a\nb\nc', 2, 3)])).toBe('a\nc');
    expect(applyChanges('a\nb\nc', [removeLines('a\nb\nc', 4, 5)])).toBe('a\nb');
  });

  test('a block goes with the blank lines after it, or before at the end of the text', () => {
    const text = 'A\n\nB\nb\n\nC\n';
    expect(applyChanges(text, [removeBlock(text, { from: 3, to: 6 })])).toBe('A\n\nC\n');
    expect(applyChanges(text, [removeBlock(text, { from: 8, to: 9 })])).toBe('A\n\nB\nb\n');
  });
});

describe('mapPos', () => {
  test('shifts by the changes before a position, and lands at the end of one around it', () => {
    const changes = [
      { from: 0, to: 1, insert: 'xyz' },
      { from: 5, to: 8, insert: '' },
    ];
    expect(mapPos(changes, 3)).toBe(5);
    expect(mapPos(changes, 6)).toBe(7);
    expect(mapPos(changes, 9)).toBe(8);
  });
});
