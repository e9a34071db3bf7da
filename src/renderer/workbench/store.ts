import { create } from 'zustand';
import type { DeskInfo, AppInfo, Output } from '../../shared/api';
import type { StoryStatus } from '../../shared/desk';
import type { StorySummary } from '../../shared/story-summary';
import type { ConnectionState } from '../api';

// The workbench's React-visible state. What changes on every keystroke (the
// text, the selection) is NOT here: it lives in CodeMirror's EditorStates,
// held by the EditorHost. This store changes only on transitions (a tab
// becomes dirty, a save finishes, a dialog opens), so typing re-renders
// nothing.

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';
export type ThemeChoice = 'system' | 'light' | 'dark';
export type RightPanelId = 'preview' | 'entity' | (string & {});
export type SidebarView = 'stories' | 'entities';

export interface TabMeta {
  /** Stable for the tab's life, even across a rename. */
  readonly id: string;
  slug: string;
  title: string;
  status: StoryStatus;
  dirty: boolean;
  saveState: SaveState;
  /** The file was removed on disk while the tab was open. */
  missing: boolean;
}

export interface Conflict {
  tabId: string;
  slug: string;
  mine: string;
  theirs: string | null;
  theirsHash: string | null;
  /** Why the view opened: a save refused, or a change on disk under unsaved edits. */
  reason: 'save' | 'disk' | 'draft';
}

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
  /** Dismiss the toast after running (default true). */
  dismiss?: boolean;
}
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  title: string;
  detail?: string;
  actions?: ToastAction[];
  /** Milliseconds before it goes by itself; none for toasts that wait for a choice. */
  timeout?: number;
  onDismiss?: () => void;
}

export type PaletteMode = 'all' | 'commands' | 'stories' | 'entities' | 'outline';

export type DialogSpec =
  | { kind: 'new-story' }
  | { kind: 'rename'; slug: string }
  | { kind: 'trash' }
  | { kind: 'import'; files?: File[] }
  | { kind: 'export'; slug: string }
  | { kind: 'go-to-line' }
  | { kind: 'close-tab'; tabId: string }
  | { kind: 'confirm-delete'; slug: string };

export interface LayoutState {
  /** Outer split sizes, percent by panel id. */
  sizes: Record<string, number> | null;
  sidebarCollapsed: boolean;
  rightCollapsed: boolean;
  rightTab: RightPanelId;
  sidebarView: SidebarView;
  theme: ThemeChoice;
}

export const defaultLayout: LayoutState = {
  sizes: null,
  sidebarCollapsed: false,
  rightCollapsed: false,
  rightTab: 'preview',
  sidebarView: 'stories',
  theme: 'system',
};

export type Facets = Output<'search.facets'>;
export type EntityItem = Output<'entity.list'>[number];

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface WorkbenchState {
  phase: 'loading' | 'ready' | 'failed';
  failure: string | null;
  app: AppInfo | null;
  desk: DeskInfo | null;
  tabs: TabMeta[];
  activeTab: string | null;
  layout: LayoutState;
  entitySlug: string | null;
  /** The desk's graph is shown in place of the editor. */
  graphOpen: boolean;
  connection: ConnectionState;
  /** Drafts waiting for the server to come back. */
  queuedDrafts: number;
  palette: { mode: PaletteMode } | null;
  dialog: DialogSpec | null;
  help: boolean;
  problemsOpen: boolean;
  conflicts: Record<string, Conflict>;
  toasts: Toast[];
  stories: StorySummary[];
  storiesBySlug: Map<string, StorySummary>;
  entities: EntityItem[];
  entitiesLoaded: boolean;
  facets: Facets | null;
  /** Bumped whenever the desk's stories change, so the library asks again. */
  libraryVersion: number;
  counts: Counts;
  dragging: boolean;
  importProgress: { done: number; total: number; name: string } | null;
}

export const useWorkbench = create<WorkbenchState>(() => ({
  phase: 'loading',
  failure: null,
  app: null,
  desk: null,
  tabs: [],
  activeTab: null,
  layout: defaultLayout,
  entitySlug: null,
  graphOpen: false,
  connection: 'connected',
  queuedDrafts: 0,
  palette: null,
  dialog: null,
  help: false,
  problemsOpen: false,
  conflicts: {},
  toasts: [],
  stories: [],
  storiesBySlug: new Map(),
  entities: [],
  entitiesLoaded: false,
  facets: null,
  libraryVersion: 0,
  counts: { errors: 0, warnings: 0, infos: 0 },
  dragging: false,
  importProgress: null,
}));

export const store = {
  get: useWorkbench.getState,
  set: useWorkbench.setState,
  patchTab(id: string, patch: Partial<TabMeta>) {
    const tabs = useWorkbench.getState().tabs;
    const i = tabs.findIndex((t) => t.id === id);
    if (i < 0) return;
    const cur = tabs[i]!;
    let changed = false;
    for (const k of Object.keys(patch) as (keyof TabMeta)[])
      if (cur[k] !== patch[k]) changed = true;
    if (!changed) return;
    const next = tabs.slice();
    next[i] = { ...cur, ...patch };
    useWorkbench.setState({ tabs: next });
  },
  setLayout(patch: Partial<LayoutState>) {
    useWorkbench.setState((s) => ({ layout: { ...s.layout, ...patch } }));
  },
};

let toastSeq = 0;
export function toast(t: Omit<Toast, 'id'>): number {
  const id = ++toastSeq;
  useWorkbench.setState((s) => ({ toasts: [...s.toasts.slice(-5), { ...t, id }] }));
  return id;
}
export function dismissToast(id: number, silent = false): void {
  const t = useWorkbench.getState().toasts.find((x) => x.id === id);
  if (!t) return;
  useWorkbench.setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
  if (!silent) t.onDismiss?.();
}

export function activeTabMeta(s: WorkbenchState = useWorkbench.getState()): TabMeta | null {
  return s.tabs.find((t) => t.id === s.activeTab) ?? null;
}
