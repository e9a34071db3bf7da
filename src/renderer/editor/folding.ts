import { codeFolding, foldGutter, foldKeymap, foldService } from '@codemirror/language';
import type { EditorState, Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import type { Span } from '../../shared/story';
import { parsedStory, storyParse } from './parse-field';
import { firstReaching } from './spans';

// Folds what the parser says a section, a lens group or the front matter
// spans: a `## ` line folds to the section's last non-blank line (the blank
// lines before the next heading stay visible, so folded sections still read
// as separate blocks), a `### ` line to its group's last take.

/** The fold range for the line at `lineStart`..`lineEnd`, or null. */
export function storyFoldRange(
  state: EditorState,
  lineStart: number,
  lineEnd: number,
): { from: number; to: number } | null {
  const first = state.doc.sliceString(lineStart, Math.min(lineEnd, lineStart + 4));
  const { facts } = parsedStory(state);
  let span: Span | undefined;
  if (first.startsWith('### ') || first === '###') {
    span = lineAt(facts.lenses, lineStart, (l) => l.span);
  } else if (first.startsWith('## ') || first === '##') {
    span = lineAt(facts.sections, lineStart, (s) => s.span);
  } else if (first === '---' && facts.frontMatter?.from === lineStart) {
    span = facts.frontMatter;
  }
  return span && span.to > lineEnd ? { from: lineEnd, to: span.to } : null;
}

function lineAt<T>(items: readonly T[], lineStart: number, span: (item: T) => Span) {
  const item = items[firstReaching(items, lineStart, span)];
  return item && span(item).from === lineStart ? span(item) : undefined;
}

/** What a folded block says it hides: its takes for a lens group, else its lines. */
function describe(state: EditorState, range: { from: number; to: number }): string {
  const { facts } = parsedStory(state);
  const lens = facts.lenses.find((l) => l.span.from <= range.from && l.span.to === range.to);
  if (lens) {
    let n = 0;
    for (const t of facts.takes) if (t.span.from > lens.span.from && t.span.to <= lens.span.to) n++;
    return `${n} ${n === 1 ? 'take' : 'takes'}`;
  }
  const lines = state.doc.lineAt(range.to).number - state.doc.lineAt(range.from).number;
  return `${lines} ${lines === 1 ? 'line' : 'lines'}`;
}

function placeholder(
  _view: unknown,
  onclick: (event: Event) => void,
  prepared: string,
): HTMLElement {
  const el = document.createElement('span');
  el.className = 'cm-foldPlaceholder';
  el.textContent = `… ${prepared}`;
  el.title = 'Unfold';
  el.setAttribute('aria-label', `folded: ${prepared}`);
  el.onclick = onclick;
  return el;
}

/** Section, lens-group and front-matter folding, a fold gutter and the fold keys. */
export function storyFolding(): Extension {
  return [
    storyParse,
    foldService.of(storyFoldRange),
    codeFolding({ preparePlaceholder: describe, placeholderDOM: placeholder }),
    foldGutter({ openText: '▾', closedText: '▸' }),
    keymap.of(foldKeymap),
  ];
}
