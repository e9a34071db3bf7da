import { CircleAlert, LoaderCircle, X } from 'lucide-react';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Api } from '../../shared/api';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../../shared/entity';
import { adoptSheet } from '../preview/adopt-sheet';
import { entityPanelCss } from './entity-styles';
import { highlightParts } from './highlight';
import { MergeForm } from './MergeForm';
import { KIND_LABELS, Problem, type EntityMention } from './panel-parts';
import { plainError } from './plain-error';
import { RenameForm } from './RenameForm';
import { useLoad } from './use-load';

// One entity, as the desk knows it: its name (renameable), aliases, kind, the
// stories that mention it with the sentences that do, and merging it with
// another entity. Every change goes through the API; what it returns is what
// the panel shows. Nothing here blocks: loading and failures are stated where
// they happen, and the rest of the panel stays usable.

export interface EntityPanelProps {
  api: Api;
  slug: string;
  onOpenStory: (slug: string) => void;
  onClose: () => void;
  /** After a rename, a kind change or a merge, with the entity as it now is. */
  onChanged?: (entity: Entity) => void;
  /**
   * Bump to have the panel fetch again (say, on an `entities.changed` or
   * `story.changed` event), keeping what it shows until the answer comes.
   */
  revision?: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A new `slug` from the host starts the panel afresh. A rename or merge inside
 * it is followed; a host that then passes the slug the panel followed to
 * (say, from `onChanged`) does not restart it.
 */
export function EntityPanel(props: EntityPanelProps) {
  const [session, setSession] = useState({ key: props.slug, followed: props.slug });
  let key = session.key;
  if (props.slug !== session.key && props.slug !== session.followed) {
    // Another entity: adjust during render, so the old one never shows under the new name.
    key = props.slug;
    setSession({ key, followed: key });
  }
  const onFollow = useCallback((slug: string) => setSession((s) => ({ ...s, followed: slug })), []);
  return <EntityPanelFor key={key} {...props} onFollow={onFollow} />;
}

function EntityPanelFor({
  api,
  slug: initialSlug,
  onOpenStory,
  onClose,
  onChanged,
  revision,
  onFollow,
}: EntityPanelProps & { onFollow: (slug: string) => void }) {
  useLayoutEffect(() => adoptSheet('storydesk-entity-panel', entityPanelCss), []);
  const [slug, setSlug] = useState(initialSlug);
  const headingId = useId();
  const kindId = useId();
  const kindHelpId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  const loadDetail = useCallback(() => api['entity.get']({ slug }), [api, slug]);
  const loadMentions = useCallback(() => api['entity.mentions']({ slug }), [api, slug]);
  const detail = useLoad(loadDetail, plainError);
  const mentions = useLoad(loadMentions, plainError);
  const [announcement, setAnnouncement] = useState('');

  const { reload: reloadDetail } = detail;
  const { reload: reloadMentions } = mentions;
  const firstRevision = useRef(revision);
  useEffect(() => {
    if (revision === firstRevision.current) return;
    firstRevision.current = revision;
    reloadDetail();
    reloadMentions();
  }, [revision, reloadDetail, reloadMentions]);

  const entity = detail.state.value;
  const name = entity?.name ?? slug;
  const locked = entity?.problem ? true : false;

  // After a rename or merge: show the entity the API returned at once, then
  // fetch its stories and mentions under its (possibly new) slug.
  const follow = (next: Entity, message: string) => {
    setAnnouncement(message);
    if (next.slug === slug) {
      if (entity) detail.set({ ...entity, ...next });
      reloadDetail();
      reloadMentions();
    } else {
      if (entity) detail.set({ ...entity, ...next, stories: entity.stories, problem: null });
      setSlug(next.slug);
      onFollow(next.slug);
    }
    onChanged?.(next);
  };

  // Kind: saved on change; the select shows the kind being saved until the answer.
  const [kindSaving, setKindSaving] = useState<EntityKind | null>(null);
  const [kindError, setKindError] = useState<string | null>(null);
  const changeKind = (kind: EntityKind) => {
    if (!entity || kind === entity.kind) return;
    setKindSaving(kind);
    setKindError(null);
    api['entity.setKind']({ slug, kind }).then(
      (saved) => {
        setKindSaving(null);
        detail.set({ ...entity, ...saved });
        setAnnouncement(`Kind set to ${KIND_LABELS[saved.kind].toLowerCase()}.`);
        onChanged?.(saved);
      },
      (error: unknown) => {
        setKindSaving(null);
        setKindError(plainError(error));
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Escape closes the panel unless a control inside used it (a form's cancel, a list's close).
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <aside className="sd-entity" aria-label={`Entity: ${name}`} onKeyDown={onKeyDown}>
      <header className="sd-entity-head">
        <div className="sd-entity-title">
          <p className="sd-entity-eyebrow">
            Entity
            {entity && <span className="sd-entity-kind-badge">{KIND_LABELS[entity.kind]}</span>}
            {(detail.refreshing || mentions.refreshing) && detail.state.status !== 'loading' && (
              <span className="sd-entity-refreshing" role="status">
                <LoaderCircle aria-hidden="true" className="sd-spin" size={12} /> Updating…
              </span>
            )}
          </p>
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            {name}
          </h2>
        </div>
        <button type="button" className="sd-icon-button" onClick={onClose} aria-label="Close">
          <X aria-hidden="true" size={18} />
        </button>
      </header>

      <p className="sd-vh" role="status" aria-live="polite">
        {announcement}
      </p>

      {detail.state.status === 'loading' && (
        <p className="sd-entity-note" role="status">
          <LoaderCircle aria-hidden="true" className="sd-spin" size={16} /> Loading {slug}…
        </p>
      )}
      {detail.state.status === 'failed' && (
        <Problem
          title={
            entity ? 'This entity could not be refreshed.' : 'This entity could not be opened.'
          }
          message={detail.state.error}
          onRetry={detail.reload}
        />
      )}

      {entity && (
        <>
          {entity.problem && (
            <div className="sd-entity-alert" role="note">
              <CircleAlert aria-hidden="true" size={16} />
              <p>
                <code>entities/{entity.slug}.md</code> can’t be changed here until it is fixed by
                hand: {entity.problem}.
              </p>
            </div>
          )}

          <section className="sd-entity-block" aria-label="Name">
            <RenameForm
              api={api}
              entity={entity}
              disabled={locked}
              onRenamed={(renamed) => {
                follow(renamed, `Renamed to ${renamed.name}.`);
                heading.current?.focus();
              }}
            />
          </section>

          <section className="sd-entity-block" aria-labelledby={`${headingId}-aliases`}>
            <h3 id={`${headingId}-aliases`}>Aliases</h3>
            {entity.aliases.length ? (
              <ul className="sd-chips">
                {entity.aliases.map((alias) => (
                  <li key={alias} className="sd-chip">
                    {alias}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="sd-entity-note">No other names.</p>
            )}
          </section>

          <section className="sd-entity-block">
            <label className="sd-field-label" htmlFor={kindId}>
              Kind
            </label>
            <div className="sd-inline">
              <select
                id={kindId}
                className="sd-select"
                value={kindSaving ?? entity.kind}
                disabled={locked || kindSaving !== null}
                aria-describedby={kindError ? kindHelpId : undefined}
                aria-invalid={kindError ? true : undefined}
                onChange={(e) => changeKind(e.target.value as EntityKind)}
              >
                {ENTITY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
              {kindSaving && (
                <span className="sd-entity-note">
                  <LoaderCircle aria-hidden="true" className="sd-spin" size={14} /> Saving…
                </span>
              )}
            </div>
            {kindError && (
              <p id={kindHelpId} className="sd-field-error">
                {kindError}
              </p>
            )}
          </section>

          {entity.notes.trim() && (
            <section className="sd-entity-block" aria-labelledby={`${headingId}-notes`}>
              <h3 id={`${headingId}-notes`}>Notes</h3>
              <p className="sd-entity-notes">{entity.notes.trim()}</p>
            </section>
          )}
        </>
      )}

      <section className="sd-entity-block" aria-labelledby={`${headingId}-stories`}>
        <h3 id={`${headingId}-stories`}>
          {mentions.state.value
            ? mentions.state.value.length
              ? `Mentioned in ${plural(mentions.state.value.length, 'story', 'stories')}`
              : 'Mentioned in no story'
            : 'Stories that mention it'}
        </h3>
        <Mentions
          load={mentions.state}
          terms={entity ? [entity.name, ...entity.aliases] : [name]}
          onOpenStory={onOpenStory}
          onRetry={mentions.reload}
        />
      </section>

      {entity && (
        <section className="sd-entity-block" aria-labelledby={`${headingId}-merge`}>
          <h3 id={`${headingId}-merge`}>Merge</h3>
          <MergeForm
            api={api}
            entity={entity}
            disabled={locked}
            onMerged={(merged, fromName) => {
              follow(merged, `Merged ${fromName} into ${merged.name}. Showing ${merged.name}.`);
              heading.current?.focus();
            }}
          />
        </section>
      )}
    </aside>
  );
}

function Mentions({
  load,
  terms,
  onOpenStory,
  onRetry,
}: {
  load: ReturnType<typeof useLoad<EntityMention[]>>['state'];
  terms: string[];
  onOpenStory: (slug: string) => void;
  onRetry: () => void;
}) {
  if (load.status === 'loading')
    return (
      <p className="sd-entity-note" role="status">
        <LoaderCircle aria-hidden="true" className="sd-spin" size={16} /> Finding the stories that
        mention it…
      </p>
    );
  const list = load.value;
  return (
    <>
      {load.status === 'failed' && (
        <Problem
          title="The stories that mention it could not be listed."
          message={load.error}
          onRetry={onRetry}
        />
      )}
      {list && list.length === 0 && <p className="sd-entity-note">No story links to it yet.</p>}
      {list && list.length > 0 && (
        <ul className="sd-mentions">
          {list.map((story) => (
            <li key={story.slug}>
              <button
                type="button"
                className="sd-link-button"
                onClick={() => onOpenStory(story.slug)}
                title={`Open ${story.slug}`}
              >
                {story.title}
              </button>
              {story.sentences.length > 0 && (
                <ul className="sd-sentences">
                  {story.sentences.map((sentence, i) => (
                    <li key={i}>
                      {highlightParts(sentence, terms).map((part, j) =>
                        part.mark ? <mark key={j}>{part.text}</mark> : part.text,
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
