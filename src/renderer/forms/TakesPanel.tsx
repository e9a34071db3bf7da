import {
  memo,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { GripVertical, Plus, Trash2, X } from 'lucide-react';
import { undo } from '@codemirror/commands';
import {
  addLens,
  addTake,
  moveLens,
  moveTake,
  removeLens,
  removeTake,
  renameLens,
  takeNeighbour,
  updateTakeField,
} from '../../shared/forms';
import type { Vocabularies } from '../../shared/desk';
import { parsedStory } from '../editor';
import type { Diagnostic } from '../../shared/story';
import type { OutletUsage } from '../editor';
import { toast, useWorkbench } from '../workbench/store';
import { useWb } from '../workbench/ui';
import type { Workbench } from '../workbench/workbench';
import type { StorySnapshot } from './active-story';
import { composeOps } from './compose';
import { Coverage } from './Coverage';
import { NoteLines, Problems, TextField, type Note } from './Field';
import { MoveButtons } from './MoveButtons';
import { diagnosticField, takeGroups, type GroupRow, type TakeRow } from './takes-model';
import { refused, removed } from './notices';
import { useApplyForm, type ApplyForm } from './use-story';
import type { FieldProblem } from './types';
import './forms.css';

// The Takes panel: the story's takes grouped by lens, in the text's order,
// each a small form bound to its lines. Rows are keyed by position; a move
// sends the focus after the take it moved.

type TakeField = 'outlet' | 'region' | 'language' | 'summary' | 'quote' | 'source';

const FIELD_LABELS: Record<TakeField, string> = {
  outlet: 'Outlet',
  region: 'Region',
  language: 'Language',
  summary: 'Summary',
  quote: 'Quote',
  source: 'Source',
};

export const EMPTY_VOCABULARIES: Vocabularies = {
  types: [],
  heads: [],
  lenses: [],
  regions: [],
  languages: [],
};

type FocusRequest = { take: number; field: TakeField } | { selector: string };

/** What every row calls; one object for the panel's life, so rows stay memoized. */
class TakeActions {
  focus: FocusRequest | null = null;
  constructor(
    readonly wb: Workbench,
    public apply: ApplyForm,
  ) {}

  private groups(): GroupRow[] {
    const state = this.wb.activeState();
    return state ? takeGroups(parsedStory(state)) : [];
  }

  outlets(): readonly OutletUsage[] {
    return this.wb.outlets();
  }

  setField(take: number, field: TakeField, value: string): FieldProblem[] | null {
    const key = `take:${take}:${field}`;
    if (field === 'outlet') {
      const usage = this.outlets().find((o) => o.outlet === value);
      const fact = this.wb.activeState()
        ? parsedStory(this.wb.activeState()!).facts.takes[take]
        : undefined;
      if (usage && fact && !fact.take.region && !fact.take.language)
        return this.pickOutlet(take, usage);
    }
    const v = (field === 'quote' || field === 'source') && value === '' ? null : value;
    return this.apply((p, t) => updateTakeField(p, t, take, field, v), { field: key });
  }

  /** A known outlet: its usual region and language come with it, in one step. */
  pickOutlet(take: number, usage: OutletUsage): FieldProblem[] | null {
    return this.apply(
      composeOps(
        (p, t) => updateTakeField(p, t, take, 'outlet', usage.outlet),
        (p, t) => updateTakeField(p, t, take, 'region', usage.region),
        (p, t) => updateTakeField(p, t, take, 'language', usage.language),
      ),
    );
  }

  /** Opens the "new take" row of a group (the panel renders it); set by the panel. */
  startTake: (group: number, values?: Partial<Record<TakeField, string>>) => void = () => {};

  /**
   * Writes the new take once its values can be written (outlet, region,
   * language and an http(s) source); until then returns the problems and
   * writes nothing. Once written, the focus moves to `field` of the real take.
   */
  writeNewTake(
    group: number,
    values: Partial<Record<TakeField, string>>,
    field: TakeField,
  ): FieldProblem[] | null {
    const before = this.groups()[group]?.takes;
    const clean = { ...values, quote: values.quote || null, source: values.source || null };
    const problems = this.apply((p, t) => addTake(p, t, group, clean));
    if (problems) return problems;
    const last = before?.at(-1);
    // The new take comes after the group's last one: that is its index in the story.
    this.focus = { take: last ? last.index + 1 : this.firstIndexOf(group), field };
    return null;
  }

  private firstIndexOf(group: number): number {
    let n = 0;
    for (const g of this.groups()) {
      if (g.index >= group) break;
      n += g.takes.length;
    }
    return n;
  }

  remove(take: number, label: string): void {
    const problems = this.apply((p, t) => removeTake(p, t, take));
    if (refused(problems, 'The take was not removed')) return;
    // The doc, not the state: lint and other plugins dispatch effects in between.
    const after = this.wb.host.editorView?.state.doc;
    toast({
      kind: 'info',
      title: `Removed the take of ${label}`,
      detail: 'Ctrl-Z in the editor brings it back too.',
      timeout: 8000,
      actions: [
        {
          label: 'Undo',
          run: () => {
            const v = this.wb.host.editorView;
            if (v && after && v.state.doc.eq(after)) undo(v);
            else
              toast({
                kind: 'info',
                title: 'The text changed since; use Ctrl-Z in the editor',
                timeout: 4000,
              });
          },
        },
      ],
    });
    this.focus = {
      selector: `[data-take="${take}"] [data-field="outlet"], [data-take="${take - 1}"] [data-field="outlet"]`,
    };
  }

  move(take: number, step: -1 | 1, field: TakeField): void {
    const state = this.wb.activeState();
    const target = state && takeNeighbour(parsedStory(state), take, step);
    if (!target) return;
    const problems = this.apply((p, t) => moveTake(p, t, take, target.group, target.position));
    if (refused(problems, 'The take was not moved')) return;
    this.focus = { take: target.index, field };
  }

  moveTo(take: number, group: number, position: number): void {
    const problems = this.apply((p, t) => moveTake(p, t, take, group, position));
    refused(problems, 'The take was not moved');
  }

  renameLens(group: number, name: string): FieldProblem[] | null {
    return this.apply((p, t) => renameLens(p, t, group, name), { field: `lens:${group}` });
  }

  moveLens(group: number, to: number): void {
    const problems = this.apply((p, t) => moveLens(p, t, group, to));
    if (refused(problems, 'The lens was not moved')) return;
    this.focus = {
      selector: `[data-group="${to}"] [data-action="${to < group ? 'lens-up' : 'lens-down'}"]`,
    };
  }

  removeLens(group: number, name: string): void {
    const problems = this.apply((p, t) => removeLens(p, t, group));
    if (refused(problems, 'The lens was not removed')) return;
    removed(`Removed the lens “${name}”`);
    this.focus = { selector: '[data-action="add-lens"]' };
  }

  addLens(name: string): FieldProblem[] | null {
    const problems = this.apply((p, t) => addLens(p, t, name), { select: true });
    if (!problems)
      this.focus = {
        selector: `[data-group="${this.groups().length - 1}"] [data-action="add-take"]`,
      };
    return problems;
  }
}

export function TakesPanel({ snap }: { snap: StorySnapshot }) {
  const wb = useWb();
  const apply = useApplyForm();
  const vocab = useWorkbench((s) => s.desk?.settings.vocabularies) ?? EMPTY_VOCABULARIES;
  const actions = useMemo(() => new TakeActions(wb, apply), [wb, apply]);
  const root = useRef<HTMLDivElement>(null);
  const [newTake, setNewTake] = useState<NewTake | null>(null);
  const seq = useRef(0);
  actions.startTake = (group, values = {}) => {
    setNewTake({ group, values, id: ++seq.current });
    actions.focus = { selector: `[data-group="${group}"] [data-new-take] [data-field="outlet"]` };
  };
  const groups = useMemo(() => takeGroups(snap.parsed), [snap.parsed]);
  const outlets = useMemo(() => wb.outlets(), [wb, snap.tabId]);

  useLayoutEffect(() => {
    const req = actions.focus;
    if (!req || !root.current) return;
    actions.focus = null;
    const selector =
      'selector' in req ? req.selector : `[data-take="${req.take}"] [data-field="${req.field}"]`;
    const el = root.current.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        const end = el.value.length;
        el.setSelectionRange(end, end);
      }
      el.scrollIntoView({ block: 'nearest' });
    }
  });

  const takesSection = snap.parsed.facts.sections.some((s) => s.kind === 'takes');

  return (
    <div className="forms-panel" ref={root}>
      <datalist id="forms-outlets">
        {outlets.map((o) => (
          <option key={o.outlet} value={o.outlet} />
        ))}
      </datalist>
      <datalist id="forms-regions">
        {vocab.regions.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <datalist id="forms-languages">
        {vocab.languages.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <datalist id="forms-lenses">
        {vocab.lenses
          .filter((l) => !groups.some((g) => g.lens === l))
          .map((r) => (
            <option key={r} value={r} />
          ))}
      </datalist>
      <Coverage
        parsed={snap.parsed}
        vocabularies={vocab}
        onAddRegion={(region) => actions.startTake(defaultGroup(groups), { region })}
        onAddLens={(lens) => actions.addLens(lens)}
      />
      {!takesSection && (
        <p className="forms-empty">
          This story has no Regional takes section yet. Add a lens group below to start one.
        </p>
      )}
      {groups.map((g) => (
        <LensGroup
          key={g.index}
          group={g}
          groups={groups.length}
          actions={actions}
          newTake={newTake?.group === g.index ? newTake : null}
          onNewTakeDone={() => setNewTake(null)}
        />
      ))}
      <NewLens actions={actions} />
    </div>
  );
}

/** Where a take started from the coverage chart goes: the unlabelled group, else the last. */
function defaultGroup(groups: readonly GroupRow[]): number {
  const unlabelled = groups.find((g) => g.lens === 'unlabelled');
  return unlabelled?.index ?? Math.max(0, groups.length - 1);
}

interface NewTake {
  group: number;
  values: Partial<Record<TakeField, string>>;
  id: number;
}

function LensGroup({
  group,
  groups,
  actions,
  newTake,
  onNewTakeDone,
}: {
  group: GroupRow;
  groups: number;
  actions: TakeActions;
  newTake: NewTake | null;
  onNewTakeDone(): void;
}) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const take = Number(e.dataTransfer.getData(DRAG_TYPE));
    if (!Number.isInteger(take)) return;
    e.preventDefault();
    actions.moveTo(take, group.index, group.takes.length);
  };
  return (
    <section className="lens-group" aria-label={`Lens ${group.lens}`} data-group={group.index}>
      <h3 className="visually-hidden">Lens {group.lens}</h3>
      <LensHead
        index={group.index}
        lens={group.lens}
        takes={group.takes.length}
        groups={groups}
        notes={notesKey(group)}
        actions={actions}
      />
      <ol
        className={`take-list${over ? ' is-over' : ''}`}
        aria-label={`Takes in ${group.lens}`}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {group.takes.map((t) => (
          <TakeCard
            key={t.position}
            row={t}
            outlet={t.fact.take.outlet}
            region={t.fact.take.region}
            language={t.fact.take.language}
            summary={t.fact.take.summary}
            quote={t.fact.take.quote}
            source={t.fact.take.source}
            notes={notesKey(t)}
            actions={actions}
          />
        ))}
      </ol>
      {newTake ? (
        <NewTakeRow
          key={newTake.id}
          group={group}
          initial={newTake.values}
          actions={actions}
          onDone={onNewTakeDone}
        />
      ) : (
        <button
          type="button"
          className="button small add-button"
          data-action="add-take"
          onClick={() => actions.startTake(group.index)}
        >
          <Plus size={14} aria-hidden="true" />
          Add take
        </button>
      )}
    </section>
  );
}

/** A lens group's name and tools; memoized, so a keystroke in a take leaves it alone. */
const LensHead = memo(function LensHead({
  index,
  lens,
  takes,
  groups,
  notes,
  actions,
}: {
  index: number;
  lens: string;
  takes: number;
  groups: number;
  notes: string;
  actions: TakeActions;
}) {
  return (
    <div className="lens-head">
      <TextField
        id={`lens-${index}-name`}
        label="Lens"
        hiddenLabel
        className="lens-name"
        value={lens}
        list="forms-lenses"
        field="lens"
        onCommit={(v) => actions.renameLens(index, v)}
        notes={notesOf(notes)}
      />
      <span className="lens-count" title={`${takes} takes`}>
        {takes} {takes === 1 ? 'take' : 'takes'}
      </span>
      <div className="lens-tools">
        <MoveButtons
          name={`lens ${lens}`}
          action="lens"
          first={index === 0}
          last={index === groups - 1}
          onMove={(step) => actions.moveLens(index, index + step)}
        />
        <button
          type="button"
          className="icon-button small danger"
          aria-label={`Remove lens ${lens}`}
          title={takes ? 'Remove the lens and its takes' : 'Remove lens'}
          onClick={() => actions.removeLens(index, lens)}
        >
          <Trash2 size={14} aria-hidden="true" />
        </button>
      </div>
    </div>
  );
});

const DRAG_TYPE = 'application/x-storydesk-take';

function notesKey(t: { diagnostics: readonly Diagnostic[] }): string {
  return t.diagnostics.map((d) => `${d.severity}\u0000${d.code}\u0000${d.message}`).join('\u0001');
}

function notesOf(key: string): (Note & { code: string })[] {
  if (!key) return [];
  return key.split('\u0001').map((s) => {
    const [severity, code, message] = s.split('\u0000') as [Note['severity'], string, string];
    return { severity, code, message };
  });
}

interface TakeCardProps {
  row: TakeRow;
  outlet: string;
  region: string;
  language: string;
  summary: string;
  quote: string | null;
  source: string | null;
  /** The take's diagnostics, as one string so memo compares them by value. */
  notes: string;
  actions: TakeActions;
}

const TakeCard = memo(
  function TakeCard(props: TakeCardProps) {
    const { row, actions } = props;
    const take = row.index;
    const id = `take-${take}`;
    const notes = notesOf(props.notes);
    const fieldNotes = (f: TakeField) => notes.filter((n) => diagnosticField(n.code) === f);
    const cardNotes = notes.filter((n) => diagnosticField(n.code) === null);
    const label = props.outlet || 'new take';

    const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      const field = ((e.target as HTMLElement).dataset.field ?? 'outlet') as TakeField;
      actions.move(take, e.key === 'ArrowUp' ? -1 : 1, field);
    };

    const field = (f: TakeField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
      <TextField
        id={`${id}-${f}`}
        label={FIELD_LABELS[f]}
        field={f}
        className={`ff-${f}`}
        value={(props[f] as string | null) ?? ''}
        notes={fieldNotes(f)}
        onCommit={(v) => actions.setField(take, f, v)}
        {...extra}
      />
    );

    return (
      <li
        className="take-card"
        data-take={take}
        onKeyDown={onKeyDown}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
          e.preventDefault();
          e.stopPropagation();
          const box = e.currentTarget.getBoundingClientRect();
          e.currentTarget.dataset.drop = e.clientY < box.top + box.height / 2 ? 'before' : 'after';
        }}
        onDragLeave={(e) => delete e.currentTarget.dataset.drop}
        onDrop={(e) => {
          const from = Number(e.dataTransfer.getData(DRAG_TYPE));
          const where = e.currentTarget.dataset.drop;
          delete e.currentTarget.dataset.drop;
          if (!Number.isInteger(from)) return;
          e.preventDefault();
          e.stopPropagation();
          let position = row.position + (where === 'after' ? 1 : 0);
          // Within its own group, the take's own place closes up first.
          const state = actions.wb.activeState();
          const fact = state ? parsedStory(state).facts.takes[from] : undefined;
          if (fact && fact.group === row.group && fact.index < take) position -= 1;
          if (from !== take) actions.moveTo(from, row.group, position);
        }}
      >
        <div className="take" role="group" aria-label={`Take ${take + 1}: ${label}`}>
          <div className="take-head">
            <span
              className="take-grip"
              draggable
              title="Drag to move (or Alt+Up / Alt+Down in any field)"
              aria-hidden="true"
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, String(take));
                e.dataTransfer.effectAllowed = 'move';
                const card = e.currentTarget.closest('.take-card');
                if (card) e.dataTransfer.setDragImage(card, 12, 12);
              }}
            >
              <GripVertical size={14} />
            </span>
            <span className="take-number">{take + 1}</span>
            <span className="take-label">{props.outlet || <em>New take</em>}</span>
            <MoveButtons
              name={`take ${take + 1}`}
              keys
              action="take"
              onMove={(step) => actions.move(take, step, 'outlet')}
            />
            <button
              type="button"
              className="icon-button small danger"
              aria-label={`Remove take ${take + 1}`}
              title="Remove take"
              onClick={() => actions.remove(take, props.outlet || 'a new outlet')}
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </div>
          <div className="take-row">
            {field('outlet', {
              list: 'forms-outlets',
              onPicked: (v) => {
                const usage = actions.outlets().find((o) => o.outlet === v);
                if (usage) actions.pickOutlet(take, usage);
              },
            })}
            {field('region', { list: 'forms-regions' })}
            {field('language', { list: 'forms-languages' })}
          </div>
          {field('summary', { multiline: true })}
          {field('quote', { multiline: true, placeholder: 'No quote' })}
          {field('source', { type: 'url', placeholder: 'https://' })}
          {cardNotes.length > 0 && (
            <div className="ff-notes">
              <NoteLines notes={cardNotes} />
            </div>
          )}
        </div>
      </li>
    );
  },
  (a, b) =>
    a.row.index === b.row.index &&
    a.row.group === b.row.group &&
    a.row.position === b.row.position &&
    a.outlet === b.outlet &&
    a.region === b.region &&
    a.language === b.language &&
    a.summary === b.summary &&
    a.quote === b.quote &&
    a.source === b.source &&
    a.notes === b.notes &&
    a.actions === b.actions,
);

const NewLens = memo(function NewLens({ actions }: { actions: TakeActions }) {
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = () => {
    const found = actions.addLens(name.trim());
    if (found) setProblems(found);
    else {
      setName('');
      setProblems([]);
    }
  };
  return (
    <form
      className="new-lens"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="forms-new-lens" className="ff-label">
        New lens
      </label>
      <div className="new-lens-row">
        <input
          id="forms-new-lens"
          className="ff-input"
          list="forms-lenses"
          value={name}
          autoComplete="off"
          aria-invalid={problems.length ? true : undefined}
          aria-describedby={problems.length ? 'forms-new-lens-notes' : undefined}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Gulf"
        />
        <button
          type="submit"
          className="button small"
          data-action="add-lens"
          disabled={!name.trim()}
        >
          <Plus size={14} aria-hidden="true" />
          Add lens
        </button>
      </div>
      <Problems id="forms-new-lens-notes" problems={problems} />
    </form>
  );
});

const REQUIRED: TakeField[] = ['outlet', 'region', 'language', 'source'];

/**
 * A take being started: its fields live here until they can be written (the
 * format has no take without an outlet, region, language and source), then
 * it is written in one step at the end of its group and the focus moves into
 * the real take, in the field being typed.
 */
function NewTakeRow({
  group,
  initial,
  actions,
  onDone,
}: {
  group: GroupRow;
  initial: Partial<Record<TakeField, string>>;
  actions: TakeActions;
  onDone(): void;
}) {
  const [values, setValues] = useState<Partial<Record<TakeField, string>>>(initial);
  // Values it was started with (a region picked in the coverage chart) count as typed.
  const touched = useRef(new Set<TakeField>(Object.keys(initial) as TakeField[]));
  const current = useRef(values);
  const id = `new-take-${group.index}`;

  const commit = (field: TakeField, v: string, extra: Partial<Record<TakeField, string>> = {}) => {
    const next = { ...current.current, ...extra, [field]: v };
    current.current = next;
    setValues(next);
    touched.current.add(field);
    const ready = REQUIRED.every((f) => (next[f] ?? '').trim() !== '');
    if (!ready) return null;
    const problems = actions.writeNewTake(group.index, next, field);
    if (!problems) {
      onDone();
      return null;
    }
    return problems.filter((p) => p.field === field || touched.current.has(p.field as TakeField));
  };

  const missing = REQUIRED.filter((f) => !(values[f] ?? '').trim()).map((f) => FIELD_LABELS[f]);
  const field = (f: TakeField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={`${id}-${f}`}
      label={FIELD_LABELS[f]}
      field={f}
      className={`ff-${f}`}
      value={values[f] ?? ''}
      onCommit={(v) => commit(f, v)}
      {...extra}
    />
  );
  return (
    <div
      className="take new-take"
      role="group"
      aria-label={`New take in ${group.lens}`}
      data-new-take
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onDone();
          actions.focus = { selector: `[data-group="${group.index}"] [data-action="add-take"]` };
        }
      }}
    >
      <div className="take-head">
        <span className="take-label">New take</span>
        <button
          type="button"
          className="icon-button small"
          aria-label="Discard the new take"
          title="Discard (Esc)"
          onClick={() => {
            onDone();
            actions.focus = { selector: `[data-group="${group.index}"] [data-action="add-take"]` };
          }}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      <p className="new-take-hint">
        {missing.length
          ? `Written to the text once ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} filled`
          : 'Not written yet: see the problems below'}
      </p>
      <div className="take-row">
        {field('outlet', {
          list: 'forms-outlets',
          onCommit: (v) => {
            const usage = actions.outlets().find((o) => o.outlet === v);
            // A known outlet brings its usual region and language (where not typed yet).
            const extra: Partial<Record<TakeField, string>> = {};
            if (usage && !touched.current.has('region')) extra.region = usage.region;
            if (usage && !touched.current.has('language')) extra.language = usage.language;
            return commit('outlet', v, extra);
          },
        })}
        {field('region', { list: 'forms-regions' })}
        {field('language', { list: 'forms-languages' })}
      </div>
      {field('summary', { multiline: true })}
      {field('quote', { multiline: true, placeholder: 'No quote' })}
      {field('source', { type: 'url', placeholder: 'https://' })}
    </div>
  );
}

/** “A”, “A and B”, “A, B and C”. */
function listed(names: readonly string[]): string {
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
