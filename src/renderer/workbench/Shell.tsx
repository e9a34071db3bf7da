import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef, type Layout } from 'react-resizable-panels';
import {
  CircleHelp,
  FilePlus2,
  FileUp,
  Monitor,
  Moon,
  PanelLeft,
  PanelRight,
  Search,
  Sun,
  Waypoints,
} from 'lucide-react';
import { commands } from './commands';
import { Dialogs } from './dialogs';
import { queuedDraftsInBrowser } from './draft-queue';
import { EditorArea } from './EditorArea';
import { HelpOverlay } from './HelpOverlay';
import { lazyView } from './lazy-view';
import { Library } from './Library';
import { Palette } from './Palette';
import { RightPanel } from './RightPanel';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import { store, useWorkbench, type ThemeChoice } from './store';
import { shortcutOf, useWb, withShortcut } from './ui';

// The workbench's frame: a banner, the three resizable columns (library,
// editor, side panel), the status bar, and the layers above them (palette,
// dialogs, help, notifications, the drop target for imports).

/** The desk's graph (sigma, graphology, a layout worker): its own chunk, loaded when opened. */
const GraphMain = lazyView('graph', () => import('../graph').then((m) => m.GraphMain));

export function Shell() {
  const phase = useWorkbench((s) => s.phase);
  const failure = useWorkbench((s) => s.failure);
  const palette = useWorkbench((s) => s.palette);
  const help = useWorkbench((s) => s.help);
  const dragging = useWorkbench((s) => s.dragging);

  useGlobalKeys();
  useFileDrop();

  useEffect(() => {
    const desk = useWorkbench.getState().desk;
    document.title = desk ? `${desk.name} · StoryDesk` : 'StoryDesk';
  });

  if (phase === 'failed') {
    return (
      <div className="fatal" role="alert">
        <h1>The desk could not be opened</h1>
        <p>{failure}</p>
        <KeptDrafts />
        <button type="button" className="button primary" onClick={() => location.reload()}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <div className="workbench">
      <Banner />
      <Columns />
      <StatusBar />
      {palette && <Palette mode={palette.mode} />}
      {help && <HelpOverlay />}
      <Dialogs />
      <Toasts />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <FileUp size={28} />
            <p>Drop Markdown files to import them</p>
          </div>
        </div>
      )}
      {phase === 'loading' && (
        <div className="loading" role="status">
          Opening the desk…
        </div>
      )}
    </div>
  );
}

function Banner() {
  const desk = useWorkbench((s) => s.desk);
  const layout = useWorkbench((s) => s.layout);
  return (
    <header className="banner">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          SD
        </span>
        <span className="brand-name">StoryDesk</span>
        {desk && (
          <>
            <span className="brand-sep" aria-hidden="true">
              /
            </span>
            <span className="brand-desk" title={desk.root}>
              {desk.name}
            </span>
          </>
        )}
      </div>
      <button
        type="button"
        className="palette-trigger"
        aria-label="Search or run a command"
        aria-keyshortcuts={shortcutOf('go.palette').replace(/\+/g, '+')}
        onClick={() => commands.run('go.palette')}
      >
        <Search size={14} aria-hidden="true" />
        <span>Search or run a command…</span>
        <kbd className="kbd">{shortcutOf('go.palette')}</kbd>
      </button>
      <div className="banner-actions" role="toolbar" aria-label="Workbench">
        <ToolButton
          id="story.new"
          label="New story"
          icon={<FilePlus2 size={16} aria-hidden="true" />}
        />
        <ToolButton
          id="story.import"
          label="Import files"
          icon={<FileUp size={16} aria-hidden="true" />}
        />
        <span className="toolbar-sep" aria-hidden="true" />
        <GraphButton />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton
          id="view.toggleSidebar"
          label={layout.sidebarCollapsed ? 'Show library' : 'Hide library'}
          pressed={!layout.sidebarCollapsed}
          icon={<PanelLeft size={16} aria-hidden="true" />}
        />
        <ToolButton
          id="view.togglePreview"
          label={layout.rightCollapsed ? 'Show side panel' : 'Hide side panel'}
          pressed={!layout.rightCollapsed}
          icon={<PanelRight size={16} aria-hidden="true" />}
        />
        <ThemeSwitch theme={layout.theme} />
        <ToolButton
          id="help.shortcuts"
          label="Keyboard shortcuts"
          icon={<CircleHelp size={16} aria-hidden="true" />}
        />
      </div>
    </header>
  );
}

function GraphButton() {
  const open = useWorkbench((s) => s.graphOpen);
  return (
    <button
      type="button"
      className="button graph-toggle"
      aria-pressed={open}
      title={withShortcut(open ? 'Back to the editor' : 'Show the desk’s graph', 'view.graph')}
      onClick={() => commands.run('view.graph')}
    >
      <Waypoints size={15} aria-hidden="true" /> Graph
    </button>
  );
}

function ToolButton({
  id,
  label,
  icon,
  pressed,
}: {
  id: string;
  label: string;
  icon: ReactNode;
  pressed?: boolean;
}) {
  const enabled = useCommandEnabled(id);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-pressed={pressed}
      title={withShortcut(label, id)}
      disabled={!enabled}
      onClick={() => commands.run(id)}
    >
      {icon}
    </button>
  );
}

function useCommandEnabled(id: string): boolean {
  // Enablement reads the store; re-render on any store change is cheap here (a few buttons).
  useWorkbench((s) => s.desk?.readOnly);
  useWorkbench((s) => s.activeTab);
  return commands.isEnabled(id);
}

function ThemeSwitch({ theme }: { theme: ThemeChoice }) {
  const wb = useWb();
  const options: { id: ThemeChoice; label: string; Icon: typeof Sun }[] = [
    { id: 'system', label: 'System theme', Icon: Monitor },
    { id: 'light', label: 'Light theme', Icon: Sun },
    { id: 'dark', label: 'Dark theme', Icon: Moon },
  ];
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme">
      {options.map(({ id, label, Icon }) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={theme === id}
          aria-label={label}
          title={label}
          tabIndex={theme === id ? 0 : -1}
          className="theme-option"
          onClick={() => wb.setTheme(id)}
          onKeyDown={(e) => {
            const i = options.findIndex((o) => o.id === theme);
            let next: ThemeChoice | null = null;
            if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = options[(i + 1) % 3]!.id;
            if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = options[(i + 2) % 3]!.id;
            if (!next) return;
            e.preventDefault();
            wb.setTheme(next);
            const target =
              e.currentTarget.parentElement?.querySelectorAll<HTMLElement>('[role=radio]')[
                options.findIndex((o) => o.id === next)
              ];
            requestAnimationFrame(() => target?.focus());
          }}
        >
          <Icon size={15} aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}

function Columns() {
  const layout = useWorkbench((s) => s.layout);
  const graphOpen = useWorkbench((s) => s.graphOpen);
  const phase = useWorkbench((s) => s.phase);
  const sidebar = usePanelRef();
  const right = usePanelRef();

  // The store says what is collapsed; the panels follow (and report drags back).
  useEffect(() => {
    const p = sidebar.current;
    if (!p) return;
    if (layout.sidebarCollapsed && !p.isCollapsed()) p.collapse();
    if (!layout.sidebarCollapsed && p.isCollapsed()) p.expand();
  }, [layout.sidebarCollapsed, sidebar, phase]);
  useEffect(() => {
    const p = right.current;
    if (!p) return;
    if (layout.rightCollapsed && !p.isCollapsed()) p.collapse();
    if (!layout.rightCollapsed && p.isCollapsed()) p.expand();
  }, [layout.rightCollapsed, right, phase]);

  // Read once, when the desk's remembered layout is known (the Group is made then).
  const initialLayout = useMemo(
    () =>
      phase === 'ready'
        ? layoutFrom(store.get().layout.sizes ?? undefined, store.get().layout)
        : undefined,
    [phase],
  );

  if (phase !== 'ready') return <div className="columns" />;

  return (
    <Group
      className="columns"
      orientation="horizontal"
      id="workbench-columns"
      defaultLayout={initialLayout}
      onLayoutChanged={(sizes, meta) => {
        const s = store.get();
        const next = meta.requestedLayout ?? sizes;
        // Remember sizes of open panels only: a collapsed one keeps its last width.
        const keep = { ...(s.layout.sizes ?? {}) };
        for (const [id, v] of Object.entries(next)) if (v > 0.5) keep[id] = v;
        store.setLayout({ sizes: keep });
      }}
    >
      <Panel
        id="library"
        panelRef={sidebar}
        collapsible
        collapsedSize={0}
        minSize={200}
        maxSize="40%"
        defaultSize="22%"
        groupResizeBehavior="preserve-pixel-size"
        onResize={(size) => {
          const collapsed = size.inPixels < 1;
          if (collapsed !== store.get().layout.sidebarCollapsed)
            store.setLayout({ sidebarCollapsed: collapsed });
        }}
        className="panel panel-library"
      >
        {!layout.sidebarCollapsed && <Library />}
      </Panel>
      <Separator className="resize-handle" aria-label="Resize library" />
      <Panel id="editor" minSize={320} className="panel panel-editor">
        <div className="main-view" hidden={graphOpen}>
          <EditorArea />
        </div>
        {graphOpen && <GraphMain />}
      </Panel>
      <Separator className="resize-handle" aria-label="Resize side panel" />
      <Panel
        id="side"
        panelRef={right}
        collapsible
        collapsedSize={0}
        minSize={260}
        maxSize="55%"
        defaultSize="34%"
        groupResizeBehavior="preserve-pixel-size"
        onResize={(size) => {
          const collapsed = size.inPixels < 1;
          if (collapsed !== store.get().layout.rightCollapsed)
            store.setLayout({ rightCollapsed: collapsed });
        }}
        className="panel panel-side"
      >
        <div className="side-wrap" hidden={layout.rightCollapsed}>
          <RightPanel />
        </div>
      </Panel>
    </Group>
  );
}

function layoutFrom(
  sizes: Layout | undefined,
  l: { sidebarCollapsed: boolean; rightCollapsed: boolean },
): Layout | undefined {
  if (!sizes || typeof sizes.library !== 'number' || typeof sizes.side !== 'number') {
    if (!l.sidebarCollapsed && !l.rightCollapsed) return undefined;
    sizes = { library: 22, side: 34 };
  }
  const library = l.sidebarCollapsed ? 0 : sizes.library!;
  const side = l.rightCollapsed ? 0 : sizes.side!;
  return { library, editor: Math.max(10, 100 - library - side), side };
}

/** The workbench's shortcuts, before anything else sees the key (CodeMirror included). */
function useGlobalKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.get();
      if (s.palette || s.help || s.dialog) {
        // A layer is open: it handles its own keys; only the palette toggle passes.
        const c = commands.commandFor(e);
        if (c?.id === 'go.palette' && s.palette) {
          e.preventDefault();
          store.set({ palette: null });
        }
        return;
      }
      commands.handleKeydown(e);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** .md files dragged over the window: a drop target, then the import dialog. */
function useFileDrop() {
  const depth = useRef(0);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      if (!store.get().dialog) store.set({ dragging: true });
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) store.set({ dragging: false });
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      store.set({ dragging: false });
      const files = [...(e.dataTransfer?.files ?? [])].filter((f) =>
        /\.(md|markdown)$/i.test(f.name),
      );
      if (!files.length) return;
      if (store.get().desk?.readOnly) return;
      if (store.get().dialog?.kind === 'import') return; // The dialog's own zone took them.
      store.set({ dialog: { kind: 'import', files } });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

/** Unsaved text this browser still keeps: the page that cannot open its desk says that none is lost. */
function KeptDrafts() {
  const n = queuedDraftsInBrowser();
  if (n === 0) return null;
  return (
    <p>
      {n === 1 ? 'One unsaved draft is' : `${n} unsaved drafts are`} kept in this browser; they are
      offered back as soon as the desk opens here.
    </p>
  );
}
