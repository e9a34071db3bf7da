import {
  Annotation,
  EditorSelection,
  type EditorState,
  type Text,
  type TransactionSpec,
} from '@codemirror/state';
import type { TextChange } from '../../shared/story';

// A form edit as the one CodeMirror transaction that carries it. The edit
// core returns changes over whole fields or lines; here each is narrowed to
// what actually differs, so the editor's caret and marks map through them,
// the history sees adjacent keystrokes as adjacent, and the preview patches
// only what changed.

/** Marks every transaction that came from a form. */
export const formEdit = Annotation.define<true>();

/** How long after a form keystroke the next one in the same field joins its undo step. */
export const JOIN_MS = 500;

/** `change` narrowed to the span that differs from `doc`; null when it changes nothing. */
export function narrowChange(doc: Text, change: TextChange): TextChange | null {
  const old = doc.sliceString(change.from, change.to);
  const insert = change.insert;
  if (old === insert) return null;
  let start = 0;
  const max = Math.min(old.length, insert.length);
  while (start < max && old.charCodeAt(start) === insert.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = insert.length;
  while (
    endOld > start &&
    endNew > start &&
    old.charCodeAt(endOld - 1) === insert.charCodeAt(endNew - 1)
  ) {
    endOld--;
    endNew--;
  }
  return {
    from: change.from + start,
    to: change.from + endOld,
    insert: insert.slice(start, endNew),
  };
}

export interface FormTransactionOptions {
  /** Where to put the editor's selection afterwards, in the new text. */
  select?: { from: number; to: number };
  /**
   * The keystroke continues the previous form edit (same field, moments
   * later): it carries no userEvent, which lets CodeMirror's history join it
   * to that edit's undo step (only `input.type*`, `delete*` and unlabelled
   * transactions join; `input.type` would also open the editor's completion).
   */
  join?: boolean;
}

/** The transaction of a form edit on `state`, or null when it changes nothing. */
export function formTransaction(
  state: EditorState,
  changes: readonly TextChange[],
  options: FormTransactionOptions = {},
): TransactionSpec | null {
  const narrowed: TextChange[] = [];
  for (const c of changes) {
    const n = narrowChange(state.doc, c);
    if (n) narrowed.push(n);
  }
  if (!narrowed.length) return null;
  const spec: TransactionSpec = {
    changes: narrowed,
    annotations: formEdit.of(true),
    scrollIntoView: false,
  };
  if (!options.join) spec.userEvent = 'input.form';
  if (options.select) {
    const len = state.changes(narrowed).newLength;
    const clamp = (n: number) => Math.max(0, Math.min(n, len));
    spec.selection = EditorSelection.single(clamp(options.select.from), clamp(options.select.to));
  }
  return spec;
}
