import { STORY_STATUSES } from '../../shared/desk';
import { toggleGraph } from '../graph/open';
import type { Command } from './commands';
import { activeTabMeta, store, useWorkbench, type ThemeChoice } from './store';
import type { Workbench } from './workbench';

// Every action of the workbench, once. Shortcuts that a browser keeps for
// itself (Ctrl+W, Ctrl+Tab, Ctrl+N) have an Alt twin that works everywhere.

export function focusSearch(): void {
  const s = useWorkbench.getState();
  if (s.layout.sidebarCollapsed) store.setLayout({ sidebarCollapsed: false });
  if (s.layout.sidebarView !== 'stories') store.setLayout({ sidebarView: 'stories' });
  requestAnimationFrame(() => {
    const el = document.getElementById('library-search') as HTMLInputElement | null;
    el?.focus();
    el?.select();
  });
}

export function createCommands(wb: Workbench): Command[] {
  const hasTab = () => activeTabMeta() !== null;
  const hasEditableTab = () => {
    const s = useWorkbench.getState();
    return !!s.activeTab && !s.conflicts[s.activeTab] && !s.desk?.readOnly;
  };
  const writable = () => !useWorkbench.getState().desk?.readOnly;
  const slug = () => activeTabMeta()?.slug ?? '';
  const setTheme = (theme: ThemeChoice) => () => wb.setTheme(theme);
  const openPalette = (mode: 'all' | 'commands' | 'stories' | 'entities' | 'outline') => () =>
    store.set({ palette: { mode }, help: false });

  const list: Command[] = [
    // Story
    {
      id: 'story.new',
      title: 'New story…',
      category: 'Story',
      keys: ['Alt-N', 'Mod-Alt-N', 'Mod-N'],
      keywords: 'create add',
      enabled: writable,
      run: () => store.set({ dialog: { kind: 'new-story' } }),
    },
    {
      id: 'story.open',
      title: 'Open story…',
      category: 'Story',
      keys: ['Mod-P', 'Mod-O'],
      keywords: 'find switch',
      run: openPalette('stories'),
    },
    {
      id: 'story.save',
      title: 'Save',
      category: 'Story',
      keys: ['Mod-S'],
      // In the conflict view too: there it saves the hand merge.
      enabled: () => hasTab() && !useWorkbench.getState().desk?.readOnly,
      run: () => wb.save(),
    },
    {
      id: 'story.saveAll',
      title: 'Save all',
      category: 'Story',
      keys: ['Mod-Alt-S'],
      enabled: () => useWorkbench.getState().tabs.some((t) => t.dirty),
      run: () => wb.saveAll(),
    },
    {
      id: 'story.close',
      title: 'Close tab',
      category: 'Story',
      keys: ['Mod-W', 'Alt-W'],
      enabled: hasTab,
      run: () => wb.closeTab(),
    },
    {
      id: 'story.rename',
      title: 'Rename story…',
      category: 'Story',
      keys: ['F2'],
      keywords: 'slug move',
      enabled: () => hasEditableTab(),
      run: () => store.set({ dialog: { kind: 'rename', slug: slug() } }),
    },
    {
      id: 'story.delete',
      title: 'Move story to trash',
      category: 'Story',
      keywords: 'delete remove',
      enabled: () => hasTab() && writable(),
      run: () => wb.deleteStory(slug()),
    },
    {
      id: 'story.trash',
      title: 'Show trash…',
      category: 'Story',
      keywords: 'deleted restore undelete',
      run: () => store.set({ dialog: { kind: 'trash' } }),
    },
    {
      id: 'story.import',
      title: 'Import files…',
      category: 'Story',
      keywords: 'markdown md upload add',
      enabled: writable,
      run: () => store.set({ dialog: { kind: 'import' } }),
    },
    {
      id: 'story.export',
      title: 'Export story…',
      category: 'Story',
      keys: ['Mod-Shift-E', 'Mod-E'],
      keywords: 'download html json markdown',
      enabled: hasTab,
      run: () => store.set({ dialog: { kind: 'export', slug: slug() } }),
    },
    ...STORY_STATUSES.map((status): Command => ({
      id: `story.status.${status}`,
      title: `Set status: ${status}`,
      category: 'Story',
      keywords: 'workflow status',
      enabled: () => hasEditableTab() && activeTabMeta()?.status !== status,
      run: () => wb.setStatus(status),
    })),
    // Edit
    {
      id: 'edit.gotoLine',
      title: 'Go to line…',
      category: 'Edit',
      keys: ['Ctrl-G'],
      enabled: hasEditableTab,
      run: () => store.set({ dialog: { kind: 'go-to-line' } }),
    },
    {
      id: 'edit.outline',
      title: 'Go to section…',
      category: 'Edit',
      keys: ['Mod-Shift-O'],
      keywords: 'outline heading lens jump',
      enabled: hasEditableTab,
      run: openPalette('outline'),
    },
    {
      id: 'edit.nextProblem',
      title: 'Next problem',
      category: 'Edit',
      keys: ['F8'],
      keywords: 'error warning diagnostic',
      enabled: hasEditableTab,
      run: () => wb.stepProblem(1),
    },
    {
      id: 'edit.previousProblem',
      title: 'Previous problem',
      category: 'Edit',
      keys: ['Shift-F8'],
      keywords: 'error warning diagnostic',
      enabled: hasEditableTab,
      run: () => wb.stepProblem(-1),
    },
    {
      id: 'edit.focusEditor',
      title: 'Focus the editor',
      category: 'Edit',
      keys: ['Mod-Alt-E'],
      enabled: hasEditableTab,
      run: () => wb.host.focus(),
    },
    // Go
    {
      id: 'go.palette',
      title: 'Command palette…',
      category: 'Go',
      keys: ['Mod-K', 'Mod-Shift-P'],
      hidden: true,
      run: openPalette('all'),
    },
    {
      id: 'go.search',
      title: 'Search stories',
      category: 'Go',
      keys: ['Mod-Shift-F', '/'],
      keywords: 'find library filter',
      run: focusSearch,
    },
    {
      id: 'go.entity',
      title: 'Open entity…',
      category: 'Go',
      keys: ['Mod-Alt-K'],
      keywords: 'person country organisation',
      run: openPalette('entities'),
    },
    {
      id: 'go.nextTab',
      title: 'Next tab',
      category: 'Go',
      keys: ['Ctrl-Tab', 'Ctrl-PageDown', 'Alt-]'],
      enabled: () => useWorkbench.getState().tabs.length > 1,
      run: () => wb.cycleTab(1),
    },
    {
      id: 'go.previousTab',
      title: 'Previous tab',
      category: 'Go',
      keys: ['Ctrl-Shift-Tab', 'Ctrl-PageUp', 'Alt-['],
      enabled: () => useWorkbench.getState().tabs.length > 1,
      run: () => wb.cycleTab(-1),
    },
    {
      id: 'go.problems',
      title: 'Show problems',
      category: 'Go',
      keys: ['Mod-Shift-M'],
      keywords: 'errors warnings diagnostics list',
      enabled: hasTab,
      run: () => store.set((s) => ({ problemsOpen: !s.problemsOpen })),
    },
    // View
    {
      id: 'view.toggleSidebar',
      title: 'Toggle library sidebar',
      category: 'View',
      keys: ['Mod-B'],
      run: () =>
        store.setLayout({ sidebarCollapsed: !useWorkbench.getState().layout.sidebarCollapsed }),
    },
    {
      id: 'view.togglePreview',
      title: 'Toggle preview panel',
      category: 'View',
      keys: ['Mod-Alt-B', 'Mod-Alt-P', 'Mod-\\'],
      keywords: 'right panel side',
      run: () =>
        store.setLayout({ rightCollapsed: !useWorkbench.getState().layout.rightCollapsed }),
    },
    {
      id: 'view.showPreview',
      title: 'Show preview',
      category: 'View',
      run: () => store.setLayout({ rightCollapsed: false, rightTab: 'preview' }),
    },
    {
      id: 'view.showEntities',
      title: 'Show entities list',
      category: 'View',
      run: () => store.setLayout({ sidebarCollapsed: false, sidebarView: 'entities' }),
    },
    {
      id: 'view.graph',
      title: 'Show graph',
      category: 'View',
      keys: ['Mod-Shift-G', 'Alt-G'],
      keywords: 'network connections entities map who',
      run: toggleGraph,
    },
    {
      id: 'view.localGraph',
      title: 'Show the story’s graph',
      category: 'View',
      keywords: 'network connections entities local side panel',
      run: () => store.setLayout({ rightCollapsed: false, rightTab: 'graph' }),
    },
    {
      id: 'view.theme.system',
      title: 'Theme: follow the system',
      category: 'View',
      keywords: 'appearance colour auto',
      run: setTheme('system'),
    },
    {
      id: 'view.theme.light',
      title: 'Theme: light',
      category: 'View',
      keywords: 'appearance colour',
      run: setTheme('light'),
    },
    {
      id: 'view.theme.dark',
      title: 'Theme: dark',
      category: 'View',
      keywords: 'appearance colour night',
      run: setTheme('dark'),
    },
    // Desk
    {
      id: 'desk.refresh',
      title: 'Reload the library',
      category: 'Desk',
      keywords: 'refresh',
      run: () => Promise.all([wb.refreshLibrary(), wb.refreshEntities()]),
    },
    // Help
    {
      id: 'help.shortcuts',
      title: 'Keyboard shortcuts',
      category: 'Help',
      keys: ['?', 'F1', 'Mod-/'],
      keywords: 'help keys',
      run: () => store.set({ help: true, palette: null }),
    },
  ];
  return list;
}
