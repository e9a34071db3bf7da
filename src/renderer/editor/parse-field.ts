import { StateField, type EditorState } from '@codemirror/state';
import { parseStory, type ParseResult } from '../../shared/story';

// The story as the parser reads it, kept beside the document. Parsing the whole
// text is cheap (tens of microseconds for a normal story, well under a
// millisecond for a 300-take one), so it is redone on every change rather than
// patched; everything else in the editor, and the views around it (preview,
// forms, outline, problems), reads this instead of parsing again.

export const storyParse = StateField.define<ParseResult>({
  create: (state) => parseStory(state.doc.toString()),
  update: (value, tr) => (tr.docChanged ? parseStory(tr.newDoc.toString()) : value),
});

/**
 * The parse of `state`'s document. Works with or without `storyParse`
 * installed: without it, the text is parsed on the spot (and not kept).
 */
export function parsedStory(state: EditorState): ParseResult {
  return state.field(storyParse, false) ?? parseStory(state.doc.toString());
}
