import { X } from 'lucide-react';

// A list of names as chips, each with its remove button (Heads, Entities).

export function ChipList({
  label,
  noun,
  items,
  empty,
  onRemove,
}: {
  /** The list's accessible name. */
  label: string;
  /** What one item is, for its remove button: “Remove {noun} {item}”. */
  noun: string;
  items: readonly string[];
  empty: string;
  onRemove(item: string): void;
}) {
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item} className="chip">
          {item}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${noun} ${item}`}
            title="Remove"
            onClick={() => onRemove(item)}
          >
            <X size={12} aria-hidden="true" />
          </button>
        </li>
      ))}
      {!items.length && <li className="muted small">{empty}</li>}
    </ul>
  );
}
