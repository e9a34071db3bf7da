import type { EditorState } from '@codemirror/state';
import type { ParseResult } from '../../shared/story';
import { parsedStory } from '../editor';

// The active tab's story, for the form panels. The workbench hands over every
// EditorState it shows (a keystroke, a form edit, a tab switch); this keeps the
// reference and tells subscribers, and does nothing else: with no form panel
// on screen nobody subscribes, and typing costs one assignment here. A panel on
// screen subscribes with useSyncExternalStore and reads a snapshot built
// lazily, once per state.

export interface StorySnapshot {
  readonly tabId: string;
  readonly state: EditorState;
  readonly parsed: ParseResult;
  /** The document's text, made on first use and kept. */
  text(): string;
}

export class ActiveStory {
  private tabId: string | null = null;
  private state: EditorState | null = null;
  private snap: StorySnapshot | null = null;
  private readonly listeners = new Set<() => void>();

  /** The workbench's active state changed (or went: `state` null). */
  set(tabId: string | null, state: EditorState | null): void {
    if (tabId === this.tabId && state === this.state) return;
    this.tabId = tabId;
    this.state = state;
    this.snap = null;
    for (const l of [...this.listeners]) l();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The same object for as long as the state is the same, as useSyncExternalStore wants. */
  readonly getSnapshot = (): StorySnapshot | null => {
    if (this.snap) return this.snap;
    const { tabId, state } = this;
    if (tabId === null || state === null) return null;
    let text: string | null = null;
    this.snap = {
      tabId,
      state,
      parsed: parsedStory(state),
      text: () => (text ??= state.doc.toString()),
    };
    return this.snap;
  };

  get subscribers(): number {
    return this.listeners.size;
  }
}
