import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
  rectangularSelection,
  type KeyBinding,
} from '@codemirror/view';
import { storyChromeTheme } from './theme';

// The plain editor under the story features: what any CodeMirror text editor
// has (history, search and replace, multiple selections, bracket matching),
// set up for prose (wrapped lines, spellcheck, no indentation on input).

/** Closing brackets, then the standard editing, search and history keys. */
export const storyKeymap: readonly KeyBinding[] = [
  ...closeBracketsKeymap,
  ...defaultKeymap,
  ...searchKeymap,
  ...historyKeymap,
];

export interface BaseOptions {
  /** Shown while the document is empty. */
  placeholder?: string;
}

const DEFAULT_PLACEHOLDER = 'Start with “# Headline”, then “> dek” and the Meta line…';

export function baseStoryExtensions(options: BaseOptions = {}): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    bracketMatching(),
    // closeBrackets stays: `[` becomes `[]` and `[[` becomes `[[]]`, and the
    // link completions replace through those closing brackets. Single quotes
    // are apostrophes in prose, so they are not paired.
    closeBrackets(),
    EditorState.languageData.of(() => [{ closeBrackets: { brackets: ['(', '[', '{', '"'] } }]),
    search({ top: true }),
    EditorView.lineWrapping,
    EditorState.tabSize.of(2),
    EditorView.contentAttributes.of({ spellcheck: 'true', 'aria-label': 'Story text' }),
    placeholder(options.placeholder ?? DEFAULT_PLACEHOLDER),
    keymap.of(storyKeymap),
    storyChromeTheme,
  ];
}
