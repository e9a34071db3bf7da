import {
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { FieldProblem } from './types';

// One text field bound to the story. It shows the model's value, and while
// the user types it shows what they typed: a keystroke goes straight to the
// text (one transaction), the model comes back equal, and the input is left
// alone, so its caret never moves. When the edit core refuses a value (a
// figure holding ", ", an empty outlet), the field keeps the typed text, says
// why under it and writes nothing until the value can be written.

export interface Note {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface TextFieldProps {
  id: string;
  label: string;
  /** The model's value. */
  value: string;
  /** Writes `value`; returns the problems when it cannot be written. */
  onCommit(value: string): FieldProblem[] | null;
  /** The parser's diagnostics on this field, shown like the edit core's problems. */
  notes?: readonly Note[];
  /** Id of a <datalist> of suggestions. */
  list?: string;
  /** Wraps long text (Enter still does not make a new line: the format has none there). */
  multiline?: boolean;
  type?: 'text' | 'url';
  placeholder?: string;
  className?: string;
  /** Hide the label visually (it stays the accessible name). */
  hiddenLabel?: boolean;
  /** Called after a value was picked from the suggestions (not typed). */
  onPicked?(value: string): void;
  onKeyDown?(e: KeyboardEvent<HTMLElement>): void;
  /** For focus requests: data-field on the control. */
  field?: string;
  disabled?: boolean;
  hint?: ReactNode;
}

const NONE: FieldProblem[] = [];

export function TextField(props: TextFieldProps) {
  const { id, label, value, onCommit, notes = [], multiline, type = 'text' } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>(NONE);
  /** Our own commit will change `value`: keep the draft (and the caret) through it. */
  const expecting = useRef(false);
  const focused = useRef(false);
  const first = useRef(true);

  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (expecting.current && focused.current) {
      expecting.current = false;
      return;
    }
    // The text changed under the field (typing in the editor, undo, another field).
    expecting.current = false;
    setDraft(null);
    setProblems(NONE);
  }, [value]);

  const commit = (next: string) => {
    // Before the edit: its transaction may render this field before onCommit returns.
    setDraft(next);
    expecting.current = next !== value;
    const found = onCommit(next);
    if (found && found.length) {
      setProblems(found);
      expecting.current = false;
    } else setProblems(NONE);
  };

  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = multiline ? e.target.value.replace(/\r?\n/g, ' ') : e.target.value;
    // A pick from a <datalist> arrives as one replacement, not as typing.
    const picked = (e.nativeEvent as InputEvent).inputType === 'insertReplacementText';
    commit(next);
    if (picked && props.onPicked) props.onPicked(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && multiline) e.preventDefault();
    if (e.key === 'Escape' && draft !== null && problems.length) {
      // Back to what the text holds.
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      setProblems(NONE);
      return;
    }
    props.onKeyDown?.(e);
  };

  const shown = draft ?? value;
  const shownNotes = notes.filter((n) => !problems.some((p) => p.message === n.message));
  const all: Note[] = [...problems, ...shownNotes];
  const invalid = all.some((n) => n.severity === 'error');
  const describedBy = all.length ? `${id}-notes` : undefined;
  const common = {
    id,
    value: shown,
    onChange,
    onKeyDown,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      expecting.current = false;
      if (!problems.length) setDraft(null);
    },
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'data-field': props.field,
    placeholder: props.placeholder,
    disabled: props.disabled,
    spellCheck: multiline ? true : false,
    autoComplete: 'off',
  };
  return (
    <div className={`ff${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id} className={props.hiddenLabel ? 'visually-hidden' : 'ff-label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} className="ff-input ff-multiline" />
      ) : (
        <input {...common} type={type} list={props.list} className="ff-input" />
      )}
      {props.hint}
      {all.length > 0 && (
        <div id={`${id}-notes`} className="ff-notes">
          <div role="alert">
            <NoteLines notes={problems} />
          </div>
          <NoteLines notes={shownNotes} />
        </div>
      )}
    </div>
  );
}

/** Notes under a field, one line each, marked by severity. */
export function NoteLines({ notes }: { notes: readonly Note[] }) {
  return (
    <>
      {notes.map((n, i) => (
        <p key={i} className={`ff-note is-${n.severity}`}>
          {n.message}
        </p>
      ))}
    </>
  );
}

/** Why the edit core refused a control's value, announced; `id` is what the control's aria-describedby names. */
export function Problems({ id, problems }: { id: string; problems?: readonly FieldProblem[] }) {
  if (!problems?.length) return null;
  return (
    <div id={id} className="ff-notes" role="alert">
      <NoteLines notes={problems} />
    </div>
  );
}

/** A labelled <select> whose change is one form edit, with that edit's problems under it. */
export function SelectField({
  id,
  label,
  value,
  options,
  empty,
  problems,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  /** The label of a first option worth '' (none when absent). */
  empty?: string;
  problems?: readonly FieldProblem[];
  onChange(value: string): void;
}) {
  return (
    <div className="ff">
      <label htmlFor={id} className="ff-label">
        {label}
      </label>
      <select
        id={id}
        className="ff-input"
        value={value}
        aria-describedby={problems?.length ? `${id}-notes` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <Problems id={`${id}-notes`} problems={problems} />
    </div>
  );
}
