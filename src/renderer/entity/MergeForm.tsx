import { GitMerge, LoaderCircle } from 'lucide-react';
import {
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Api } from '../../shared/api';
import type { Entity } from '../../shared/entity';
import { KIND_LABELS, Problem, type EntityDetail, type EntityListItem } from './panel-parts';
import { fold } from './highlight';
import { plainError } from './plain-error';
import { useLoad } from './use-load';

// Merging two entities that are one: pick the other from a list filtered by
// typing (an ARIA combobox), choose which name stays, read what will change
// (how many stories get rewritten), then confirm. The list of entities is
// fetched only when a merge starts.

const SHOWN = 50;

/** Entities other than `self` whose name, alias or slug contains the query; best matches first. */
export function filterEntities(
  list: readonly EntityListItem[],
  query: string,
  self: string,
): EntityListItem[] {
  const q = fold(query.trim());
  const out: { item: EntityListItem; rank: number }[] = [];
  for (const item of list) {
    if (item.slug === self) continue;
    if (!q) {
      out.push({ item, rank: 3 });
      continue;
    }
    const name = fold(item.name);
    const rank = name.startsWith(q)
      ? 0
      : name.includes(q)
        ? 1
        : item.aliases.some((a) => fold(a).includes(q)) || item.slug.includes(q)
          ? 2
          : -1;
    if (rank >= 0) out.push({ item, rank });
  }
  return out
    .sort((a, b) => a.rank - b.rank || a.item.name.localeCompare(b.item.name))
    .map((e) => e.item);
}

type Step = 'closed' | 'choose' | 'confirm';

export function MergeForm({
  api,
  entity,
  disabled,
  onMerged,
}: {
  api: Api;
  entity: EntityDetail;
  disabled: boolean;
  onMerged: (merged: Entity, fromName: string) => void;
}) {
  const [step, setStep] = useState<Step>('closed');
  const loadList = useCallback(() => api['entity.list'](), [api]);
  const opened = step !== 'closed';
  const list = useLoad(opened ? loadList : null, plainError);

  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(0);
  const [other, setOther] = useState<EntityListItem | null>(null);
  const [keep, setKeep] = useState<'other' | 'self'>('other');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const ids = { input: useId(), listbox: useId(), help: useId(), confirm: useId(), keep: useId() };
  const input = useRef<HTMLInputElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'input' | 'confirm' | 'start' | null>(null);

  useLayoutEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'input') input.current?.focus();
    else if (target === 'confirm') confirmButton.current?.focus();
    else if (target === 'start') startButton.current?.focus();
  }, [step]);

  const matches = useMemo(
    () => (list.state.value ? filterEntities(list.state.value, query, entity.slug) : []),
    [list.state.value, query, entity.slug],
  );
  const shown = matches.slice(0, SHOWN);
  const activeIndex = Math.min(active, shown.length - 1);

  const start = () => {
    setQuery('');
    setOther(null);
    setKeep('other');
    setError(null);
    setTried(false);
    setExpanded(true);
    focusAfter.current = 'input';
    setStep('choose');
  };
  const close = () => {
    focusAfter.current = 'start';
    setStep('closed');
  };
  const choose = (item: EntityListItem) => {
    setOther(item);
    setQuery(item.name);
    setExpanded(false);
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) setExpanded(true);
        else setActive((i) => Math.min(i + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (expanded) setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        if (expanded && shown[activeIndex]) {
          event.preventDefault();
          choose(shown[activeIndex]);
        }
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        if (expanded) setExpanded(false);
        else close();
        break;
    }
  };

  if (step === 'closed')
    return (
      <div>
        <p className="sd-field-help">
          When two entities are one, merge them: links and Entities lines in every story follow.
        </p>
        <button
          ref={startButton}
          type="button"
          className="sd-button"
          onClick={start}
          disabled={disabled}
        >
          <GitMerge aria-hidden="true" size={14} /> Merge with another entity…
        </button>
      </div>
    );

  const from = other ? (keep === 'other' ? entity : other) : null;
  const into = other ? (keep === 'other' ? other : entity) : null;

  if (step === 'confirm' && from && into) {
    const n = from.stories.length;
    const submit = () => {
      setBusy(true);
      setError(null);
      api['entity.merge']({ from: from.slug, into: into.slug }).then(
        (merged) => {
          setBusy(false);
          setStep('closed');
          onMerged(merged, from.name);
        },
        (e: unknown) => {
          setBusy(false);
          setError(plainError(e));
        },
      );
    };
    return (
      <div
        className="sd-confirm"
        role="group"
        aria-labelledby={ids.confirm}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) {
            e.preventDefault();
            e.stopPropagation();
            focusAfter.current = 'input';
            setStep('choose');
          }
        }}
      >
        <p id={ids.confirm} className="sd-confirm-title">
          Merge “{from.name}” into “{into.name}”?
        </p>
        <ul className="sd-confirm-list">
          <li>
            {n === 0
              ? `No story mentions “${from.name}”, so no story is rewritten.`
              : `${n === 1 ? '1 story' : `${n} stories`} will be rewritten: links to “${from.name}” will point to “${into.name}”, and Entities lines will name “${into.name}”.`}
          </li>
          <li>
            “{from.name}”{from.aliases.length ? ' and its aliases' : ''} will become{' '}
            {from.aliases.length ? 'aliases' : 'an alias'} of “{into.name}”, and{' '}
            <code>entities/{from.slug}.md</code> will be removed.
          </li>
        </ul>
        {error && <Problem title="The entities were not merged." message={error} />}
        <div className="sd-actions">
          <button
            ref={confirmButton}
            type="button"
            className="sd-button sd-button-primary"
            onClick={submit}
            disabled={busy}
          >
            {busy && <LoaderCircle aria-hidden="true" className="sd-spin" size={14} />}
            {busy
              ? 'Merging…'
              : n === 0
                ? 'Merge'
                : `Merge and rewrite ${n === 1 ? '1 story' : `${n} stories`}`}
          </button>
          <button
            type="button"
            className="sd-button"
            disabled={busy}
            onClick={() => {
              focusAfter.current = 'input';
              setStep('choose');
            }}
          >
            Back
          </button>
        </div>
      </div>
    );
  }

  const problem = tried && !other ? 'Choose the entity to merge with from the list.' : null;
  const optionId = (i: number) => `${ids.listbox}-o${i}`;
  return (
    <form
      className="sd-merge"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!other) {
          input.current?.focus();
          return;
        }
        focusAfter.current = 'confirm';
        setStep('confirm');
      }}
    >
      <label className="sd-field-label" htmlFor={ids.input}>
        Merge with
      </label>
      <div className="sd-combobox">
        <input
          ref={input}
          id={ids.input}
          className="sd-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded && list.state.status !== 'loading'}
          aria-controls={ids.listbox}
          aria-activedescendant={expanded && shown.length ? optionId(activeIndex) : undefined}
          aria-describedby={problem ? `${ids.help}-error ${ids.help}` : ids.help}
          aria-invalid={problem ? true : undefined}
          placeholder="Type a name…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOther(null);
            setActive(0);
            setExpanded(true);
          }}
          onKeyDown={onInputKey}
          onClick={() => setExpanded(true)}
          onBlur={() => setExpanded(false)}
        />
        <ul
          id={ids.listbox}
          role="listbox"
          aria-label="Entities"
          className="sd-listbox"
          hidden={!expanded || list.state.status === 'loading' || !shown.length}
        >
          {expanded &&
            shown.map((item, i) => (
              <li
                key={item.slug}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'sd-option sd-option-active' : 'sd-option'}
                // Keep focus in the input: a click chooses, it does not blur.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(item)}
              >
                <span className="sd-option-name">{item.name}</span>
                <span className="sd-option-meta">
                  {KIND_LABELS[item.kind]} ·{' '}
                  {item.stories.length === 1 ? '1 story' : `${item.stories.length} stories`}
                </span>
              </li>
            ))}
        </ul>
      </div>
      {problem && (
        <p id={`${ids.help}-error`} className="sd-field-error" role="alert">
          {problem}
        </p>
      )}
      <p id={ids.help} className="sd-field-help" aria-live="polite">
        {list.state.status === 'loading'
          ? 'Loading the desk’s entities…'
          : list.state.status === 'failed'
            ? ''
            : other
              ? `Chosen: ${other.name} (${KIND_LABELS[other.kind].toLowerCase()}).`
              : matches.length > SHOWN
                ? `${matches.length} match; the first ${SHOWN} are listed. Keep typing to narrow.`
                : matches.length
                  ? `${matches.length === 1 ? '1 entity matches' : `${matches.length} entities match`}. Arrow keys to move, Enter to choose.`
                  : 'No other entity matches.'}
      </p>
      {list.state.status === 'failed' && (
        <Problem
          title="The desk’s entities could not be listed."
          message={list.state.error}
          onRetry={list.reload}
        />
      )}
      {other && (
        <fieldset className="sd-keep">
          <legend className="sd-field-label">Name to keep</legend>
          <label>
            <input
              type="radio"
              name={ids.keep}
              checked={keep === 'other'}
              onChange={() => setKeep('other')}
            />{' '}
            {other.name}
          </label>
          <label>
            <input
              type="radio"
              name={ids.keep}
              checked={keep === 'self'}
              onChange={() => setKeep('self')}
            />{' '}
            {entity.name}
          </label>
        </fieldset>
      )}
      <div className="sd-actions">
        <button type="submit" className="sd-button sd-button-primary">
          Review merge…
        </button>
        <button type="button" className="sd-button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
