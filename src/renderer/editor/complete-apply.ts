import { pickedCompletion, type Completion } from '@codemirror/autocomplete';
import type { TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

// Completions here replace more than the typed word (a whole link, a
// bracket that closeBrackets added, a take's empty region), so each computes
// its change from the state at the moment it is picked, not from the
// positions it was offered at.

/** Only what an apply function touches: tests pass a state holder instead of a view. */
export type Dispatcher = Pick<EditorView, 'state' | 'dispatch'>;

export function dispatchPick(view: Dispatcher, completion: Completion, spec: TransactionSpec) {
  view.dispatch({
    ...spec,
    annotations: pickedCompletion.of(completion),
    userEvent: 'input.complete',
    scrollIntoView: true,
  });
}

/** Length of the run of characters from the start of `text` that are not in `stops`. */
export function runLength(text: string, stops: RegExp): number {
  const m = stops.exec(text);
  return m ? m.index : text.length;
}
