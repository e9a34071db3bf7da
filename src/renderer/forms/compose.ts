import { applyChanges, parseStory } from '../../shared/story';
import type { FormOp } from './types';

// Several form operations as one edit: each runs on the text the previous one
// left, and the whole is handed back as the one change from the first text to
// the last, so it is one transaction and one undo step (picking a known outlet
// writes its region and language too).

export function composeOps(...ops: FormOp[]): FormOp {
  return (parsed, text) => {
    let current = text;
    let currentParse = parsed;
    let select: { from: number; to: number } | undefined;
    for (const op of ops) {
      const result = op(currentParse, current);
      if (!result.ok) return result;
      current = applyChanges(current, result.changes);
      currentParse = parseStory(current);
      select = result.select;
    }
    if (current === text) return { ok: true, changes: [] };
    let start = 0;
    const max = Math.min(text.length, current.length);
    while (start < max && text.charCodeAt(start) === current.charCodeAt(start)) start++;
    let endOld = text.length;
    let endNew = current.length;
    while (
      endOld > start &&
      endNew > start &&
      text.charCodeAt(endOld - 1) === current.charCodeAt(endNew - 1)
    ) {
      endOld--;
      endNew--;
    }
    return {
      ok: true,
      changes: [{ from: start, to: endOld, insert: current.slice(start, endNew) }],
      select,
    };
  };
}
