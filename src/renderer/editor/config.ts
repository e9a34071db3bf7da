import { Facet } from '@codemirror/state';
import type { Vocabularies } from '../../shared/desk';

// What the editor knows about the desk around the story. Data sources are
// functions, read when they are needed (a completion, a click), so the shell
// can refresh entities, stories or vocabularies without reconfiguring the
// editor: reconfiguring would rebuild every plugin.

export interface EntityChoice {
  slug: string;
  name: string;
  aliases: string[];
  kind: string;
}

export interface StoryChoice {
  slug: string;
  title: string;
}

/** An outlet the desk has used, with the region and language it usually has. */
export interface OutletUsage {
  outlet: string;
  region: string;
  language: string;
}

export interface StoryEditorConfig {
  /** The desk's locale, the path prefix of every link (`ja` in /ja/entity/russia). */
  locale: string;
  entities: () => readonly EntityChoice[];
  stories: () => readonly StoryChoice[];
  vocabularies: () => Vocabularies;
  outlets: () => readonly OutletUsage[];
  /** Called on Mod-click or Mod-Enter on an entity link or an Entities name. */
  onOpenEntity?: (slug: string) => void;
  /** Called on Mod-click or Mod-Enter on a story link or a `[[slug]]`. */
  onOpenStory?: (slug: string) => void;
}

const EMPTY_VOCABULARIES: Vocabularies = {
  types: [],
  heads: [],
  lenses: [],
  regions: [],
  languages: [],
};

const DEFAULTS: StoryEditorConfig = {
  locale: 'en',
  entities: () => [],
  stories: () => [],
  vocabularies: () => EMPTY_VOCABULARIES,
  outlets: () => [],
};

/** The editor's desk configuration; the highest-precedence value wins, key by key. */
export const storyEditorConfig = Facet.define<Partial<StoryEditorConfig>, StoryEditorConfig>({
  combine: (values) => Object.assign({}, DEFAULTS, ...values.slice().reverse()),
});
