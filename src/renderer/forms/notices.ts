import { toast } from '../workbench/store';
import type { FieldProblem } from './types';

// What a form action with no field of its own (a move, a removal, a one-click
// fix) says about itself: why it was refused, or how to take it back.

/** Says in a warning why an edit was refused (its first problem); returns whether it was. */
export function refused(
  problems: FieldProblem[] | null,
  title: string,
): problems is FieldProblem[] {
  if (!problems) return false;
  toast({ kind: 'warning', title, detail: problems[0]?.message });
  return true;
}

/** Says that a removal went through and how to bring it back. */
export function removed(title: string): void {
  toast({ kind: 'info', title, detail: 'Ctrl-Z in the editor brings it back.', timeout: 6000 });
}
