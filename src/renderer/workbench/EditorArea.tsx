import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  CircleAlert,
  FilePlus2,
  FileUp,
  GitMerge,
  Info,
  Search,
  TriangleAlert,
  X,
} from 'lucide-react';
import { lazyView } from './lazy-view';
import { store, useWorkbench, type TabMeta } from './store';
import { plural, shortcutOf, useWb, withShortcut } from './ui';
import { commands } from './commands';
import type { Diagnostic } from '../../shared/story';

// The editor area: the strip of open stories, the one CodeMirror view (or
// the conflict view of the active tab), and the problems list under it.

/** Two editors side by side (@codemirror/merge): a chunk of its own, loaded on a conflict. */
const ConflictView = lazyView('conflict view', () =>
  import('./ConflictView').then((m) => m.ConflictView),
);

export function EditorArea() {
  const tabs = useWorkbench((s) => s.tabs);
  const activeTab = useWorkbench((s) => s.activeTab);
  const conflict = useWorkbench((s) => (s.activeTab ? s.conflicts[s.activeTab] : undefined));
  const problemsOpen = useWorkbench((s) => s.problemsOpen);
  const active = tabs.find((t) => t.id === activeTab);

  return (
    <main className="editor-area" aria-label="Editor">
      <TabStrip tabs={tabs} activeTab={activeTab} />
      <div
        id="editor-panel"
        className="editor-panel"
        role={active ? 'tabpanel' : undefined}
        aria-labelledby={active ? `story-${active.id}` : undefined}
      >
        <EditorMount hidden={!active || !!conflict} />
        {conflict && (
          <ConflictView
            key={`${conflict.tabId}:${conflict.theirsHash}:${conflict.reason}`}
            conflict={conflict}
          />
        )}
        {!active && <EmptyEditor />}
      </div>
      {active && problemsOpen && !conflict && <ProblemsPanel />}
    </main>
  );
}

function EditorMount({ hidden }: { hidden: boolean }) {
  const wb = useWb();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) wb.host.mount(ref.current);
  }, [wb]);
  return <div ref={ref} className="editor-mount" hidden={hidden} />;
}

function TabStrip({ tabs, activeTab }: { tabs: TabMeta[]; activeTab: string | null }) {
  const wb = useWb();
  const conflicts = useWorkbench((s) => s.conflicts);
  const stripRef = useRef<HTMLDivElement>(null);

  // In the next frame, after the browser's own layout: scrolling now would force a layout of
  // the whole page in the middle of the render (75 ms of a first start, measured).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const el = stripRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
      el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [activeTab]);

  if (!tabs.length) return <div className="tab-strip empty" />;

  const focusTab = (id: string) =>
    requestAnimationFrame(() => document.getElementById(`story-${id}`)?.focus());

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === activeTab);
    let next: TabMeta | undefined;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    else if (e.key === 'Delete' && activeTab) {
      e.preventDefault();
      wb.closeTab(activeTab);
      return;
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      wb.host.focus();
      return;
    } else return;
    e.preventDefault();
    if (next) {
      wb.activate(next.id);
      focusTab(next.id);
    }
  };

  return (
    <div className="tab-strip" ref={stripRef}>
      <div role="tablist" aria-label="Open stories" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const selected = t.id === activeTab;
          const inConflict = !!conflicts[t.id];
          return (
            <div
              key={t.id}
              id={`story-${t.id}`}
              role="tab"
              aria-selected={selected}
              aria-controls="editor-panel"
              tabIndex={selected ? 0 : -1}
              className={`tab${selected ? ' is-active' : ''}${t.dirty ? ' is-dirty' : ''}${inConflict ? ' is-conflict' : ''}`}
              title={`${t.title || t.slug}\n${t.slug}${t.dirty ? ' · unsaved' : ''}`}
              data-slug={t.slug}
              onClick={() => wb.activate(t.id, true)}
              onAuxClick={(e) => {
                if (e.button === 1) wb.closeTab(t.id);
              }}
            >
              {inConflict && <GitMerge size={13} aria-hidden="true" className="tab-conflict" />}
              <span className="tab-title">{t.title || t.slug}</span>
              {(t.dirty || inConflict) && (
                <span className="visually-hidden">{inConflict ? ' (conflict)' : ' (unsaved)'}</span>
              )}
              <span
                className="tab-close"
                aria-hidden="true"
                title={withShortcut('Close', 'story.close')}
                onClick={(e) => {
                  e.stopPropagation();
                  wb.closeTab(t.id);
                }}
              >
                <span className="tab-dot" />
                <X size={13} className="tab-x" />
              </span>
            </div>
          );
        })}
      </div>
      {activeTab && (
        <button
          type="button"
          className="icon-button tab-strip-close"
          aria-label="Close tab"
          title={withShortcut('Close tab', 'story.close')}
          onClick={() => wb.closeTab()}
        >
          <X size={15} aria-hidden="true" />
        </button>
      )}
    </div>
  );
}

function EmptyEditor() {
  const readOnly = useWorkbench((s) => s.desk?.readOnly ?? false);
  const phase = useWorkbench((s) => s.phase);
  if (phase !== 'ready') return null;
  return (
    <div className="empty-editor">
      <h1>No story open</h1>
      <p>Pick a story from the library, or start something new.</p>
      <div className="empty-actions">
        {!readOnly && (
          <button
            type="button"
            className="button primary"
            onClick={() => commands.run('story.new')}
          >
            <FilePlus2 size={16} aria-hidden="true" /> New story
            <span className="kbd-hint">{shortcutOf('story.new')}</span>
          </button>
        )}
        <button type="button" className="button" onClick={() => commands.run('story.open')}>
          <Search size={16} aria-hidden="true" /> Open story
          <span className="kbd-hint">{shortcutOf('story.open')}</span>
        </button>
        {!readOnly && (
          <button type="button" className="button" onClick={() => commands.run('story.import')}>
            <FileUp size={16} aria-hidden="true" /> Import files
          </button>
        )}
      </div>
      <p className="empty-tip">
        Press <kbd className="kbd">{shortcutOf('go.palette')}</kbd> for every command, or{' '}
        <kbd className="kbd">?</kbd> for the keyboard shortcuts.
      </p>
    </div>
  );
}

function ProblemsPanel() {
  const wb = useWb();
  const counts = useWorkbench((s) => s.counts);
  const activeTab = useWorkbench((s) => s.activeTab);
  const [list, setList] = useState<Diagnostic[]>(() => wb.problems());
  // The counts change when the problems do: read the list again then.
  useEffect(() => setList(wb.problems()), [wb, counts, activeTab]);
  const lineOf = (d: Diagnostic) => {
    const state = wb.activeState();
    return state ? state.doc.lineAt(Math.min(d.from, state.doc.length)).number : d.line;
  };
  const total = list.length;
  return (
    <section className="problems-panel" aria-label="Problems">
      <header className="problems-header">
        <h2>Problems</h2>
        <span className="problems-summary">{total ? plural(total, 'problem') : 'No problems'}</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close problems"
          title={withShortcut('Close problems', 'go.problems')}
          onClick={() => store.set({ problemsOpen: false })}
        >
          <X size={15} aria-hidden="true" />
        </button>
      </header>
      {total === 0 ? (
        <p className="empty-note">The story follows the format.</p>
      ) : (
        <ul className="problems-list" aria-label="Problems in this story">
          {list.map((d, i) => (
            <li key={`${d.from}-${d.code}-${i}`}>
              <button type="button" className="problem" onClick={() => wb.reveal(d.from)}>
                {d.severity === 'error' ? (
                  <>
                    <CircleAlert size={14} className="count-error" aria-hidden="true" />
                    <span className="visually-hidden">Error: </span>
                  </>
                ) : d.severity === 'warning' ? (
                  <>
                    <TriangleAlert size={14} className="count-warning" aria-hidden="true" />
                    <span className="visually-hidden">Warning: </span>
                  </>
                ) : (
                  <>
                    <Info size={14} className="count-info" aria-hidden="true" />
                    <span className="visually-hidden">Note: </span>
                  </>
                )}
                <span className="problem-message">{d.message}</span>
                <span className="problem-where">Line {lineOf(d)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
