import { ArrowDown, ArrowUp } from 'lucide-react';

// The up and down buttons of a row that moves: a take, a lens group, a number.

export function MoveButtons({
  name,
  keys,
  action,
  first,
  last,
  onMove,
}: {
  /** What moves, in the buttons' names: “Move {name} up”. */
  name: string;
  /** Whether Alt+Up/Down in the row's fields does the same (the tooltips say so). */
  keys?: boolean;
  /** For focus requests: data-action `{action}-up` and `{action}-down`. */
  action?: string;
  /** Disables “up” (the row cannot go higher) and “down”. */
  first?: boolean;
  last?: boolean;
  onMove(step: -1 | 1): void;
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button small"
        aria-label={`Move ${name} up`}
        title={keys ? 'Move up (Alt+Up)' : 'Move up'}
        data-action={action && `${action}-up`}
        disabled={first}
        onClick={() => onMove(-1)}
      >
        <ArrowUp size={14} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button small"
        aria-label={`Move ${name} down`}
        title={keys ? 'Move down (Alt+Down)' : 'Move down'}
        data-action={action && `${action}-down`}
        disabled={last}
        onClick={() => onMove(1)}
      >
        <ArrowDown size={14} aria-hidden="true" />
      </button>
    </>
  );
}
