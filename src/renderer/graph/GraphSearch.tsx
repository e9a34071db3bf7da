import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Search } from 'lucide-react';
import type { ViewGraph } from './graph-data';
import { KIND_LABELS, swatchClass } from './palette';

// Find a node by name: a combobox whose suggestions are the graph's labels
// (accents and case ignored, prefix matches first, heavier nodes first).
// Choosing one focuses the camera on it and opens its panel.

export function GraphSearch({
  graph,
  onChoose,
  label = 'Find in graph',
}: {
  graph: ViewGraph | null;
  onChoose(id: string): void;
  label?: string;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(() => (graph ? graph.search(text) : []), [graph, text]);
  const expanded = open && results.length > 0;

  const choose = (i: number) => {
    const node = results[i];
    if (!node) return;
    setText(node.label);
    setOpen(false);
    onChoose(node.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') choose(expanded ? active : 0);
    else if (e.key === 'Escape' && expanded) setOpen(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="graph-search">
      <Search size={14} aria-hidden="true" className="graph-search-icon" />
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder="Find a person, place, story…"
        value={text}
        disabled={!graph}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching nodes"
        className="graph-suggestions"
        hidden={!expanded}
      >
        {results.map((node, i) => (
          <li
            key={node.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            <span className={swatchClass('kind', node.kind)} aria-hidden="true" />
            <span className="graph-suggestion-label">{node.label}</span>
            <span className="graph-suggestion-kind">{KIND_LABELS[node.kind]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
