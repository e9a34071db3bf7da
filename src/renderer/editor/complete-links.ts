import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Span } from '../../shared/story';
import { dispatchPick, runLength, type Dispatcher } from './complete-apply';
import { indexOptions, narrow, type OptionIndex } from './complete-index';
import { storyEditorConfig, type EntityChoice, type StoryChoice } from './config';
import { parsedStory } from './parse-field';
import { itemAt } from './spans';

// Links from the desk's registries. `[` in prose offers entities by name and
// by alias and writes the entity link; `[[` offers story slugs; the Entities
// line offers entity names. The option lists are built once per list the
// shell hands over, so reopening the popup on a 20,000-entity desk does not
// rebuild 20,000 objects.

const within = (s: Span | null | undefined, pos: number) => !!s && s.from <= pos && pos <= s.to;

/** Lines where an entity link never belongs, by prefix: they may not parse while typed. */
const UNLINKABLE_LINE = /^(?:# |> |\*\*Meta:\*\*|#{2,3} |- Related:|- Entities:|Canonical: |---$)/;

/** Whether an entity link belongs at `pos`: prose, a take's summary or quote, a number's note. */
export function linkableAt(state: EditorState, pos: number): boolean {
  if (UNLINKABLE_LINE.test(state.doc.lineAt(pos).text)) return false;
  const { facts } = parsedStory(state);
  if (
    within(facts.frontMatter, pos) ||
    within(facts.title, pos) ||
    within(facts.dek, pos) ||
    within(facts.meta, pos) ||
    within(facts.footer, pos) ||
    within(facts.relatedLine, pos) ||
    within(facts.entitiesLine, pos)
  )
    return false;
  if (facts.sections.some((s) => within(s.headingSpan, pos))) return false;
  if (itemAt(facts.lenses, pos, (l) => l.headingSpan)) return false;
  const take = itemAt(facts.takes, pos, (t) => t.span);
  if (take) return within(take.fields.summary, pos) || within(take.quoteSpan, pos);
  return true;
}

/** The locale links are written with: the story's own, else the desk's. */
function linkLocale(state: EditorState): string {
  return parsedStory(state).facts.locale ?? state.facet(storyEditorConfig).locale;
}

/**
 * Writes `[label](/{locale}/entity/{slug})` over what was typed: from the `[`
 * (or, without one, the word) to the cursor, and over a `]` that closeBrackets
 * added, or the rest of an existing link whose text is being retyped.
 */
function insertEntityLink(view: Dispatcher, c: Completion, from: number, slug: string) {
  const { state } = view;
  const head = state.selection.main.head;
  const after = state.sliceDoc(head, state.doc.lineAt(head).to);
  const bracket = state.sliceDoc(from - 1, from) === '[';
  const start = bracket ? from - 1 : from;
  let end = head;
  if (bracket) {
    const existing = /^[^[\]\n]*\]\([^()\s]*\)/.exec(after);
    if (existing) end += existing[0].length;
    else if (after.startsWith(']')) end += 1;
  } else {
    end += runLength(after, /[^\p{L}\p{N}'’-]/u);
  }
  const insert = `[${c.label}](/${linkLocale(state)}/entity/${slug})`;
  dispatchPick(view, c, {
    changes: { from: start, to: end, insert },
    selection: { anchor: start + insert.length },
  });
}

const linkOptions = new WeakMap<readonly EntityChoice[], OptionIndex>();

/** One option per entity name and per alias; picking either links the entity. */
function entityLinkOptions(entities: readonly EntityChoice[]): OptionIndex {
  let index = linkOptions.get(entities);
  if (index) return index;
  const options: Completion[] = [];
  for (const e of entities) {
    const apply = (view: EditorView, c: Completion, from: number) =>
      insertEntityLink(view, c, from, e.slug);
    options.push({ label: e.name, detail: e.kind, type: 'entity', boost: 1, apply });
    for (const alias of e.aliases)
      if (alias !== e.name)
        options.push({ label: alias, detail: `${e.name} · ${e.kind}`, type: 'alias', apply });
  }
  linkOptions.set(entities, (index = indexOptions(options)));
  return index;
}

/**
 * `[` in prose: entities by name and alias. With an explicit request (Ctrl-Space)
 * and no `[`, the word before the cursor is offered for linking.
 */
export function entityLinkCompletions(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const bracket = context.matchBefore(/(?<![[!\\])\[[^[\]()\n]{0,60}$/);
  const word =
    bracket || !context.explicit ? null : context.matchBefore(/[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u);
  if (!bracket && !word) return null;
  if (!linkableAt(state, pos)) return null;
  const entities = state.facet(storyEditorConfig).entities();
  if (!entities.length) return null;
  const query = bracket ? bracket.text.slice(1) : word!.text;
  const shape = bracket ? /^[^[\]()\n]*$/ : /^[\p{L}\p{N}'’-]*$/u;
  return { from: pos - query.length, ...narrow(entityLinkOptions(entities), query, shape) };
}

/** Writes `[[slug]]` over the typed `[[…`, and over the `]]` closeBrackets added. */
function insertStorySlug(view: Dispatcher, c: Completion, from: number) {
  const { state } = view;
  const head = state.selection.main.head;
  const after = state.sliceDoc(head, state.doc.lineAt(head).to);
  const close = /^[^[\]\s]*\]{0,2}/.exec(after)![0];
  const start = from - 2;
  const insert = `[[${c.label}]]`;
  dispatchPick(view, c, {
    changes: { from: start, to: head + (close.endsWith(']') ? close.length : 0), insert },
    selection: { anchor: start + insert.length },
  });
}

const slugOptions = new WeakMap<readonly StoryChoice[], OptionIndex>();

function storySlugOptions(stories: readonly StoryChoice[]): OptionIndex {
  let index = slugOptions.get(stories);
  if (!index) {
    const options = stories.map((s) => ({
      label: s.slug,
      detail: s.title,
      type: 'story',
      apply: insertStorySlug,
    }));
    slugOptions.set(stories, (index = indexOptions(options)));
  }
  return index;
}

/** `[[`: the desk's stories by slug, without this story and those already related. */
export function storySlugCompletions(context: CompletionContext): CompletionResult | null {
  const m = context.matchBefore(/\[\[[^[\]\s]{0,80}$/);
  if (!m) return null;
  const { facts } = parsedStory(context.state);
  // On the Related line, the stories it already lists are not offered again.
  const onRelated = context.state.doc.lineAt(context.pos).text.startsWith('- Related:');
  const taken = new Set(
    onRelated ? facts.related.filter((r) => !within(r.span, context.pos)).map((r) => r.slug) : [],
  );
  if (facts.slug) taken.add(facts.slug);
  const index = storySlugOptions(context.state.facet(storyEditorConfig).stories());
  const query = m.text.slice(2);
  return {
    from: m.from + 2,
    ...narrow(index, query, /^[^[\]\s]*$/, (o) => !taken.has(o.label)),
  };
}

/** Writes the picked name over the one being typed on the Entities line. */
function insertEntityName(view: Dispatcher, c: Completion, from: number) {
  const head = view.state.selection.main.head;
  const rest = runLength(view.state.sliceDoc(head, view.state.doc.lineAt(head).to), /,/);
  dispatchPick(view, c, {
    changes: { from, to: head + rest, insert: c.label },
    selection: { anchor: from + c.label.length },
  });
}

const nameOptions = new WeakMap<readonly EntityChoice[], OptionIndex>();

function entityNameOptions(entities: readonly EntityChoice[]): OptionIndex {
  let index = nameOptions.get(entities);
  if (!index) {
    const options = entities.map((e) => ({
      label: e.name,
      detail: e.kind,
      type: 'entity',
      apply: insertEntityName,
    }));
    nameOptions.set(entities, (index = indexOptions(options)));
  }
  return index;
}

/** The Entities line: entity names not yet listed, written as plain names. */
export function entityNameCompletions(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const line = state.doc.lineAt(pos);
  if (!line.text.startsWith('- Entities:')) return null;
  const m = /^- Entities:(?:.*, | ?)([^,]*)$/.exec(state.sliceDoc(line.from, pos));
  if (!m) return null;
  const { facts } = parsedStory(state);
  const listed = new Set(facts.entities.filter((e) => !within(e.span, pos)).map((e) => e.name));
  const index = entityNameOptions(state.facet(storyEditorConfig).entities());
  return {
    from: pos - m[1]!.length,
    ...narrow(index, m[1]!, /^[^,]*$/, (o) => !listed.has(o.label)),
  };
}
