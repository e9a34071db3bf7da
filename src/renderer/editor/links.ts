import { Prec, StateEffect, type EditorState, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  keymap,
  type Command,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { storyEditorConfig } from './config';
import { parsedStory, storyParse } from './parse-field';
import { itemAt } from './spans';

// Following links: Mod-click (Cmd on macOS, Ctrl elsewhere) or Mod-Enter on an
// entity link, a story link, a `[[slug]]` or a name on the Entities line hands
// its slug to the shell. A plain click still places the cursor: links are
// text being edited first. While Mod is held, the link under the pointer
// shows a hand, so the gesture can be discovered.

export interface LinkTarget {
  kind: 'entity' | 'story';
  slug: string;
  /** The text the link occupies. */
  from: number;
  to: number;
}

const mac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);
const isMod = (e: MouseEvent | KeyboardEvent) => (mac ? e.metaKey : e.ctrlKey);

/** The link holding `pos`, ends included. Entities-line names resolve by name or alias. */
export function linkAt(state: EditorState, pos: number): LinkTarget | null {
  const { facts } = parsedStory(state);
  const link =
    itemAt(facts.entityLinks, pos, (l) => l.span) ?? itemAt(facts.storyLinks, pos, (l) => l.span);
  if (link) {
    const kind = facts.entityLinks.includes(link) ? 'entity' : 'story';
    return { kind, slug: link.slug, ...link.span };
  }
  const related = itemAt(facts.related, pos, (r) => ({ from: r.span.from - 2, to: r.span.to + 2 }));
  if (related)
    return {
      kind: 'story',
      slug: related.slug,
      from: related.span.from - 2,
      to: related.span.to + 2,
    };
  const named = itemAt(facts.entities, pos, (e) => e.span);
  if (named) {
    const entities = state.facet(storyEditorConfig).entities();
    const lower = named.name.toLowerCase();
    const entity =
      entities.find((e) => e.name === named.name) ??
      entities.find(
        (e) => e.name.toLowerCase() === lower || e.aliases.some((a) => a.toLowerCase() === lower),
      );
    if (entity) return { kind: 'entity', slug: entity.slug, ...named.span };
  }
  return null;
}

/** Hands `target` to the shell. False when the shell has no handler for its kind. */
export function openLink(state: EditorState, target: LinkTarget): boolean {
  const config = state.facet(storyEditorConfig);
  const open = target.kind === 'entity' ? config.onOpenEntity : config.onOpenStory;
  if (!open) return false;
  open(target.slug);
  return true;
}

/** Opens the link under the cursor; false (so the key falls through) when there is none. */
export const openLinkAtCursor: Command = (view) => {
  const target = linkAt(view.state, view.state.selection.main.head);
  return !!target && openLink(view.state, target);
};

/** The link under the pointer, if the pointer is over its text (not past a line's end). */
function linkAtPointer(view: EditorView, x: number, y: number): LinkTarget | null {
  const hit = view.posAndSideAtCoords({ x, y });
  if (!hit) return null;
  const at = hit.assoc < 0 ? hit.pos - 1 : hit.pos;
  const target = linkAt(view.state, at);
  if (!target || at < target.from || at >= target.to) return null;
  const box = view.coordsAtPos(hit.pos, hit.assoc);
  if (
    box &&
    (x < box.left - view.defaultCharacterWidth * 2 ||
      x > box.right + view.defaultCharacterWidth * 2)
  )
    return null;
  return target;
}

const hoverChanged = StateEffect.define<null>();
const hoverMark = Decoration.mark({ class: 'cm-story-link-hover' });

/** Tracks the Mod key and the pointer, and marks the link a Mod-click would open. */
const hoverPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet = Decoration.none;
    target: LinkTarget | null = null;
    mod = false;
    live = true;
    x = -1;
    y = -1;
    readonly onKey = (e: KeyboardEvent) => this.setMod(isMod(e));
    readonly onBlur = () => this.setMod(false);

    constructor(readonly view: EditorView) {
      window.addEventListener('keydown', this.onKey);
      window.addEventListener('keyup', this.onKey);
      window.addEventListener('blur', this.onBlur);
    }

    setMod(mod: boolean) {
      if (mod === this.mod) return;
      this.mod = mod;
      this.refresh();
    }

    refresh() {
      const target = this.mod && this.x >= 0 ? linkAtPointer(this.view, this.x, this.y) : null;
      const same =
        target === this.target ||
        (target && this.target && target.from === this.target.from && target.to === this.target.to);
      if (same) return;
      this.target = target;
      this.decorations = target
        ? Decoration.set(hoverMark.range(target.from, target.to))
        : Decoration.none;
      // Only a transaction makes the view read the decorations again; this one changes nothing else.
      queueMicrotask(() => {
        if (this.live) this.view.dispatch({ effects: hoverChanged.of(null) });
      });
    }

    update(update: ViewUpdate) {
      if (update.docChanged && this.target) {
        this.target = null;
        this.decorations = Decoration.none;
      }
    }

    destroy() {
      this.live = false;
      window.removeEventListener('keydown', this.onKey);
      window.removeEventListener('keyup', this.onKey);
      window.removeEventListener('blur', this.onBlur);
    }
  },
  {
    decorations: (v) => v.decorations,
    eventObservers: {
      mousemove(e) {
        this.x = e.clientX;
        this.y = e.clientY;
        this.mod = isMod(e);
        this.refresh();
      },
      mouseleave() {
        this.x = this.y = -1;
        this.refresh();
      },
    },
  },
);

const clickHandler = EditorView.domEventHandlers({
  mousedown(event, view) {
    if (event.button !== 0 || !isMod(event) || event.shiftKey || event.altKey) return false;
    const target = linkAtPointer(view, event.clientX, event.clientY);
    if (!target || !openLink(view.state, target)) return false;
    // Handled: no cursor is added (Mod-click otherwise adds a selection range).
    event.preventDefault();
    return true;
  },
});

const hoverTheme = EditorView.baseTheme({
  '.cm-story-link-hover': {
    cursor: 'pointer',
    textDecoration: 'underline',
    textDecorationThickness: '2px',
    textUnderlineOffset: '0.2em',
  },
});

/** Mod-click and Mod-Enter on links call the config's onOpenEntity / onOpenStory. */
export function storyLinkClick(): Extension {
  return [
    storyParse,
    clickHandler,
    hoverPlugin,
    hoverTheme,
    // Above the default keymap, whose Mod-Enter inserts a blank line: ours falls through off links.
    Prec.high(keymap.of([{ key: 'Mod-Enter', run: openLinkAtCursor }])),
  ];
}
