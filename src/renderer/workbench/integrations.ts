// The seams between the shell and the modules it hosts: the story editor
// (src/renderer/editor), the preview (src/renderer/preview) and the entity
// panel (src/renderer/entity), each imported directly where it is used. The
// shell talks to the preview through this narrow interface only.

import type { ParseResult } from '../../shared/story';

export type {
  StoryEditorConfig,
  EntityChoice,
  StoryChoice,
  OutletUsage,
  OutlineItem,
} from '../editor';

/** What the workbench drives the preview through (PreviewController implements it). */
export interface PreviewControllerLike {
  update(parse: ParseResult, locale: string): void;
  scrollToSource(offset: number): void;
}
