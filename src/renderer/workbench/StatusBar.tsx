import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Check,
  ChevronDown,
  CircleAlert,
  GitMerge,
  Info,
  LoaderCircle,
  TriangleAlert,
  WifiOff,
} from 'lucide-react';
import { STORY_STATUSES, type StoryStatus } from '../../shared/desk';
import { activeTabMeta, store, useWorkbench } from './store';
import { plural, useWb, withShortcut } from './ui';

// The bottom bar: the story's workflow status (a menu), its problems (a
// button to the problems list), whether it is saved, the desk, the
// connection (in a browser, only when it is not fine), and the cursor.

export function StatusBar() {
  const tab = useWorkbench((s) => activeTabMeta(s));
  const counts = useWorkbench((s) => s.counts);
  const desk = useWorkbench((s) => s.desk);
  const connection = useWorkbench((s) => s.connection);
  const queued = useWorkbench((s) => s.queuedDrafts);
  const app = useWorkbench((s) => s.app);
  const transport = app?.transport;
  const problemsOpen = useWorkbench((s) => s.problemsOpen);

  const problems = counts.errors + counts.warnings + counts.infos;
  const problemLabel = problems
    ? [
        counts.errors ? plural(counts.errors, 'error') : '',
        counts.warnings ? plural(counts.warnings, 'warning') : '',
        counts.infos ? plural(counts.infos, 'note') : '',
      ]
        .filter(Boolean)
        .join(', ')
    : 'No problems';

  return (
    <footer className="status-bar" aria-label="Status bar">
      <div className="status-left">
        {tab && <StatusMenu status={tab.status} disabled={!!desk?.readOnly} />}
        {tab && (
          <button
            type="button"
            className="status-item status-button"
            aria-label={`${problemLabel}. Show problems`}
            aria-expanded={problemsOpen}
            title={withShortcut('Show problems', 'go.problems')}
            onClick={() => store.set({ problemsOpen: !problemsOpen })}
          >
            {problems === 0 ? (
              <>
                <Check size={13} aria-hidden="true" className="count-ok" /> No problems
              </>
            ) : (
              <>
                {counts.errors > 0 && (
                  <span className="count-error">
                    <CircleAlert size={13} aria-hidden="true" /> {counts.errors}
                  </span>
                )}
                {counts.warnings > 0 && (
                  <span className="count-warning">
                    <TriangleAlert size={13} aria-hidden="true" /> {counts.warnings}
                  </span>
                )}
                {counts.infos > 0 && (
                  <span className="count-info">
                    <Info size={13} aria-hidden="true" /> {counts.infos}
                  </span>
                )}
              </>
            )}
          </button>
        )}
        <span
          role="status"
          className="status-item save-state"
          data-state={tab?.saveState ?? 'none'}
        >
          {tab ? <SaveState state={tab.saveState} missing={tab.missing} /> : null}
        </span>
      </div>
      <div className="status-right">
        <span
          role="status"
          className="status-item connection"
          data-connection={connection === 'connected' && queued > 0 ? 'offline' : connection}
        >
          {transport === 'http' && (connection !== 'connected' || queued > 0) && (
            <>
              {connection === 'reconnecting' ? (
                <LoaderCircle size={13} aria-hidden="true" className="spin" />
              ) : (
                <WifiOff size={13} aria-hidden="true" />
              )}
              {connection === 'reconnecting'
                ? 'Reconnecting…'
                : connection === 'refused'
                  ? 'Refused: open the address desk serve printed'
                  : 'Offline: the server is not answering'}
              {queued > 0 && ` · ${plural(queued, 'draft')} waiting`}
            </>
          )}
        </span>
        {desk?.readOnly && <span className="status-item read-only">Read-only desk</span>}
        {app && (
          <span
            className="status-item shell-about"
            title={`StoryDesk ${app.version}, over ${app.transport}`}
          >
            {app.version} · {app.transport}
          </span>
        )}
        {desk && (
          <span className="status-item desk-name" title={desk.root}>
            {desk.name}
          </span>
        )}
        <CursorReadout />
      </div>
    </footer>
  );
}

function SaveState({ state, missing }: { state: string; missing: boolean }) {
  switch (state) {
    case 'saving':
      return (
        <>
          <LoaderCircle size={13} aria-hidden="true" className="spin" /> Saving…
        </>
      );
    case 'unsaved':
      return <>{missing ? 'Unsaved (not on disk)' : 'Unsaved'}</>;
    case 'failed':
      return <span className="count-error">Not saved</span>;
    case 'conflict':
      return (
        <span className="count-warning">
          <GitMerge size={13} aria-hidden="true" /> Conflict
        </span>
      );
    default:
      return <>{missing ? 'Not on disk' : 'Saved'}</>;
  }
}

/** Written by the workbench straight into the DOM: no re-render per keystroke. */
function CursorReadout() {
  const wb = useWb();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    wb.bindCursor(ref.current);
    return () => wb.bindCursor(null);
  }, [wb]);
  return <span ref={ref} className="status-item cursor" aria-label="Cursor position" />;
}

function StatusMenu({ status, disabled }: { status: StoryStatus; disabled: boolean }) {
  const wb = useWb();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const current = menuRef.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (current ?? menuRef.current?.querySelector<HTMLElement>('[role=menuitemradio]'))?.focus();
    const away = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && e.target !== buttonRef.current)
        setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = (focus = true) => {
    setOpen(false);
    if (focus) buttonRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitemradio]') ?? []),
    ];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') {
      close(e.key === 'Escape');
      if (e.key === 'Tab') return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="status-menu">
      <button
        ref={buttonRef}
        type="button"
        className="status-item status-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Status: ${status}. Change status`}
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className={`status-dot status-${status}`} aria-hidden="true" />
        {status}
        <ChevronDown size={12} aria-hidden="true" />
      </button>
      {open && (
        <div
          ref={menuRef}
          role="menu"
          aria-label="Story status"
          className="menu status-popup"
          onKeyDown={onMenuKey}
        >
          {STORY_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              role="menuitemradio"
              aria-checked={s === status}
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                close();
                if (s !== status) void wb.setStatus(s);
              }}
            >
              <span className={`status-dot status-${s}`} aria-hidden="true" />
              {s}
              {s === status && <Check size={13} aria-hidden="true" className="menu-check" />}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
