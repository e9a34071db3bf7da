import { EditorSelection, type EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { parsedStory } from './parse-field';

// The story's headings for an outline panel, straight from the parse: the
// `## ` sections and, inside Regional takes, the `### ` lens groups.

export interface OutlineItem {
  label: string;
  /** 2 for a section, 3 for a lens group. */
  level: 2 | 3;
  /** Start of the heading's line. */
  from: number;
}

export function outlineOf(state: EditorState): OutlineItem[] {
  const { facts } = parsedStory(state);
  const items: OutlineItem[] = [];
  let lens = 0;
  for (const s of facts.sections) {
    items.push({ label: s.heading, level: 2, from: s.span.from });
    for (; lens < facts.lenses.length && facts.lenses[lens]!.span.from <= s.span.to; lens++) {
      const l = facts.lenses[lens]!;
      if (l.span.from >= s.span.from) items.push({ label: l.lens, level: 3, from: l.span.from });
    }
  }
  return items;
}

/** Puts the cursor at `pos`, scrolls it to the middle of the editor and focuses it. */
export function revealPosition(view: EditorView, pos: number) {
  const at = Math.max(0, Math.min(pos, view.state.doc.length));
  view.dispatch({
    selection: EditorSelection.cursor(at),
    effects: EditorView.scrollIntoView(at, { y: 'center' }),
    userEvent: 'select.reveal',
  });
  view.focus();
}
