import {
  CompletionContext,
  type Completion,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, test } from 'vitest';
import { referenceStory } from '../../../tests/bench/fixtures';
import { defaultSettings } from '../../shared/desk';
import { newStoryText } from '../../shared/story-template';
import { headingCompletions, metaCompletions, takeCompletions } from './complete-fields';
import {
  entityLinkCompletions,
  entityNameCompletions,
  storySlugCompletions,
} from './complete-links';
import { storyEditorConfig, type StoryEditorConfig } from './config';
import { storyParse } from './parse-field';

const config: StoryEditorConfig = {
  locale: 'ja',
  entities: () => [
    { slug: 'russia', name: 'Russia', aliases: ['Moscow', 'Russian Federation'], kind: 'country' },
    { slug: 'ukraine', name: 'Ukraine', aliases: ['Kyiv'], kind: 'country' },
    {
      slug: 'volodymyr-zelensky',
      name: 'Volodymyr Zelensky',
      aliases: ['Zelensky'],
      kind: 'person',
    },
    { slug: 'reuters', name: 'Reuters', aliases: [], kind: 'organisation' },
  ],
  stories: () => [
    { slug: 'putin-zelensky-talks-rebuff', title: 'Putin rebuffs Zelensky talks' },
    { slug: 'putin-ukraine-deep-strikes-summer', title: 'Deep strikes, summer' },
    { slug: 'gaza-ceasefire-phase-two', title: 'Gaza: phase two' },
    { slug: 'ukraine-russia-geneva-territory-talks', title: 'This story' },
  ],
  vocabularies: () => defaultSettings('Test desk').vocabularies,
  outlets: () => [
    { outlet: 'Reuters', region: 'Global', language: 'en' },
    { outlet: 'Kyiv Post', region: 'Ukraine', language: 'en' },
    { outlet: 'Novaya Gazeta Europe', region: 'Russia (exile)', language: 'ru' },
  ],
};

/** A state whose text is `doc` with `|` marking the cursor (removed). */
function at(doc: string) {
  const pos = doc.indexOf('|');
  const text = doc.slice(0, pos) + doc.slice(pos + 1);
  const state = EditorState.create({
    doc: text,
    selection: { anchor: pos },
    extensions: [storyParse, storyEditorConfig.of(config)],
  });
  return { state, pos };
}

/** The reference story with `insert` (holding a `|`) put right after `anchor`. */
function inReference(anchor: string, insert: string, replace = 0) {
  const ref = referenceStory();
  const i = ref.indexOf(anchor) + anchor.length;
  return at(ref.slice(0, i) + insert + ref.slice(i + replace));
}

function complete(
  source: CompletionSource,
  s: { state: EditorState; pos: number },
  explicit = false,
) {
  return source(new CompletionContext(s.state, s.pos, explicit)) as CompletionResult | null;
}

const labels = (r: CompletionResult | null) => r?.options.map((o) => o.label) ?? [];

/** Picks `label` from `result` on `state` as the popup would, returning the new state. */
function pick(s: { state: EditorState }, result: CompletionResult, label: string): EditorState {
  const option = result.options.find((o) => o.label === label) as Completion;
  expect(option, `option ${label}`).toBeDefined();
  let state = s.state;
  const view = {
    get state() {
      return state;
    },
    dispatch: (spec: Parameters<EditorState['update']>[0]) => {
      state = state.update(spec).state;
    },
  } as unknown as EditorView;
  const apply = option.apply;
  if (typeof apply === 'function')
    apply(view, option, result.from, result.to ?? s.state.selection.main.head);
  else
    view.dispatch({
      changes: {
        from: result.from,
        to: result.to ?? state.selection.main.head,
        insert: apply ?? label,
      },
    });
  return state;
}

const lineAtCursor = (state: EditorState) => state.doc.lineAt(state.selection.main.head).text;

describe('[ in prose: entities by name and alias', () => {
  test('offers names and aliases, an alias with its entity name and kind', () => {
    const s = inReference("No leaders' summit has been scheduled.", ' [|');
    const result = complete(entityLinkCompletions, s)!;
    expect(result.from).toBe(s.pos);
    expect(labels(result)).toEqual(
      expect.arrayContaining(['Russia', 'Moscow', 'Russian Federation', 'Kyiv', 'Zelensky']),
    );
    expect(result.options.find((o) => o.label === 'Moscow')!.detail).toBe('Russia · country');
    expect(result.options.find((o) => o.label === 'Russia')!.detail).toBe('country');
  });

  test('hands over only the options containing what was typed, valid while it extends', () => {
    const s = inReference("No leaders' summit has been scheduled.", ' [Mos|');
    const result = complete(entityLinkCompletions, s)!;
    expect(result.from).toBe(s.pos - 3);
    expect(labels(result)).toEqual(['Moscow']);
    const validFor = result.validFor as (text: string) => boolean;
    expect(validFor('Mosc')).toBe(true);
    expect(validFor('Mo')).toBe(false);
    expect(validFor('Mos]')).toBe(false);
    expect(labels(complete(entityLinkCompletions, inReference('Both capitals', ' [ru|')))).toEqual([
      'Russia',
      'Russian Federation',
    ]);
  });

  test('picking an alias writes the entity link with the alias as its text', () => {
    const s = inReference("No leaders' summit has been scheduled.", ' [Mos|');
    const state = pick(s, complete(entityLinkCompletions, s)!, 'Moscow');
    expect(lineAtCursor(state)).toBe(
      "struck a Voronezh defence plant the same day. No leaders' summit has been scheduled. [Moscow](/ja/entity/russia)",
    );
    expect(state.selection.main.head).toBe(state.doc.lineAt(state.selection.main.head).to);
  });

  test('the closing bracket closeBrackets added is replaced too', () => {
    const s = inReference('Both capitals trade prisoners', ' [Zel|]');
    const state = pick(s, complete(entityLinkCompletions, s)!, 'Volodymyr Zelensky');
    expect(lineAtCursor(state)).toContain(
      'Both capitals trade prisoners [Volodymyr Zelensky](/ja/entity/volodymyr-zelensky) while',
    );
    expect(state.sliceDoc(state.selection.main.head, state.selection.main.head + 6)).toBe(' while');
  });

  test('retyping the text of an existing link re-points the whole link', () => {
    const s = inReference('## The split\n\n[', 'Kyi|', 'Moscow'.length);
    expect(lineAtCursor(s.state)).toMatch(/^\[Kyi\]\(\/ja\/entity\/russia\) reads/);
    const state = pick(s, complete(entityLinkCompletions, s)!, 'Kyiv');
    expect(lineAtCursor(state)).toMatch(/^\[Kyiv\]\(\/ja\/entity\/ukraine\) reads the negotiating/);
  });

  test('not in the title, the Meta line, a take head, or the Related line; not for [[', () => {
    expect(complete(entityLinkCompletions, inReference('# Ukraine-Russia', ' [Ru|'))).toBeNull();
    expect(complete(entityLinkCompletions, inReference('type: story', ' [Ru|'))).toBeNull();
    expect(complete(entityLinkCompletions, inReference('- **Reuters', ' [Ru|'))).toBeNull();
    expect(complete(entityLinkCompletions, inReference('- Related: ', '[Ru|'))).toBeNull();
    expect(complete(entityLinkCompletions, inReference('Both capitals', ' [[pu|'))).toBeNull();
  });

  test('in a take summary it is offered', () => {
    expect(
      labels(
        complete(entityLinkCompletions, inReference('- **CNN** (United States, en) — ', '[Ky|')),
      ),
    ).toContain('Kyiv');
  });

  test('Ctrl-Space on a plain word offers to link it', () => {
    const s = inReference(
      'Both capitals trade prisoners while refusing the core concessions, ',
      'Russ|',
      'Russia'.length,
    );
    const result = complete(entityLinkCompletions, s, true)!;
    expect(result.from).toBe(s.pos - 4);
    const state = pick(s, result, 'Russia');
    expect(lineAtCursor(state)).toContain('concessions, [Russia](/ja/entity/russia) on');
    expect(complete(entityLinkCompletions, s, false)).toBeNull();
  });
});

describe('[[: story slugs', () => {
  test('offers slugs with titles, without this story and those already related', () => {
    const s = inReference('[[ukraine-russia-energy-strike-war]]', ', [[|]]');
    const result = complete(storySlugCompletions, s)!;
    expect(result.from).toBe(s.pos);
    expect(labels(result)).toEqual(['gaza-ceasefire-phase-two']);
    expect(result.options[0]!.detail).toBe('Gaza: phase two');
  });

  test('anywhere else too (already related ones included), replacing closeBrackets’ brackets', () => {
    const s = inReference('Both capitals trade prisoners', ' [[pu|]]');
    const result = complete(storySlugCompletions, s)!;
    expect(labels(result)).toContain('putin-zelensky-talks-rebuff');
    const state = pick(s, result, 'putin-zelensky-talks-rebuff');
    expect(lineAtCursor(state)).toContain('prisoners [[putin-zelensky-talks-rebuff]] while');
    expect(state.sliceDoc(state.selection.main.head - 2, state.selection.main.head)).toBe(']]');
  });
});

describe('take heads', () => {
  test('a new take line: outlets; picking one writes its region, language and the dash', () => {
    const s = inReference('  Source: https://www.dw.com/en/ukraine/t-19222146', '\n- **Re|');
    const result = complete(takeCompletions, s)!;
    expect(result.from).toBe(s.pos - 2);
    expect(labels(result)).toEqual(
      expect.arrayContaining(['Reuters', 'Kyiv Post', 'TASS', 'Meduza']),
    );
    expect(result.options.find((o) => o.label === 'Novaya Gazeta Europe')!.detail).toBe(
      'Russia (exile), ru',
    );
    const state = pick(s, result, 'Novaya Gazeta Europe');
    expect(lineAtCursor(state)).toBe('- **Novaya Gazeta Europe** (Russia (exile), ru) — ');
    expect(state.selection.main.head).toBe(state.doc.lineAt(state.selection.main.head).to);
  });

  test('an existing take: region and language from the vocabularies and the story', () => {
    const region = complete(takeCompletions, inReference('- **Al Jazeera** (Qa', '|'))!;
    expect(labels(region)).toEqual(
      expect.arrayContaining(['Qatar', 'Global', 'Russia (exile)', 'Brazil']),
    );
    expect(region.options.find((o) => o.label === 'Qatar')!.detail).toBe('in this story');
    const lang = complete(takeCompletions, inReference('- **Al Jazeera** (Qatar, ', '|'))!;
    expect(labels(lang)).toEqual(expect.arrayContaining(['en', 'ru', 'zh', 'ar']));
    expect(
      complete(takeCompletions, inReference('- **Al Jazeera** (Qatar, en) — ', '|')),
    ).toBeNull();
  });

  test('picking a region replaces the whole field', () => {
    const s = inReference('- **Al Jazeera** (', '|');
    const state = pick(s, complete(takeCompletions, s)!, 'Turkey');
    expect(lineAtCursor(state)).toBe('- **Al Jazeera** (Turkey, en) — ');
  });

  test('a known outlet fills the template take’s placeholder region and language', () => {
    const text = newStoryText({
      slug: 'a-story',
      title: 'A story',
      type: 'brief',
      date: '2026-06-05',
      baseUrl: 'https://rbtfl.xyz',
      locale: 'ja',
    });
    const s = at(text.replace('- **Outlet**', '- **Outlet|**'));
    const result = complete(takeCompletions, s)!;
    expect(result.from).toBe(text.indexOf('Outlet'));
    const state = pick(s, result, 'Kyiv Post');
    expect(lineAtCursor(state)).toBe('- **Kyiv Post** (Ukraine, en) — ');
  });

  test('an outlet with a region already given keeps it', () => {
    const s = at(referenceStory().replace('- **TASS**', '- **Kyiv|**'));
    const state = pick(s, complete(takeCompletions, s)!, 'Kyiv Post');
    expect(lineAtCursor(state)).toBe('- **Kyiv Post** (Russia, ru) — ');
  });
});

describe('the Meta line', () => {
  test('type: offers the desk types', () => {
    const s = inReference('type: ', '|', 'story'.length);
    const result = complete(metaCompletions, s)!;
    expect(result.from).toBe(s.pos);
    expect(labels(result)).toEqual(['story', 'brief', 'explainer', 'analysis']);
    const state = pick(s, result, 'analysis');
    expect(lineAtCursor(state)).toMatch(/^\*\*Meta:\*\* type: analysis · date: 2026-06-05 ·/);
  });

  test('heads: offers the heads not yet given, after `heads: ` and after each `, `', () => {
    const s = inReference('heads: How Wars Actually End, ', '|', 'Who Decides'.length);
    const result = complete(metaCompletions, s)!;
    expect(labels(result)).toEqual([
      'Who Decides',
      'Money and Power',
      'Energy and Climate',
      "Europe's Choices",
    ]);
    const state = pick(s, result, 'Money and Power');
    expect(lineAtCursor(state)).toContain(
      'heads: How Wars Actually End, Money and Power · 13 takes',
    );

    const first = complete(
      metaCompletions,
      inReference('heads: ', '|', 'How Wars Actually End'.length),
    )!;
    expect(labels(first)).not.toContain('Who Decides');
    expect(labels(first)).toContain('How Wars Actually End');
  });

  test('nothing on the counts or the date', () => {
    expect(complete(metaCompletions, inReference('13 tak', '|'))).toBeNull();
  });
});

describe('headings and the Entities line', () => {
  test('## offers the sections the story lacks; ### the lenses', () => {
    const s = inReference("No leaders' summit has been scheduled.\n", '\n## |');
    expect(labels(complete(headingCompletions, s))).toEqual([]);
    const brief = at('# T\n> D\n\n## Summary\n\nText.\n\n## |\n');
    expect(labels(complete(headingCompletions, brief))).toEqual([
      'The split',
      'By the numbers',
      'Why it matters',
      'What to watch',
      'Regional takes (batched by bias / lens)',
      'Across the graph',
    ]);
    const lens = complete(headingCompletions, inReference('### US mainstream', '\n\n### |'))!;
    expect(labels(lens)).toEqual(
      expect.arrayContaining(['Russian state', 'US mainstream', 'unlabelled']),
    );
  });

  test('the Entities line offers entity names not yet listed', () => {
    const s = inReference('Zelensky, United States', ', Re|');
    const result = complete(entityNameCompletions, s)!;
    expect(labels(result)).toEqual(['Reuters']);
    const state = pick(s, result, 'Reuters');
    expect(lineAtCursor(state)).toMatch(/, United States, Reuters$/);
  });
});
