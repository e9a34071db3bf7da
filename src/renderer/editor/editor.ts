import type { Extension } from '@codemirror/state';
import { baseStoryExtensions, type BaseOptions } from './base';
import { storyCompletion } from './completion';
import { storyEditorConfig, type StoryEditorConfig } from './config';
import { storyFolding } from './folding';
import { storyHighlight } from './highlight';
import { storyIndentation } from './indent';
import { storyLinkClick } from './links';
import { storyLint } from './lint';
import { storyParse } from './parse-field';

// The whole story editor in one extension. Each part is also exported on its
// own, for a shell that wants a different mix (a read-only viewer without
// lint or completion, say).

export function storyEditor(config: StoryEditorConfig & BaseOptions): Extension {
  return [
    storyEditorConfig.of(config),
    storyParse,
    baseStoryExtensions(config),
    storyHighlight(),
    storyIndentation(),
    storyFolding(),
    storyLint(),
    storyCompletion(),
    storyLinkClick(),
  ];
}
