import { useMemo, useState } from 'react';
import { Link2, ListPlus, Plus, X } from 'lucide-react';
import { linkMention, listEntity, mentions, setEntities, setRelated } from '../../shared/forms';
import { toast, useWorkbench } from '../workbench/store';
import { useWb } from '../workbench/ui';
import { message } from '../workbench/workbench';
import type { StorySnapshot } from './active-story';
import { ChipList } from './ChipList';
import { Problems } from './Field';
import { refused } from './notices';
import { useApplyForm } from './use-story';
import type { FieldProblem } from './types';
import './forms.css';

// The Related panel: the "Across the graph" lines as lists (Related stories,
// Entities) and the entities the story links nowhere (one row each, at the
// first mention) or links without listing, each fixable in one click.

export function RelatedPanel({ snap }: { snap: StorySnapshot }) {
  const wb = useWb();
  const apply = useApplyForm();
  const stories = useWorkbench((s) => s.storiesBySlug);
  const entities = useWorkbench((s) => s.entities);
  const locale = useWorkbench((s) => s.desk?.settings.locale ?? 'en');
  const graph = snap.parsed.story.sections.find((s) => s.kind === 'graph');
  const related = graph?.kind === 'graph' ? (graph.related ?? []) : [];
  const listed = graph?.kind === 'graph' ? (graph.entities ?? []) : [];
  const [problems, setProblems] = useState<Record<string, FieldProblem[]>>({});
  const run = (key: string, found: FieldProblem[] | null) => {
    setProblems((p) => ({ ...p, [key]: found ?? [] }));
    return !found;
  };

  const registry = useMemo(
    () => entities.map((e) => ({ slug: e.slug, name: e.name, aliases: e.aliases })),
    [entities],
  );
  const found = useMemo(
    () => mentions(snap.parsed, snap.text(), registry, locale),
    [snap, registry, locale],
  );

  const createStub = async (slug: string) => {
    try {
      // A working title from the slug, which the stub's author replaces.
      const words = slug.replace(/-/g, ' ');
      const title = words.charAt(0).toUpperCase() + words.slice(1);
      await wb.createStory({ slug, title, type: '' }, { open: false });
    } catch (error) {
      toast({
        kind: 'error',
        title: `No stub was created for ${slug}`,
        detail: message(error),
      });
    }
  };

  return (
    <div className="forms-panel related-form">
      <section aria-labelledby="related-title" className="forms-section">
        <h3 id="related-title" className="forms-subhead">
          Related
        </h3>
        <ul className="item-list" aria-label="Related stories">
          {related.map((slug) => {
            const known = stories.get(slug);
            return (
              <li key={slug} className={`item${known ? '' : ' is-missing'}`}>
                <span className="item-main">
                  <span className="item-title">{known?.title || slug}</span>
                  <span className="item-detail mono">{slug}</span>
                </span>
                {!known && (
                  <>
                    <span className="badge-missing">not in the desk</span>
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Create a stub story ${slug}`}
                      onClick={() => void createStub(slug)}
                    >
                      Create stub
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Remove related ${slug}`}
                  title="Remove"
                  onClick={() =>
                    run(
                      'related',
                      apply((p, t) =>
                        setRelated(
                          p,
                          t,
                          related.filter((s) => s !== slug),
                        ),
                      ),
                    )
                  }
                >
                  <X size={14} aria-hidden="true" />
                </button>
              </li>
            );
          })}
          {!related.length && <li className="muted small item-empty">No related stories</li>}
        </ul>
        <AddRow
          id="related-add"
          label="Add related story"
          placeholder="story-slug"
          options={[...stories.values()]
            .filter((s) => !related.includes(s.slug) && s.slug !== snap.parsed.facts.slug)
            .map((s) => ({ value: s.slug, label: s.title }))}
          problems={problems.related}
          onAdd={(slug) =>
            run(
              'related',
              apply((p, t) => setRelated(p, t, [...related, slug])),
            )
          }
        />
      </section>

      <section aria-labelledby="entities-title" className="forms-section">
        <h3 id="entities-title" className="forms-subhead">
          Entities
        </h3>
        <ChipList
          label="Entities of this story"
          noun="entity"
          items={listed}
          empty="No entities"
          onRemove={(name) =>
            run(
              'entities',
              apply((p, t) =>
                setEntities(
                  p,
                  t,
                  listed.filter((n) => n !== name),
                ),
              ),
            )
          }
        />
        <AddRow
          id="entities-add"
          label="Add entity"
          placeholder="Name or alias"
          options={registry.flatMap((e) =>
            listed.includes(e.name)
              ? []
              : [
                  { value: e.name, label: e.aliases.join(', ') },
                  ...e.aliases.map((a) => ({ value: a, label: e.name })),
                ],
          )}
          problems={problems.entities}
          onAdd={(v) => {
            // An alias stands for its entity: the Entities line lists names.
            const entity = registry.find((e) => e.name === v || e.aliases.includes(v));
            const name = entity?.name ?? v;
            if (listed.includes(name)) return true;
            return run(
              'entities',
              apply((p, t) => setEntities(p, t, [...listed, name])),
            );
          }}
        />
      </section>

      <section aria-labelledby="mentions-title" className="forms-section">
        <h3 id="mentions-title" className="forms-subhead">
          Unlinked mentions
        </h3>
        {!found.unlinked.length && !found.unlisted.length && (
          <p className="forms-empty">Every entity the prose names is linked and listed.</p>
        )}
        <ul className="item-list" aria-label="Unlinked mentions">
          {found.unlinked.map((m) => (
            <li key={`u${m.slug}`} className="item mention">
              <span className="item-main">
                <span className="item-title">
                  {m.name}
                  <span className="item-count">
                    {m.count === 1 ? '1 mention' : `${m.count} mentions`}
                  </span>
                </span>
                <span
                  className="item-detail mention-sentence"
                  title={`${m.sentence.before}${m.text}${m.sentence.after}`}
                >
                  {lead(m.sentence.before)}
                  <mark>{m.text}</mark>
                  {m.sentence.after}
                </span>
              </span>
              <button
                type="button"
                className="button small"
                onClick={() => wb.reveal(m.from)}
                aria-label={`Show the first “${m.text}” in the text`}
              >
                Show
              </button>
              <button
                type="button"
                className="button small primary"
                aria-label={`Link “${m.text}” to ${m.name}`}
                title="Link its first mention"
                onClick={() =>
                  refused(
                    apply((p, t) => linkMention(p, t, m, locale)),
                    'Not linked',
                  )
                }
              >
                <Link2 size={14} aria-hidden="true" />
                Link it
              </button>
            </li>
          ))}
          {found.unlisted.map((m) => (
            <li key={`l${m.slug}`} className="item">
              <span className="item-main">
                <span className="item-title">{m.name}</span>
                <span className="item-detail">linked, not in Entities</span>
              </span>
              <button
                type="button"
                className="button small primary"
                aria-label={`List ${m.name} in Entities`}
                onClick={() =>
                  refused(
                    apply((p, t) => listEntity(p, t, m.name)),
                    'Not listed',
                  )
                }
              >
                <ListPlus size={14} aria-hidden="true" />
                List it
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function AddRow({
  id,
  label,
  placeholder,
  options,
  problems,
  onAdd,
}: {
  id: string;
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
  problems?: FieldProblem[];
  /** Returns whether it was added (the field empties then). */
  onAdd(value: string): boolean;
}) {
  const [value, setValue] = useState('');
  const add = () => {
    const v = value.trim();
    if (v && onAdd(v)) setValue('');
  };
  return (
    <>
      <div className="add-row">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          id={id}
          className="ff-input"
          list={`${id}-list`}
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          aria-describedby={problems?.length ? `${id}-notes` : undefined}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-list`}>
          {options.map((o, i) => (
            <option key={`${o.value}${i}`} value={o.value} label={o.label} />
          ))}
        </datalist>
        <button type="button" className="button small" disabled={!value.trim()} onClick={add}>
          <Plus size={14} aria-hidden="true" />
          {label}
        </button>
      </div>
      <Problems id={`${id}-notes`} problems={problems} />
    </>
  );
}

/** The end of what stands before a mention, cut at a word so the mention shows. */
function lead(before: string, max = 40): string {
  if (before.length <= max) return before;
  const cut = before.slice(-max);
  const space = cut.indexOf(' ');
  return `…${space < 0 ? cut : cut.slice(space + 1)}`;
}
