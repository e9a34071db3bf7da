import { autocompletion, type CompletionSource } from '@codemirror/autocomplete';
import { EditorState, type Extension } from '@codemirror/state';
import { headingCompletions, metaCompletions, takeCompletions } from './complete-fields';
import {
  entityLinkCompletions,
  entityNameCompletions,
  storySlugCompletions,
} from './complete-links';
import { storyParse } from './parse-field';

// Registers the story's completion sources as language data, so a shell can
// add its own sources beside them, and turns on the completion popup. Each
// source answers null at once where it does not apply; they run only after
// typing pauses briefly, never on the keystroke itself.

export const storyCompletionSources: readonly CompletionSource[] = [
  storySlugCompletions,
  entityLinkCompletions,
  entityNameCompletions,
  takeCompletions,
  metaCompletions,
  headingCompletions,
];

/** Entity, story, outlet, region, language, Meta and heading completion. */
export function storyCompletion(): Extension {
  return [
    storyParse,
    EditorState.languageData.of(() =>
      storyCompletionSources.map((autocomplete) => ({ autocomplete })),
    ),
    autocompletion({ icons: false, maxRenderedOptions: 80 }),
  ];
}
