import { LoaderCircle, Pencil } from 'lucide-react';
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import type { Api } from '../../shared/api';
import type { Entity } from '../../shared/entity';
import { slugify } from '../../shared/story';
import type { EntityDetail } from './panel-parts';
import { plainError } from './plain-error';

// The entity's name, and renaming it in place: a small form that says what a
// rename does before it is done, checks what it can before asking the
// repository, and shows the repository's refusal in its own words.

const MAX_NAME = 300;

/** Why a name cannot be the entity's new name, or null when it can. */
export function renameProblem(draft: string, current: string): string | null {
  const name = draft.trim();
  if (!name) return 'Write the new name.';
  if (name.length > MAX_NAME)
    return `A name is at most ${MAX_NAME} characters; this one has ${name.length}.`;
  if (name === current) return 'That is already its name.';
  return null;
}

export function RenameForm({
  api,
  entity,
  disabled,
  onRenamed,
}: {
  api: Api;
  entity: EntityDetail;
  disabled: boolean;
  onRenamed: (entity: Entity) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(entity.name);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<string | null>(null);
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const refocusOpener = useRef(false);

  useLayoutEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    } else if (refocusOpener.current) {
      refocusOpener.current = false;
      opener.current?.focus();
    }
  }, [editing]);

  const problem = renameProblem(draft, entity.name);
  const shown = apiError ?? (tried ? problem : null);

  const open = () => {
    setDraft(entity.name);
    setTried(false);
    setApiError(null);
    setEditing(true);
  };
  const cancel = () => {
    refocusOpener.current = true;
    setEditing(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setApiError(null);
    if (problem || busy) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    api['entity.rename']({ slug: entity.slug, name: draft.trim() }).then(
      (renamed) => {
        setBusy(false);
        setEditing(false);
        onRenamed(renamed);
      },
      (error: unknown) => {
        setBusy(false);
        setApiError(plainError(error));
        input.current?.focus();
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Escape leaves the form, not the panel.
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };

  if (!editing)
    return (
      <div className="sd-name-row">
        <p className="sd-entity-name">
          <span className="sd-field-label">Slug</span> <code>{entity.slug}</code>
        </p>
        <button
          ref={opener}
          type="button"
          className="sd-button"
          onClick={open}
          disabled={disabled}
          aria-label={`Rename ${entity.name}`}
        >
          <Pencil aria-hidden="true" size={14} /> Rename
        </button>
      </div>
    );

  const stories = entity.stories.length;
  // The repository keeps the slug when the new name is one of the entity's aliases.
  const trimmed = draft.trim();
  const ownAlias = entity.aliases.some((a) => a.toLowerCase() === trimmed.toLowerCase());
  const nextSlug = !trimmed ? null : ownAlias ? entity.slug : slugify(trimmed);
  return (
    <form className="sd-rename" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <label className="sd-field-label" htmlFor={inputId}>
        New name
      </label>
      <input
        ref={input}
        id={inputId}
        className="sd-input"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setApiError(null);
        }}
        maxLength={MAX_NAME + 50}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${errorId} ${helpId}` : helpId}
        readOnly={busy}
      />
      {shown && (
        <p id={errorId} className="sd-field-error" role="alert">
          {shown}
        </p>
      )}
      <p id={helpId} className="sd-field-help">
        {stories
          ? `Links in ${stories === 1 ? 'the 1 story' : `all ${stories} stories`} that mention it are rewritten`
          : 'No story mentions it, so no story is rewritten'}
        ; “{entity.name}” stays as an alias.
        {nextSlug && nextSlug !== entity.slug && (
          <>
            {' '}
            Its address becomes <code>entity/{nextSlug}</code>.
          </>
        )}
      </p>
      <div className="sd-actions">
        <button type="submit" className="sd-button sd-button-primary" disabled={busy}>
          {busy && <LoaderCircle aria-hidden="true" className="sd-spin" size={14} />}
          {busy ? 'Renaming…' : 'Rename'}
        </button>
        <button type="button" className="sd-button" onClick={cancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
