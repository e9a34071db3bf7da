import { useCallback, useSyncExternalStore } from 'react';
import { parsedStory } from '../editor';
import { useWb } from '../workbench/ui';
import { useWorkbench } from '../workbench/store';
import type { StorySnapshot } from './active-story';
import type { FieldProblem, FormOp } from './types';

// The two hooks every form panel is made of: the story to show, and the way
// to change it.

/** The active story; re-renders the caller on every change of it. Mount only while on screen. */
export function useStorySnapshot(): StorySnapshot | null {
  const wb = useWb();
  return useSyncExternalStore(wb.story.subscribe, wb.story.getSnapshot);
}

export interface ApplyOptions {
  /** The form field a keystroke came from (joins a run of keystrokes into one undo step). */
  field?: string;
  /** Move the editor's selection to what the edit returns as `select`. */
  select?: boolean;
}

export type ApplyForm = (op: FormOp, options?: ApplyOptions) => FieldProblem[] | null;

const READ_ONLY: FieldProblem[] = [
  {
    field: '',
    code: 'read-only',
    severity: 'error',
    message: 'This desk was written by a newer StoryDesk: it can be read here, not changed.',
  },
];

/**
 * Runs a form operation on the active tab's current text (not the render's:
 * a keystroke may be ahead of it) and applies it as one editor transaction.
 * Returns the problems when the operation refuses, and writes nothing then.
 */
export function useApplyForm(): ApplyForm {
  const wb = useWb();
  return useCallback(
    (op, options = {}) => {
      if (useWorkbench.getState().desk?.readOnly) return READ_ONLY;
      const state = wb.activeState();
      if (!state) return null;
      let result;
      try {
        result = op(parsedStory(state), state.doc.toString());
      } catch (error) {
        // An index or position from a render the text has since moved past.
        return [
          {
            field: '',
            code: 'stale',
            severity: 'error',
            message: `The text changed meanwhile; try again. (${error instanceof Error ? error.message : String(error)})`,
          },
        ];
      }
      if (!result.ok) return result.problems;
      wb.host.applyForm(result.changes, {
        field: options.field,
        select: options.select ? result.select : undefined,
      });
      return null;
    },
    [wb],
  );
}
