import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Info, Plus, Trash2 } from 'lucide-react';
import { addNumber, moveNumber, numberMarks, removeNumber, updateNumber } from '../../shared/forms';
import { useWb } from '../workbench/ui';
import type { StorySnapshot } from './active-story';
import { Problems, TextField, type Note } from './Field';
import { MoveButtons } from './MoveButtons';
import { refused, removed } from './notices';
import { useApplyForm, type ApplyForm } from './use-story';
import type { FieldProblem } from './types';
import './forms.css';

// The Numbers panel: "By the numbers" as a list of Figure and Note pairs, and
// two kinds of info marks that keep it honest: a listed figure the prose never
// mentions, and a number in the prose the list does not carry.

export function NumbersPanel({ snap }: { snap: StorySnapshot }) {
  const wb = useWb();
  const apply = useApplyForm();
  const root = useRef<HTMLDivElement>(null);
  const focus = useRef<string | null>(null);
  const { facts, diagnostics } = snap.parsed;
  const marks = useMemo(() => numberMarks(snap.parsed, snap.text()), [snap]);
  const unused = new Set(marks.unusedFigures.map((u) => u.index));

  useLayoutEffect(() => {
    const selector = focus.current;
    focus.current = null;
    if (selector) root.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const move = (index: number, to: number, field: string) => {
    if (to < 0 || to >= facts.numbers.length) return;
    const problems = apply((p, t) => moveNumber(p, t, index, to));
    if (refused(problems, 'The number was not moved')) return;
    focus.current = `[data-number="${to}"] [data-field="${field}"]`;
  };
  const remove = (index: number, figure: string) => {
    const problems = apply((p, t) => removeNumber(p, t, index));
    if (refused(problems, 'The number was not removed')) return;
    removed(`Removed “${figure}”`);
    focus.current = `[data-number="${index}"] [data-field="figure"], [data-number="${index - 1}"] [data-field="figure"], #number-new-figure`;
  };

  return (
    <div className="forms-panel" ref={root}>
      <h3 className="forms-subhead">By the numbers</h3>
      {facts.numbers.length === 0 && <p className="forms-empty">No numbers yet.</p>}
      <ol className="number-list" aria-label="Numbers">
        {facts.numbers.map((n) => (
          <NumberRow
            key={n.index}
            index={n.index}
            count={facts.numbers.length}
            figure={n.figure}
            note={n.note}
            unused={unused.has(n.index)}
            notes={diagnostics
              .filter((d) => d.from >= n.span.from && d.from <= n.span.to)
              .map((d) => d.message)
              .join('\n')}
            apply={apply}
            onMove={move}
            onRemove={remove}
            onReveal={() => wb.reveal(n.span.from)}
          />
        ))}
      </ol>
      <NewNumber apply={apply} onAdded={() => (focus.current = '#number-new-figure')} />
      {marks.unlistedNumbers.length > 0 && (
        <section className="marks" aria-labelledby="unlisted-title">
          <h3 id="unlisted-title" className="forms-subhead">
            In the prose, not in the list
          </h3>
          <ul className="mark-list">
            {marks.unlistedNumbers.map((m) => (
              <li key={`${m.from}`} className="mark">
                <Info size={14} aria-hidden="true" className="mark-icon" />
                <span className="mark-text">{m.text}</span>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Add ${m.text} to the list`}
                  onClick={() => {
                    const problems = apply((p, t) => addNumber(p, t, { figure: m.text, note: '' }));
                    if (!refused(problems, `“${m.text}” was not added`))
                      focus.current = `[data-number="${facts.numbers.length}"] [data-field="note"]`;
                  }}
                >
                  Add to list
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Show ${m.text} in the prose`}
                  onClick={() => wb.reveal(m.from)}
                >
                  Show
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

interface RowProps {
  index: number;
  count: number;
  figure: string;
  note: string;
  unused: boolean;
  notes: string;
  apply: ApplyForm;
  onMove(index: number, to: number, field: string): void;
  onRemove(index: number, figure: string): void;
  onReveal(): void;
}

const NumberRow = memo(function NumberRow(props: RowProps) {
  const { index, apply } = props;
  const notes: Note[] = props.notes
    ? props.notes.split('\n').map((message) => ({ severity: 'warning', message }))
    : [];
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const field = (e.target as HTMLElement).dataset.field ?? 'figure';
    props.onMove(index, index + (e.key === 'ArrowUp' ? -1 : 1), field);
  };
  return (
    <li className="number-row" data-number={index} onKeyDown={onKeyDown}>
      <div
        role="group"
        aria-label={`Number ${index + 1}: ${props.figure}`}
        className="number-fields"
      >
        <TextField
          id={`number-${index}-figure`}
          label="Figure"
          field="figure"
          className="ff-figure"
          value={props.figure}
          notes={notes}
          onCommit={(v) =>
            apply((p, t) => updateNumber(p, t, index, 'figure', v), {
              field: `number:${index}:figure`,
            })
          }
        />
        <TextField
          id={`number-${index}-note`}
          label="Note"
          field="note"
          multiline
          className="ff-note-field"
          value={props.note}
          onCommit={(v) =>
            apply((p, t) => updateNumber(p, t, index, 'note', v), {
              field: `number:${index}:note`,
            })
          }
        />
        <div className="row-tools">
          <MoveButtons
            name={`number ${index + 1}`}
            keys
            first={index === 0}
            last={index === props.count - 1}
            onMove={(step) => props.onMove(index, index + step, 'figure')}
          />
          <button
            type="button"
            className="icon-button small danger"
            aria-label={`Remove number ${index + 1}`}
            title="Remove"
            onClick={() => props.onRemove(index, props.figure)}
          >
            <Trash2 size={14} aria-hidden="true" />
          </button>
        </div>
      </div>
      {props.unused && (
        <p className="mark is-inline">
          <Info size={14} aria-hidden="true" className="mark-icon" />
          <span className="mark-text">“{props.figure}” appears nowhere in the prose.</span>
          <button type="button" className="text-button" onClick={props.onReveal}>
            Show in text
          </button>
        </p>
      )}
    </li>
  );
});

function NewNumber({ apply, onAdded }: { apply: ApplyForm; onAdded(): void }) {
  const [figure, setFigure] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = () => {
    const found = apply((p, t) => addNumber(p, t, { figure: figure.trim(), note: note.trim() }), {
      select: true,
    });
    if (found) return setProblems(found);
    setFigure('');
    setNote('');
    setProblems([]);
    onAdded();
  };
  return (
    <form
      className="new-item"
      aria-label="New number"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="number-fields">
        <div className="ff ff-figure">
          <label htmlFor="number-new-figure" className="ff-label">
            Figure
          </label>
          <input
            id="number-new-figure"
            className="ff-input"
            value={figure}
            autoComplete="off"
            placeholder="e.g. 1,250"
            aria-invalid={problems.some((p) => p.field === 'figure') || undefined}
            aria-describedby={problems.length ? 'number-new-notes' : undefined}
            onChange={(e) => setFigure(e.target.value)}
          />
        </div>
        <div className="ff ff-note-field">
          <label htmlFor="number-new-note" className="ff-label">
            Note
          </label>
          <input
            id="number-new-note"
            className="ff-input"
            value={note}
            autoComplete="off"
            placeholder="what it counts"
            aria-describedby={problems.length ? 'number-new-notes' : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="row-tools">
          <button type="submit" className="button small primary" disabled={!figure.trim()}>
            <Plus size={14} aria-hidden="true" />
            Add number
          </button>
        </div>
      </div>
      <Problems id="number-new-notes" problems={problems} />
    </form>
  );
}
