import {
  Compartment,
  EditorState,
  Facet,
  Text,
  type Extension,
  type StateEffect,
  type TransactionSpec,
} from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { revealPosition, storyColorScheme, storyEditor, type StoryEditorConfig } from '../editor';
import { formTransaction, JOIN_MS } from '../forms/form-transaction';
import type { TextChange } from '../../shared/story';

// The one CodeMirror view of the workbench and the EditorState of every open
// tab. The view is created once and lives outside React's render path: a tab
// switch swaps states with view.setState, and a keystroke reaches only the
// update listener below, which updates the preview synchronously and tells
// the workbench about transitions (clean to dirty) without re-rendering.
//
// The view lives in a shadow root: CodeMirror's style-mod writes <style>
// elements into a document's <head>, which the app's CSP (style-src 'self')
// refuses, but in a shadow root it uses constructed stylesheets, which CSP
// does not govern.

/** Which tab a state belongs to; the tab's id never changes, even across renames. */
const tabIdFacet = Facet.define<string, string>({ combine: (v) => v[0] ?? '' });

export interface HostHooks {
  config: StoryEditorConfig;
  /** Every document change of any tab's state that went through the view. */
  onDocChanged(tabId: string, state: EditorState): void;
  /** The active state after a change or a swap: for the preview, counts and cursor. */
  onActiveState(state: EditorState, reason: 'change' | 'swap'): void;
  onSelection(state: EditorState): void;
  /** The editor scrolled by the user: the offset of the first line in view. */
  onScrollTop?(offset: number): void;
}

interface HostTab {
  state: EditorState;
  saved: Text;
  scroll: StateEffect<unknown> | null;
}

const themeCompartment = new Compartment();

/** The shell's few words on the editor's looks: it fills its pane; the editor module does the rest. */
const chrome = EditorView.theme({
  '&': { height: '100%' },
  // Line numbers, link targets and Meta keys stay quiet but readable (WCAG AA, 4.5:1)
  // in both themes: the shell's palette decides, over the editor module's.
  '.cm-gutters': { color: 'var(--faint)' },
  '&.cm-editor .cm-content .cm-story-link-target, &.cm-editor .cm-content .cm-story-meta-key': {
    color: 'var(--code-faint)',
  },
});

/** The stylesheet of the shadow root the editor lives in; variables come from the page. */
function hostSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :host { display: block; height: 100%; min-height: 0; position: relative; }
    .cm-host { height: 100%; }
    .cm-host[hidden] { display: none; }
    .cm-content:focus-visible { outline: none; }
  `);
  return sheet;
}

export class EditorHost {
  private view: EditorView | null = null;
  private container: HTMLElement | null = null;
  private readonly tabs = new Map<string, HostTab>();
  private readonly shared: Extension;
  private dark = false;
  private activeId: string | null = null;

  constructor(private readonly hooks: HostHooks) {
    this.shared = [
      storyEditor(hooks.config),
      chrome,
      // An explicit tab stop, so tools that look for one see the editor as focusable.
      EditorView.contentAttributes.of({ tabindex: '0' }),
      EditorView.updateListener.of((u) => this.onUpdate(u)),
    ];
  }

  /** Puts the one view into `container` (once; later calls only move focus handling). */
  mount(container: HTMLElement): void {
    if (this.container === container && this.view) return;
    this.container = container;
    const shadow = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [hostSheet()];
    const wrapper = document.createElement('div');
    wrapper.className = 'cm-host';
    shadow.replaceChildren(wrapper);
    const active = this.activeId ? this.tabs.get(this.activeId) : undefined;
    this.view = new EditorView({
      state: active?.state ?? this.createState('__none__', ''),
      parent: wrapper,
      root: shadow,
    });
    if (active) {
      this.hooks.onActiveState(this.view.state, 'swap');
      this.hooks.onSelection(this.view.state);
    }
    this.view.scrollDOM.addEventListener('scroll', this.onScroll, { passive: true });
  }

  private scrollFrame = 0;
  /** Scroll positions this host set itself (following the preview): not reported back. */
  private following = 0;

  private readonly onScroll = () => {
    if (this.scrollFrame || !this.activeId) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const view = this.view;
      if (!view || !this.activeId) return;
      if (performance.now() < this.following) return;
      this.hooks.onScrollTop?.(this.topOffset(view));
    });
  };

  private topOffset(view: EditorView): number {
    const top = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
    return view.lineBlockAtHeight(Math.max(0, top + 1)).from;
  }

  /** Scrolls so that `offset` is at the top, without echoing it back as a user scroll. */
  scrollToTop(offset: number): void {
    const view = this.view;
    if (!view || !this.activeId) return;
    const pos = Math.max(0, Math.min(offset, view.state.doc.length));
    this.following = performance.now() + 150;
    view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'start', yMargin: 0 }) });
  }

  get editorView(): EditorView | null {
    return this.view;
  }

  get shadowRoot(): ShadowRoot | null {
    return this.container?.shadowRoot ?? null;
  }

  private createState(tabId: string, text: string): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        tabIdFacet.of(tabId),
        text.includes('\r\n') ? EditorState.lineSeparator.of('\r\n') : [],
        themeCompartment.of(storyColorScheme(this.dark ? 'dark' : 'light')),
        this.shared,
      ],
    });
  }

  private onUpdate(u: ViewUpdate): void {
    const tabId = u.state.facet(tabIdFacet);
    const tab = this.tabs.get(tabId);
    if (!tab) return;
    if (u.docChanged) {
      this.hooks.onDocChanged(tabId, u.state);
      this.hooks.onActiveState(u.state, 'change');
    }
    if (u.selectionSet || u.docChanged) this.hooks.onSelection(u.state);
  }

  has(tabId: string): boolean {
    return this.tabs.has(tabId);
  }

  addTab(tabId: string, text: string): void {
    const state = this.createState(tabId, text);
    this.tabs.set(tabId, { state, saved: state.doc, scroll: null });
  }

  /** The tab's current state (the view's, when it is the active one). */
  state(tabId: string): EditorState | null {
    const tab = this.tabs.get(tabId);
    if (!tab) return null;
    if (this.activeId === tabId && this.view) return this.view.state;
    return tab.state;
  }

  text(tabId: string): string {
    return this.state(tabId)?.doc.toString() ?? '';
  }

  isDirty(tabId: string): boolean {
    const tab = this.tabs.get(tabId);
    const state = this.state(tabId);
    return !!tab && !!state && !state.doc.eq(tab.saved);
  }

  savedText(tabId: string): string {
    return this.tabs.get(tabId)?.saved.toString() ?? '';
  }

  /** Records `text` as what the file holds now. */
  markSaved(tabId: string, text: string): void {
    const tab = this.tabs.get(tabId);
    const state = this.state(tabId);
    if (!tab || !state) return;
    tab.saved = state.toText(text);
  }

  activate(tabId: string | null): void {
    const view = this.view;
    if (view && this.activeId && this.tabs.has(this.activeId)) {
      const cur = this.tabs.get(this.activeId)!;
      cur.state = view.state;
      cur.scroll = view.scrollSnapshot();
    }
    this.activeId = tabId;
    if (!view) return;
    const next = tabId ? this.tabs.get(tabId) : undefined;
    if (!next) {
      view.setState(this.createState('__none__', ''));
      return;
    }
    view.setState(next.state);
    if (next.scroll) view.dispatch({ effects: next.scroll });
    this.hooks.onActiveState(view.state, 'swap');
    this.hooks.onSelection(view.state);
  }

  get active(): string | null {
    return this.activeId;
  }

  dropTab(tabId: string): void {
    this.tabs.delete(tabId);
    if (this.activeId === tabId) this.activeId = null;
  }

  /**
   * Replaces a tab's whole text with `text` as one change spanning only what
   * differs, so the selection maps through it and stays where it was.
   */
  replaceText(tabId: string, text: string, options: { saved?: boolean } = {}): void {
    const tab = this.tabs.get(tabId);
    const state = this.state(tabId);
    if (!tab || !state) return;
    const old = state.doc.toString();
    const normalized = state.toText(text).toString();
    if (options.saved) tab.saved = state.toText(text);
    if (old === normalized) {
      if (options.saved && this.activeId === tabId && this.view)
        this.hooks.onDocChanged(tabId, this.view.state);
      return;
    }
    let start = 0;
    const max = Math.min(old.length, normalized.length);
    while (start < max && old.charCodeAt(start) === normalized.charCodeAt(start)) start++;
    let endOld = old.length;
    let endNew = normalized.length;
    while (
      endOld > start &&
      endNew > start &&
      old.charCodeAt(endOld - 1) === normalized.charCodeAt(endNew - 1)
    ) {
      endOld--;
      endNew--;
    }
    const spec = { changes: { from: start, to: endOld, insert: normalized.slice(start, endNew) } };
    if (this.activeId === tabId && this.view) {
      this.view.dispatch(spec);
    } else {
      tab.state = state.update(spec).state;
      this.hooks.onDocChanged(tabId, tab.state);
    }
  }

  /** Dispatches a transaction to a tab's state, active or not. */
  dispatch(tabId: string, spec: TransactionSpec): void {
    const tab = this.tabs.get(tabId);
    if (!tab) return;
    if (this.activeId === tabId && this.view) this.view.dispatch(spec);
    else {
      tab.state = tab.state.update(spec).state;
      this.hooks.onDocChanged(tabId, tab.state);
    }
  }

  /** The state the last form edit produced, the field it came from and when. */
  private lastForm: { state: EditorState; field: string; at: number } | null = null;

  /**
   * A form edit on the active tab: one transaction, through the view, so undo,
   * the draft journal, dirty state, save and the preview follow it as they
   * follow typing. `field` names the form field a keystroke came from: a
   * keystroke in the same field moments after the last one joins its undo
   * step. Returns false when there is no active tab or nothing changed.
   */
  applyForm(
    changes: readonly TextChange[],
    options: { select?: { from: number; to: number }; field?: string } = {},
  ): boolean {
    const view = this.view;
    if (!view || !this.activeId) return false;
    const now = performance.now();
    const last = this.lastForm;
    const join =
      !!options.field &&
      !options.select &&
      !!last &&
      last.field === options.field &&
      last.state === view.state &&
      now - last.at < JOIN_MS;
    const spec = formTransaction(view.state, changes, { select: options.select, join });
    if (!spec) return false;
    view.dispatch(spec);
    this.lastForm = options.field ? { state: view.state, field: options.field, at: now } : null;
    return true;
  }

  setDark(dark: boolean): void {
    if (dark === this.dark) return;
    this.dark = dark;
    const effect = themeCompartment.reconfigure(storyColorScheme(dark ? 'dark' : 'light'));
    for (const [id, tab] of this.tabs) {
      if (id === this.activeId && this.view) continue;
      tab.state = tab.state.update({ effects: effect }).state;
    }
    this.view?.dispatch({ effects: effect });
  }

  focus(): void {
    if (this.activeId) this.view?.focus();
  }

  reveal(pos: number): void {
    const view = this.view;
    if (!view || !this.activeId) return;
    const clamped = Math.max(0, Math.min(pos, view.state.doc.length));
    revealPosition(view, clamped);
    view.focus();
  }

  setVisible(visible: boolean): void {
    const wrapper = this.container?.shadowRoot?.querySelector<HTMLElement>('.cm-host');
    if (wrapper) wrapper.hidden = !visible;
    if (visible) this.view?.requestMeasure();
  }
}
