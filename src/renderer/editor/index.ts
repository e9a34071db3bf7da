// The story editor: CodeMirror 6 extensions over FORMAT.md's layout. One text,
// many views: the parse lives in the `storyParse` field, and everything else
// (here and in the shell, preview and forms) reads it through `parsedStory`.

export { storyParse, parsedStory } from './parse-field';
export {
  storyEditorConfig,
  type StoryEditorConfig,
  type EntityChoice,
  type StoryChoice,
  type OutletUsage,
} from './config';
export { storyEditor } from './editor';
export { baseStoryExtensions, storyKeymap, type BaseOptions } from './base';
export { storyHighlight, storyDecorations } from './highlight';
export { storyColorScheme, storyChromeTheme } from './theme';
export { storyFolding, storyFoldRange } from './folding';
export { storyIndentation } from './indent';
export {
  storyLint,
  storyDiagnostics,
  problemsOf,
  applyFirstFix,
  applyQuickFix,
  fixTransaction,
} from './lint';
export { storyCompletion, storyCompletionSources } from './completion';
export {
  entityLinkCompletions,
  entityNameCompletions,
  storySlugCompletions,
  linkableAt,
} from './complete-links';
export {
  takeCompletions,
  metaCompletions,
  headingCompletions,
  takeFieldAt,
} from './complete-fields';
export { storyLinkClick, linkAt, openLink, openLinkAtCursor, type LinkTarget } from './links';
export { outlineOf, revealPosition, type OutlineItem } from './outline';
