import type { ParseResult, TextChange } from '../../shared/story';

// The shapes the form panels rely on from the edit core (src/shared/forms),
// written structurally so the panels state what they need and nothing more.

export interface FieldProblem {
  field: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export type FormEditResult =
  | { ok: true; changes: TextChange[]; select?: { from: number; to: number } }
  | { ok: false; problems: FieldProblem[] };

/** An edit computed on the text as it is when it runs. */
export type FormOp = (parsed: ParseResult, text: string) => FormEditResult;
