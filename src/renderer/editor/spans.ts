import type { Span } from '../../shared/story';

// Lookups over the parse's fact lists. Each list is in text order and its
// items do not overlap, so their ends are ordered too and a binary search
// finds the first item that reaches a position: O(log n) per lookup, never a
// scan of a 300-take story on every keystroke.

/** Index of the first item whose span ends at or after `pos` (items.length if none). */
export function firstReaching<T>(
  items: readonly T[],
  pos: number,
  span: (item: T) => Span,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (span(items[mid]!).to < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The item whose span holds `pos`, ends included (a cursor right after a link is on it). */
export function itemAt<T>(
  items: readonly T[],
  pos: number,
  span: (item: T) => Span,
): T | undefined {
  const item = items[firstReaching(items, pos, span)];
  return item && span(item).from <= pos ? item : undefined;
}

/** Calls `f` for every item whose span meets [from, to]. */
export function eachBetween<T>(
  items: readonly T[],
  from: number,
  to: number,
  span: (item: T) => Span,
  f: (item: T) => void,
) {
  for (let i = firstReaching(items, from, span); i < items.length; i++) {
    const item = items[i]!;
    if (span(item).from > to) break;
    f(item);
  }
}
