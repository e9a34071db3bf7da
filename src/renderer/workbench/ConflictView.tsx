import { useEffect, useRef, useState } from 'react';
import { MergeView } from '@codemirror/merge';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import { GitMerge } from 'lucide-react';
import type { Conflict } from './store';
import { useWorkbench } from './store';
import { useWb } from './ui';

// Two texts of one story, side by side: on disk (read-only, left) and the
// user's (editable, right). Keep mine saves mine over theirs; Keep theirs
// loads theirs while mine stays in the draft journal; editing the right side
// and saving is the merge by hand. Nothing is lost whichever is chosen.

const mergeTheme = EditorView.theme({
  '&': {
    color: 'var(--ink)',
    backgroundColor: 'var(--editor-bg)',
    fontSize: '14px',
  },
  '.cm-scroller': { fontFamily: 'var(--font-ui)', lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--accent)' },
  '.cm-gutters': { backgroundColor: 'var(--editor-bg)', border: 'none', color: 'var(--faint)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-changedLine': { backgroundColor: 'var(--diff-line) !important' },
  '.cm-changedText': { background: 'var(--diff-text) !important' },
  '.cm-deletedChunk': { backgroundColor: 'var(--diff-del) !important' },
  '.cm-insertedLine, .cm-deletedLine': { backgroundColor: 'var(--diff-line) !important' },
  '.cm-collapsedLines': {
    background: 'var(--panel)',
    color: 'var(--muted)',
  },
  '.cm-merge-revert button': { color: 'var(--accent)' },
});

const darkA = new Compartment();
const darkB = new Compartment();

function shadowSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :host { display: block; min-height: 0; flex: 1; overflow: auto; }
    .cm-mergeView { min-height: 100%; }
    .cm-mergeViewEditors { min-height: 100%; }
    .cm-mergeViewEditor { min-width: 0; }
    .cm-merge-revert { background: var(--panel); border-left: 1px solid var(--rule); border-right: 1px solid var(--rule); }
    .cm-merge-revert button { cursor: pointer; font-size: 15px; }
    .cm-collapsedLines::before, .cm-collapsedLines::after { content: '' !important; }
    .cm-collapsedLines { font-style: italic; }
  `);
  return sheet;
}

export function ConflictView({ conflict }: { conflict: Conflict }) {
  const wb = useWb();
  const title = useWorkbench(
    (s) => s.tabs.find((t) => t.id === conflict.tabId)?.title ?? conflict.slug,
  );
  const hostRef = useRef<HTMLDivElement>(null);
  const mergeRef = useRef<MergeView | null>(null);
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const theme = useWorkbench((s) => s.layout.theme);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [shadowSheet()];
    const parent = document.createElement('div');
    shadow.replaceChildren(parent);
    const isDark = document.documentElement.dataset.theme === 'dark';
    const merge = new MergeView({
      a: {
        doc: conflict.theirs ?? '',
        extensions: [
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.lineWrapping,
          darkA.of(EditorView.darkTheme.of(isDark)),
          mergeTheme,
          EditorView.contentAttributes.of({ 'aria-label': 'On disk (read-only)' }),
        ],
      },
      b: {
        doc: conflict.mine,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          darkB.of(EditorView.darkTheme.of(isDark)),
          mergeTheme,
          EditorView.contentAttributes.of({ 'aria-label': 'Yours (editable)' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) setEdited(u.state.doc.toString() !== conflict.mine);
          }),
        ],
      },
      parent,
      root: shadow,
      revertControls: 'a-to-b',
      collapseUnchanged: { margin: 3, minSize: 6 },
      gutter: true,
    });
    mergeRef.current = merge;
    return () => {
      merge.destroy();
      mergeRef.current = null;
    };
  }, [conflict]);

  useEffect(() => {
    const merge = mergeRef.current;
    if (!merge) return;
    const isDark = document.documentElement.dataset.theme === 'dark';
    merge.a.dispatch({ effects: darkA.reconfigure(EditorView.darkTheme.of(isDark)) });
    merge.b.dispatch({ effects: darkB.reconfigure(EditorView.darkTheme.of(isDark)) });
  }, [theme]);

  const saveMerged = () =>
    wb.resolveWith(conflict.tabId, mergeRef.current?.b.state.doc.toString() ?? conflict.mine);

  useEffect(() => {
    wb.setMergeSaver(saveMerged);
    return () => wb.setMergeSaver(null);
  });

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };

  const why =
    conflict.reason === 'save'
      ? 'The file changed on disk since you opened it, so your save was held back.'
      : conflict.reason === 'draft'
        ? 'This recovered draft was written against an older version of the file.'
        : 'The file changed on disk while you had unsaved edits.';

  return (
    <section className="conflict-view" aria-label="Conflict" aria-describedby="conflict-why">
      <header className="conflict-header">
        <GitMerge size={18} aria-hidden="true" className="conflict-icon" />
        <div className="conflict-text">
          <h2>Two versions of “{title}”</h2>
          <p id="conflict-why">
            {why}{' '}
            {conflict.theirs === null
              ? 'The file is no longer on disk.'
              : 'Compare them; copy changes across with the arrows, or edit yours, then choose.'}{' '}
            Your text is kept in the draft journal either way.
          </p>
        </div>
        <div className="conflict-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => wb.keepTheirs(conflict.tabId))}
          >
            {conflict.theirs === null ? 'Let it go' : 'Keep theirs'}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => wb.resolveWith(conflict.tabId, conflict.mine))}
          >
            Keep mine
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || !edited}
            title={edited ? undefined : 'Edit the right side first'}
            onClick={() => void run(saveMerged)}
          >
            Save merged
          </button>
        </div>
      </header>
      <div className="conflict-columns" aria-hidden="true">
        <span>On disk{conflict.theirs === null ? ' (deleted)' : ''}</span>
        <span>Yours</span>
      </div>
      <div ref={hostRef} className="merge-host" />
    </section>
  );
}
