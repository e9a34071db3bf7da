import { useState } from 'react';
import { Plus } from 'lucide-react';
import {
  setDek,
  setFrontMatterField,
  setMetaDate,
  setMetaHeads,
  setMetaType,
  setTitle,
} from '../../shared/forms';
import { STORY_STATUSES } from '../../shared/desk';
import { countLabel, deriveCounts } from '../../shared/story';
import { useWorkbench } from '../workbench/store';
import type { StorySnapshot } from './active-story';
import { ChipList } from './ChipList';
import { Problems, SelectField, TextField, type Note } from './Field';
import { EMPTY_VOCABULARIES } from './TakesPanel';
import { useApplyForm } from './use-story';
import type { FieldProblem } from './types';
import './forms.css';

// The Meta panel: the header of the story (title, dek, the Meta line's type,
// date and heads), the front matter's workflow fields, and the Meta line's
// counts, which are derived and so only shown.

export function MetaPanel({ snap }: { snap: StorySnapshot }) {
  const apply = useApplyForm();
  const vocab = useWorkbench((s) => s.desk?.settings.vocabularies) ?? EMPTY_VOCABULARIES;
  const { story, facts, diagnostics } = snap.parsed;
  const meta = story.meta?.kind === 'meta' ? story.meta : null;
  const fm = facts.frontMatter?.data ?? null;
  const status = typeof fm?.status === 'string' ? fm.status : '';
  const assignee = typeof fm?.assignee === 'string' ? fm.assignee : '';
  const notesIn = (span: { from: number; to: number } | null | undefined): Note[] =>
    span ? diagnostics.filter((d) => d.from >= span.from && d.from <= span.to) : [];
  const derived = deriveCounts(story);
  const stated = facts.statedCounts ?? null;
  const [problems, setProblems] = useState<Record<string, FieldProblem[]>>({});
  const run = (key: string, found: FieldProblem[] | null) =>
    setProblems((p) => ({ ...p, [key]: found ?? [] }));

  const heads = meta?.heads ?? [];
  const types =
    meta && meta.type && !vocab.types.includes(meta.type)
      ? [meta.type, ...vocab.types]
      : vocab.types;

  return (
    <div className="forms-panel meta-form">
      <TextField
        id="meta-title"
        label="Title"
        multiline
        value={story.title ?? ''}
        notes={notesIn(facts.title)}
        onCommit={(v) => apply((p, t) => setTitle(p, t, v), { field: 'title' })}
      />
      <TextField
        id="meta-dek"
        label="Dek"
        multiline
        value={story.dek ?? ''}
        notes={notesIn(facts.dek)}
        onCommit={(v) => apply((p, t) => setDek(p, t, v), { field: 'dek' })}
      />
      <div className="ff-row">
        <SelectField
          id="meta-type"
          label="Type"
          value={meta?.type ?? ''}
          options={types}
          empty={meta?.type ? undefined : 'Choose…'}
          problems={problems.type}
          onChange={(v) =>
            run(
              'type',
              apply((p, t) => setMetaType(p, t, v)),
            )
          }
        />
        <div className="ff">
          <label htmlFor="meta-date" className="ff-label">
            Date
          </label>
          <input
            id="meta-date"
            type="date"
            className="ff-input"
            value={/^\d{4}-\d{2}-\d{2}$/.test(meta?.date ?? '') ? meta!.date : ''}
            aria-describedby={problems.date?.length ? 'meta-date-notes' : undefined}
            onChange={(e) => {
              // An incomplete date reads as '': nothing to write yet.
              if (e.target.value)
                run(
                  'date',
                  apply((p, t) => setMetaDate(p, t, e.target.value)),
                );
            }}
          />
          <Problems id="meta-date-notes" problems={problems.date} />
        </div>
      </div>
      <Heads
        heads={heads}
        vocabulary={vocab.heads}
        problems={problems.heads}
        onChange={(next) =>
          run(
            'heads',
            apply((p, t) => setMetaHeads(p, t, next)),
          )
        }
      />
      <div className="ff-row">
        <SelectField
          id="meta-status"
          label="Status"
          value={status}
          options={STORY_STATUSES}
          empty="Not set (draft)"
          problems={problems.status}
          onChange={(v) =>
            run(
              'status',
              apply((p, t) => setFrontMatterField(p, t, 'status', v || null)),
            )
          }
        />
        <TextField
          id="meta-assignee"
          label="Assignee"
          value={assignee}
          placeholder="Nobody"
          onCommit={(v) =>
            apply((p, t) => setFrontMatterField(p, t, 'assignee', v.trim() ? v : null), {
              field: 'assignee',
            })
          }
        />
      </div>
      <section className="meta-counts" aria-labelledby="meta-counts-title">
        <h3 id="meta-counts-title" className="forms-subhead">
          Counts <span className="muted small">derived from the takes, never typed</span>
        </h3>
        <dl className="count-list">
          <Count label="Takes" value={stated?.takes ?? derived.takes} />
          <Count label="Lenses" value={stated?.lenses ?? derived.lenses} />
          <Count label="Regions" value={stated?.regions ?? derived.regions} />
        </dl>
        {stated &&
          (stated.takes !== derived.takes ||
            stated.lenses !== derived.lenses ||
            stated.regions !== derived.regions) && (
            <p className="ff-note is-warning">
              The Meta line states {countLabel(stated.takes, 'take')},{' '}
              {countLabel(stated.lenses, 'lens')} and {countLabel(stated.regions, 'region')}; the
              takes make {countLabel(derived.takes, 'take')}, {countLabel(derived.lenses, 'lens')}{' '}
              and {countLabel(derived.regions, 'region')}. The editor’s quick fix rewrites them.
            </p>
          )}
      </section>
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="count">
      <dt>{label}</dt>
      <dd aria-label={`${label}: ${value}`} data-count={label.toLowerCase()}>
        {value}
      </dd>
    </div>
  );
}

function Heads({
  heads,
  vocabulary,
  problems,
  onChange,
}: {
  heads: readonly string[];
  vocabulary: readonly string[];
  problems?: FieldProblem[];
  onChange(next: string[]): void;
}) {
  const [adding, setAdding] = useState('');
  const offered = vocabulary.filter((h) => !heads.includes(h));
  const add = () => {
    const v = adding.trim();
    if (!v || heads.includes(v)) return;
    onChange([...heads, v]);
    setAdding('');
  };
  return (
    <fieldset
      className="ff heads"
      aria-describedby={problems?.length ? 'meta-heads-notes' : undefined}
    >
      <legend className="ff-label">Heads</legend>
      <ChipList
        label="Heads of this story"
        noun="head"
        items={heads}
        empty="No heads"
        onRemove={(h) => onChange(heads.filter((x) => x !== h))}
      />
      <div className="add-row">
        <label htmlFor="meta-add-head" className="visually-hidden">
          Add head
        </label>
        <input
          id="meta-add-head"
          className="ff-input"
          list="meta-heads-list"
          value={adding}
          placeholder="Add a head…"
          autoComplete="off"
          onChange={(e) => setAdding(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id="meta-heads-list">
          {offered.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>
        <button type="button" className="button small" disabled={!adding.trim()} onClick={add}>
          <Plus size={14} aria-hidden="true" />
          Add head
        </button>
      </div>
      {offered.length > 0 && (
        <div
          className="chip-suggestions"
          aria-label="Heads from the desk’s vocabulary"
          role="group"
        >
          {offered.map((h) => (
            <button
              key={h}
              type="button"
              className="chip is-suggestion"
              aria-label={`Add head ${h}`}
              onClick={() => onChange([...heads, h])}
            >
              <Plus size={12} aria-hidden="true" />
              {h}
            </button>
          ))}
        </div>
      )}
      <Problems id="meta-heads-notes" problems={problems} />
    </fieldset>
  );
}
