import type { EditorState } from '@codemirror/state';
import { Text } from '@codemirror/state';
import type { Api, DeskEvent, Draft, Output } from '../../shared/api';
import type { StoryStatus } from '../../shared/desk';
import { setFrontMatterKey, type Diagnostic } from '../../shared/story';
import type { StorySummary } from '../../shared/story-summary';
import type { DeskEventsConnection } from '../api';
import { EditorHost } from './editor-host';
import { ActiveStory } from '../forms/active-story';
import { outlineOf, parsedStory, problemsOf } from '../editor';
import type {
  EntityChoice,
  OutletUsage,
  OutlineItem,
  PreviewControllerLike,
  StoryChoice,
} from './integrations';
import { DraftQueue } from './draft-queue';
import { mergeOutlets } from './outlets';
import { applyTheme, loadRemembered, onSystemThemeChange, saveRemembered } from './persist';
import {
  activeTabMeta,
  dismissToast,
  store,
  toast,
  useWorkbench,
  type Conflict,
  type Counts,
  type TabMeta,
  type ThemeChoice,
} from './store';

// The workbench's behaviour, outside React: tabs and their texts, saving,
// the draft journal (and its queue while the server is away), conflicts,
// outside edits, and every desk operation the commands run. Components read
// the store and call methods here; nothing here renders.

const DRAFT_DELAY_MS = 400;
const LIBRARY_REFRESH_MS = 250;

interface TabRuntime {
  baseHash: string | null;
  draftTimer: ReturnType<typeof setTimeout> | null;
  saving: boolean;
  /** "Keep theirs" kept the user's text in the draft journal until they dismiss it. */
  keptMine: { text: string; toast: number } | null;
}

let tabSeq = 0;

export class Workbench {
  readonly host: EditorHost;
  /** The active tab's state, for the form panels (which subscribe only while on screen). */
  readonly story = new ActiveStory();
  private preview: PreviewControllerLike | null = null;
  /** The desk's outlet ledger, as last read; refreshed with the library. */
  private outletLedger: readonly OutletUsage[] = [];
  private readonly runtime = new Map<string, TabRuntime>();
  /** Drafts the server has not taken yet; kept in this browser per desk once the desk is known. */
  private queued = new DraftQueue('', null);
  private libraryTimer: ReturnType<typeof setTimeout> | null = null;
  private entitiesTimer: ReturnType<typeof setTimeout> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setInterval> | null = null;
  private cursorEl: HTMLElement | null = null;
  private locale = 'en';
  private offeredDrafts = new Set<string>();
  /** Slugs this window is renaming or deleting: their change events are expected. */
  private readonly ownOps = new Set<string>();
  private disposers: (() => void)[] = [];

  constructor(
    readonly api: Api,
    readonly events: DeskEventsConnection | null,
  ) {
    this.host = new EditorHost({
      config: {
        get locale() {
          return useWorkbench.getState().desk?.settings.locale ?? 'en';
        },
        entities: () => this.entityRefs(),
        stories: () => this.storyRefs(),
        vocabularies: () =>
          useWorkbench.getState().desk?.settings.vocabularies ?? {
            types: [],
            heads: [],
            lenses: [],
            regions: [],
            languages: [],
          },
        outlets: () => this.outlets(),
        onOpenEntity: (slug) => this.openEntity(slug),
        onOpenStory: (slug) => void this.openStory(slug),
      },
      onDocChanged: (tabId, state) => this.onDocChanged(tabId, state),
      onActiveState: (state) => this.onActiveState(state),
      onSelection: (state) => this.showCursor(state),
      onScrollTop: (offset) => this.preview?.scrollToSource(offset),
    });
  }

  /** The reader scrolled the preview: the editor follows. */
  previewScrolled(offset: number): void {
    this.host.scrollToTop(offset);
  }

  /** The preview pane hands its controller over when it mounts (and null when it goes). */
  bindPreview(controller: PreviewControllerLike | null): void {
    this.preview = controller;
    const state = this.activeState();
    if (controller && state) controller.update(parsedStory(state), this.locale);
  }

  // -- Start ----------------------------------------------------------------

  private started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      // Everything the first screen needs, asked for at once: the server answers in turn,
      // and the story in the editor comes before the lists that only the side panels use.
      const info = Promise.all([this.api['app.info'](), this.api['desk.info']()]);
      const stories = this.api['story.list']();
      const sample = this.api['story.sample']().catch(() => null);
      // Awaited below; when info fails first, its failure is the one reported.
      stories.catch(() => {});
      const [app, desk] = await info;
      this.locale = desk.settings.locale;
      const remembered = loadRemembered(desk.root);
      store.set({ app, desk, layout: remembered.layout });
      // Text typed while the server was away, by a page since reloaded or closed: into the
      // draft journal first, so that it is offered back below with every other draft.
      this.queued = new DraftQueue(desk.root);
      if (this.queued.size) await this.flushQueue();
      if (this.queued.size) this.retryLater();
      this.applyTheme();
      this.disposers.push(onSystemThemeChange(() => this.applyTheme()));
      this.setStories(await stories);
      this.listen();
      this.disposers.push(useWorkbench.subscribe((s, prev) => this.maybePersist(s, prev)));
      // The tabs of last time, read side by side; on a first start, the sample story as sent.
      const slugs = remembered.tabs.filter((slug) =>
        useWorkbench.getState().storiesBySlug.has(slug),
      );
      const reads = await Promise.all(
        slugs.map((slug) => this.api['story.read']({ slug }).catch(() => null)),
      );
      reads.forEach((read, i) => {
        if (read && !this.tabBySlug(slugs[i]!))
          this.addTab(slugs[i]!, read.text, read.hash, { activate: false });
      });
      if (remembered.fresh) {
        // An empty desk has no sample: the empty editor says what to do.
        const first = await sample;
        const slug = /([^/]+)\.md$/.exec(first?.path ?? '')?.[1];
        if (first && slug && !this.tabBySlug(slug))
          this.addTab(slug, first.text, first.hash, { activate: false });
      }
      const active = useWorkbench.getState().tabs.find((t) => t.slug === remembered.active);
      const first = useWorkbench.getState().tabs[0];
      if (active ?? first) this.activate((active ?? first)!.id);
      // Ready once the story is in its tab: the editor is made once, with the story, and
      // the page is laid out once (not with an empty editor first, then again).
      store.set({ phase: 'ready' });
      // Then what the library's filters, autocomplete and the entity list need.
      void this.refreshFacets();
      void this.refreshOutlets();
      void this.refreshEntities().catch((error: unknown) =>
        toast({ kind: 'error', title: 'The entities could not be listed', detail: message(error) }),
      );
      await this.offerDrafts();
    } catch (error) {
      store.set({ phase: 'failed', failure: message(error) });
    }
  }

  dispose(): void {
    for (const d of this.disposers) d();
    if (this.retryTimer) clearInterval(this.retryTimer);
  }

  private listen(): void {
    // A page going away (a reload, a closed tab) takes its draft timers with it: what they
    // would have journaled is queued in this browser now, synchronously, for the next start.
    const onPageHide = () => this.queuePendingDrafts();
    window.addEventListener('pagehide', onPageHide);
    this.disposers.push(() => window.removeEventListener('pagehide', onPageHide));
    if (!this.events) return;
    this.disposers.push(this.events.subscribe((e) => this.onEvent(e)));
    let last = this.events.state();
    store.set({ connection: last });
    this.disposers.push(
      this.events.onState((state) => {
        store.set({ connection: state });
        if (state === 'connected' && last !== 'connected') void this.reconnected();
        if (state === 'refused')
          toast({
            kind: 'error',
            title: 'The server no longer accepts this page',
            detail:
              'It was started again with a new token. Open the address desk serve printed, in this browser: your unsaved text is kept here and offered back there.',
          });
        last = state;
      }),
    );
  }

  private async reconnected(): Promise<void> {
    await this.flushQueue();
    this.scheduleLibraryRefresh();
    this.scheduleEntitiesRefresh();
    // Events sent while away were lost: look at every open story again.
    for (const tab of useWorkbench.getState().tabs) {
      try {
        const read = await this.api['story.read']({ slug: tab.slug });
        const rt = this.runtime.get(tab.id);
        if (rt && read.hash !== rt.baseHash) this.changedOnDisk(tab.id, read.text, read.hash);
      } catch {
        // Gone: the next save says so.
      }
    }
  }

  // -- Persisted layout ---------------------------------------------------

  private maybePersist(
    s: ReturnType<typeof useWorkbench.getState>,
    prev: ReturnType<typeof useWorkbench.getState>,
  ) {
    if (s.layout === prev.layout && s.tabs === prev.tabs && s.activeTab === prev.activeTab) return;
    if (s.layout.theme !== prev.layout.theme) this.applyTheme();
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      const st = useWorkbench.getState();
      if (!st.desk) return;
      saveRemembered(st.desk.root, {
        layout: st.layout,
        tabs: st.tabs.map((t) => t.slug),
        active: activeTabMeta(st)?.slug ?? null,
      });
    }, 200);
  }

  applyTheme(): void {
    const dark = applyTheme(useWorkbench.getState().layout.theme);
    this.host.setDark(dark);
  }

  setTheme(theme: ThemeChoice): void {
    store.setLayout({ theme });
  }

  // -- Library data -------------------------------------------------------

  async refreshLibrary(): Promise<void> {
    await Promise.all([this.refreshStories(), this.refreshFacets(), this.refreshOutlets()]);
  }

  private async refreshStories(): Promise<void> {
    this.setStories(await this.api['story.list']());
  }

  private setStories(stories: StorySummary[]): void {
    const storiesBySlug = new Map(stories.map((s) => [s.slug, s] as const));
    store.set((s) => ({ stories, storiesBySlug, libraryVersion: s.libraryVersion + 1 }));
  }

  private async refreshFacets(): Promise<void> {
    const facets = await this.api['search.facets']().catch(() => null);
    if (facets) store.set({ facets });
  }

  async refreshEntities(): Promise<void> {
    const entities = await this.api['entity.list']();
    entities.sort((a, b) => a.name.localeCompare(b.name));
    store.set({ entities, entitiesLoaded: true });
  }

  private scheduleLibraryRefresh() {
    if (this.libraryTimer) clearTimeout(this.libraryTimer);
    this.libraryTimer = setTimeout(
      () => void this.refreshLibrary().catch(() => {}),
      LIBRARY_REFRESH_MS,
    );
  }

  private scheduleEntitiesRefresh() {
    if (this.entitiesTimer) clearTimeout(this.entitiesTimer);
    this.entitiesTimer = setTimeout(
      () => void this.refreshEntities().catch(() => {}),
      LIBRARY_REFRESH_MS,
    );
  }

  private entityRefs(): EntityChoice[] {
    return useWorkbench
      .getState()
      .entities.map((e) => ({ slug: e.slug, name: e.name, aliases: e.aliases, kind: e.kind }));
  }

  private storyRefs(): StoryChoice[] {
    return useWorkbench.getState().stories.map((s) => ({ slug: s.slug, title: s.title }));
  }

  /**
   * Outlets with their usual region and language: the desk's outlet ledger
   * (every saved take, from the index), plus the outlets the open editors name
   * that the ledger does not know yet (typed, not saved). Sorted by name.
   */
  outlets(): OutletUsage[] {
    const typed = useWorkbench.getState().tabs.flatMap((tab) => {
      const state = this.host.state(tab.id);
      return state ? parsedStory(state).facts.takes.map((t) => t.take) : [];
    });
    return mergeOutlets(this.outletLedger, typed);
  }

  private async refreshOutlets(): Promise<void> {
    // Unreadable (server away): the last ledger stays, the next refresh tries again.
    this.outletLedger = await this.api['story.outlets']().catch(() => this.outletLedger);
  }

  // -- Events -------------------------------------------------------------

  private onEvent(e: DeskEvent): void {
    switch (e.type) {
      case 'story.changed':
        this.scheduleLibraryRefresh();
        void this.storyChanged(e.slug, e.change, e.hash, e.external);
        break;
      case 'entities.changed':
        this.scheduleEntitiesRefresh();
        break;
      case 'import.progress':
        store.set({ importProgress: { done: e.done, total: e.total, name: e.name } });
        break;
      case 'index.ready':
        this.scheduleLibraryRefresh();
        break;
      case 'draft.recovered':
        void this.offerDrafts(e.slug);
        break;
      case 'conflict':
        break;
    }
  }

  private async storyChanged(
    slug: string,
    change: 'added' | 'changed' | 'removed',
    hash: string | null,
    external: boolean,
  ): Promise<void> {
    if (this.ownOps.has(slug)) return; // Our own rename or delete: handled where it was made.
    const tab = this.tabBySlug(slug);
    if (!tab) return;
    const rt = this.runtime.get(tab.id)!;
    if (rt.saving) return;
    if (change === 'removed') {
      rt.baseHash = null;
      store.patchTab(tab.id, { missing: true });
      toast({
        kind: 'warning',
        title: `“${tab.title || slug}” was removed on disk`,
        detail: 'Its text stays open here. Save to write it back, or close the tab to let it go.',
      });
      return;
    }
    if (hash !== null && hash === rt.baseHash) return;
    try {
      const read = await this.api['story.read']({ slug });
      if (read.hash === rt.baseHash) return;
      this.changedOnDisk(tab.id, read.text, read.hash, external);
    } catch {
      // Read failed (removed again, server away): nothing to reload.
    }
  }

  /** The file under a tab moved on: reload a clean tab in place, or show both texts. */
  private changedOnDisk(tabId: string, theirs: string, theirsHash: string, announce = true): void {
    const rt = this.runtime.get(tabId);
    const meta = this.tabMeta(tabId);
    if (!rt || !meta) return;
    store.patchTab(tabId, { missing: false });
    if (!this.host.isDirty(tabId)) {
      rt.baseHash = theirsHash;
      this.host.replaceText(tabId, theirs, { saved: true });
      this.refreshDirty(tabId);
      if (announce)
        toast({
          kind: 'info',
          title: `“${meta.title || meta.slug}” changed on disk and was reloaded`,
          timeout: 4000,
        });
      return;
    }
    this.openConflict({
      tabId,
      slug: meta.slug,
      mine: this.host.text(tabId),
      theirs,
      theirsHash,
      reason: 'disk',
    });
  }

  // -- Tabs ---------------------------------------------------------------

  tabMeta(tabId: string): TabMeta | undefined {
    return useWorkbench.getState().tabs.find((t) => t.id === tabId);
  }

  tabBySlug(slug: string): TabMeta | undefined {
    return useWorkbench.getState().tabs.find((t) => t.slug === slug);
  }

  activeTab(): TabMeta | null {
    return activeTabMeta();
  }

  activeState(): EditorState | null {
    const t = this.activeTab();
    return t ? this.host.state(t.id) : null;
  }

  async openStory(
    slug: string,
    options: { activate?: boolean; quiet?: boolean; focus?: boolean } = {},
  ): Promise<string | null> {
    const existing = this.tabBySlug(slug);
    if (existing) {
      if (options.activate !== false) this.activate(existing.id, options.focus);
      return existing.id;
    }
    let read: Output<'story.read'>;
    try {
      read = await this.api['story.read']({ slug });
    } catch (error) {
      if (!options.quiet)
        toast({ kind: 'error', title: `Could not open “${slug}”`, detail: message(error) });
      return null;
    }
    const again = this.tabBySlug(slug);
    if (again) {
      if (options.activate !== false) this.activate(again.id, options.focus);
      return again.id;
    }
    return this.addTab(slug, read.text, read.hash, options);
  }

  private addTab(
    slug: string,
    text: string,
    hash: string | null,
    options: { activate?: boolean; focus?: boolean } = {},
  ): string {
    const id = `tab-${++tabSeq}`;
    this.host.addTab(id, text);
    this.runtime.set(id, { baseHash: hash, draftTimer: null, saving: false, keptMine: null });
    const parsed = parsedStory(this.host.state(id)!);
    const summary = useWorkbench.getState().storiesBySlug.get(slug);
    const meta: TabMeta = {
      id,
      slug,
      title: parsed.story.title ?? summary?.title ?? slug,
      status: statusOf(parsed) ?? summary?.status ?? 'draft',
      dirty: false,
      saveState: 'saved',
      missing: false,
    };
    const s = useWorkbench.getState();
    const at = s.tabs.findIndex((t) => t.id === s.activeTab);
    const tabs = s.tabs.slice();
    tabs.splice(at < 0 ? tabs.length : at + 1, 0, meta);
    store.set({ tabs });
    if (options.activate !== false) this.activate(id, options.focus);
    return id;
  }

  activate(tabId: string | null, focus = false): void {
    if (tabId && !this.host.has(tabId)) return;
    store.set({ activeTab: tabId });
    const conflict = tabId ? useWorkbench.getState().conflicts[tabId] : undefined;
    this.host.activate(tabId);
    this.host.setVisible(!!tabId && !conflict);
    if (!tabId) {
      const view = this.host.editorView;
      if (view) this.preview?.update(parsedStory(view.state), this.locale);
      this.story.set(null, null);
      store.set({ counts: { errors: 0, warnings: 0, infos: 0 } });
      if (this.cursorEl) this.cursorEl.textContent = '';
    }
    if (focus && !conflict) this.host.focus();
  }

  cycleTab(step: 1 | -1): void {
    const { tabs, activeTab } = useWorkbench.getState();
    if (tabs.length < 2) return;
    const i = tabs.findIndex((t) => t.id === activeTab);
    const next = tabs[(i + step + tabs.length) % tabs.length]!;
    this.activate(next.id, true);
  }

  /** Closes a tab; with unsaved text, asks first unless `force`. */
  closeTab(tabId: string | null = useWorkbench.getState().activeTab, force = false): void {
    if (!tabId) return;
    if (!force && this.host.isDirty(tabId)) {
      store.set({ dialog: { kind: 'close-tab', tabId } });
      return;
    }
    const rt = this.runtime.get(tabId);
    if (rt?.draftTimer) clearTimeout(rt.draftTimer);
    const { tabs, activeTab, conflicts } = useWorkbench.getState();
    const i = tabs.findIndex((t) => t.id === tabId);
    const rest = tabs.filter((t) => t.id !== tabId);
    const nextConflicts = { ...conflicts };
    delete nextConflicts[tabId];
    store.set({ tabs: rest, conflicts: nextConflicts });
    this.host.dropTab(tabId);
    this.runtime.delete(tabId);
    if (activeTab === tabId) {
      const next = rest[Math.min(i, rest.length - 1)];
      this.activate(next?.id ?? null, true);
    }
  }

  /** Close without saving: the text is dropped and its draft discarded. */
  async discardAndClose(tabId: string): Promise<void> {
    const meta = this.tabMeta(tabId);
    const rt = this.runtime.get(tabId);
    if (rt?.draftTimer) clearTimeout(rt.draftTimer);
    this.closeTab(tabId, true);
    if (meta) {
      this.queued.delete(meta.slug);
      this.updateQueued();
      await this.api['draft.discard']({ slug: meta.slug }).catch(() => {});
    }
  }

  /** Close, keeping the unsaved text in the draft journal (offered back next start). */
  async keepAndClose(tabId: string): Promise<void> {
    const meta = this.tabMeta(tabId);
    const rt = this.runtime.get(tabId);
    if (meta && rt) {
      if (rt.draftTimer) clearTimeout(rt.draftTimer);
      await this.putDraft(meta.slug, this.host.text(tabId), rt.baseHash);
    }
    this.closeTab(tabId, true);
  }

  // -- Typing -------------------------------------------------------------

  private onDocChanged(tabId: string, state: EditorState): void {
    const meta = this.tabMeta(tabId);
    const rt = this.runtime.get(tabId);
    if (!meta || !rt) return;
    this.refreshDirty(tabId);
    const parsed = parsedStory(state);
    const title = parsed.story.title ?? meta.slug;
    const status = statusOf(parsed) ?? meta.status;
    if (title !== meta.title || status !== meta.status) store.patchTab(tabId, { title, status });
    this.scheduleDraft(tabId);
  }

  private refreshDirty(tabId: string): void {
    const meta = this.tabMeta(tabId);
    if (!meta) return;
    const dirty = this.host.isDirty(tabId);
    const conflict = !!useWorkbench.getState().conflicts[tabId];
    const saveState = conflict
      ? 'conflict'
      : meta.saveState === 'saving'
        ? 'saving'
        : dirty
          ? meta.saveState === 'failed'
            ? 'failed'
            : 'unsaved'
          : 'saved';
    store.patchTab(tabId, { dirty, saveState });
  }

  private onActiveState(state: EditorState): void {
    this.preview?.update(parsedStory(state), this.locale);
    this.story.set(this.host.active, state);
    const problems = problemsOf(state);
    const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
    for (const p of problems) {
      if (p.severity === 'error') counts.errors++;
      else if (p.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    const cur = useWorkbench.getState().counts;
    if (
      cur.errors !== counts.errors ||
      cur.warnings !== counts.warnings ||
      cur.infos !== counts.infos
    )
      store.set({ counts });
  }

  /** The status bar's cursor readout is written here directly: no React render per keystroke. */
  bindCursor(el: HTMLElement | null): void {
    this.cursorEl = el;
    const state = this.activeState();
    if (state) this.showCursor(state);
  }

  private showCursor(state: EditorState): void {
    if (!this.cursorEl) return;
    const head = state.selection.main.head;
    const line = state.doc.lineAt(head);
    const sel = state.selection.main.empty
      ? ''
      : ` (${state.selection.main.to - state.selection.main.from} selected)`;
    this.cursorEl.textContent = `Ln ${line.number}, Col ${head - line.from + 1}${sel}`;
  }

  // -- Draft journal ------------------------------------------------------

  private scheduleDraft(tabId: string): void {
    const rt = this.runtime.get(tabId);
    if (!rt) return;
    if (rt.draftTimer) clearTimeout(rt.draftTimer);
    rt.draftTimer = setTimeout(() => {
      rt.draftTimer = null;
      const meta = this.tabMeta(tabId);
      if (!meta || rt.keptMine) return;
      if (this.host.isDirty(tabId))
        void this.putDraft(meta.slug, this.host.text(tabId), rt.baseHash);
      else {
        this.queued.delete(meta.slug);
        this.updateQueued();
        void this.api['draft.discard']({ slug: meta.slug }).catch(() => {});
      }
    }, DRAFT_DELAY_MS);
  }

  private queuePendingDrafts(): void {
    for (const [tabId, rt] of this.runtime) {
      if (!rt.draftTimer) continue;
      clearTimeout(rt.draftTimer);
      rt.draftTimer = null;
      const meta = this.tabMeta(tabId);
      if (!meta || rt.keptMine || !this.host.isDirty(tabId)) continue;
      this.queued.set(meta.slug, { text: this.host.text(tabId), baseHash: rt.baseHash });
    }
  }

  private async putDraft(slug: string, text: string, baseHash: string | null): Promise<void> {
    try {
      await this.api['draft.put']({ slug, text, baseHash });
      if (this.queued.delete(slug)) this.updateQueued();
    } catch {
      // The server is away: keep the newest text per story and try again later.
      this.queued.set(slug, { text, baseHash });
      this.updateQueued();
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (!this.retryTimer) this.retryTimer = setInterval(() => void this.flushQueue(), 5000);
  }

  private updateQueued(): void {
    if (useWorkbench.getState().queuedDrafts !== this.queued.size)
      store.set({ queuedDrafts: this.queued.size });
  }

  async flushQueue(): Promise<void> {
    for (const [slug, d] of this.queued.entries()) {
      try {
        await this.api['draft.put']({ slug, text: d.text, baseHash: d.baseHash });
        this.queued.delete(slug, d);
      } catch {
        break;
      }
    }
    this.updateQueued();
    if (this.queued.size === 0 && this.retryTimer) {
      clearInterval(this.retryTimer);
      this.retryTimer = null;
    }
  }

  /** Offers back each draft left by an earlier session (or `only` one). */
  async offerDrafts(only?: string): Promise<void> {
    let drafts: Draft[];
    try {
      drafts = await this.api['draft.list']();
    } catch {
      return;
    }
    for (const draft of drafts) {
      if (only && draft.slug !== only) continue;
      if (this.offeredDrafts.has(draft.slug)) continue;
      const tab = this.tabBySlug(draft.slug);
      if (tab && this.host.isDirty(tab.id)) continue; // This session is writing it.
      let current: Output<'story.read'> | null = null;
      try {
        current = await this.api['story.read']({ slug: draft.slug });
      } catch {
        current = null;
      }
      if (current && current.text === draft.text) {
        await this.api['draft.discard']({ slug: draft.slug }).catch(() => {});
        continue;
      }
      this.offeredDrafts.add(draft.slug);
      const title = useWorkbench.getState().storiesBySlug.get(draft.slug)?.title || draft.slug;
      const changed = current ? current.hash !== draft.baseHash : true;
      const diff = current ? await lineDiff(current.text, draft.text).catch(() => null) : null;
      const when = formatTime(draft.updatedAt);
      const detail = [
        `Unsaved text from ${when}.`,
        !current
          ? 'The story is no longer on disk.'
          : changed
            ? 'The file has changed on disk since then.'
            : 'The file is unchanged since then.',
        diff
          ? `${diff.added} line${diff.added === 1 ? '' : 's'} added, ${diff.removed} removed.`
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      toast({
        kind: 'warning',
        title: `Recovered draft of “${title}”`,
        detail,
        actions: [
          { label: 'Restore', run: () => this.restoreDraft(draft, current) },
          {
            label: 'Discard',
            run: async () => {
              await this.api['draft.discard']({ slug: draft.slug }).catch(() => {});
            },
          },
        ],
        onDismiss: () => this.offeredDrafts.delete(draft.slug),
      });
    }
  }

  private async restoreDraft(draft: Draft, current: Output<'story.read'> | null): Promise<void> {
    this.offeredDrafts.delete(draft.slug);
    if (!current) {
      // The story is gone: recreate it from the draft on the next save.
      const id = this.addTab(draft.slug, '', null, { focus: true });
      this.host.replaceText(id, draft.text);
      store.patchTab(id, { missing: true });
      return;
    }
    let id = this.tabBySlug(draft.slug)?.id ?? null;
    if (!id) id = await this.openStory(draft.slug, { focus: true });
    if (!id) return;
    const rt = this.runtime.get(id)!;
    if (current.hash === draft.baseHash) {
      this.host.replaceText(id, draft.text);
      this.activate(id, true);
      return;
    }
    rt.baseHash = current.hash;
    this.host.replaceText(id, current.text, { saved: true });
    this.openConflict({
      tabId: id,
      slug: draft.slug,
      mine: draft.text,
      theirs: current.text,
      theirsHash: current.hash,
      reason: 'draft',
    });
    this.activate(id);
  }

  // -- Saving -------------------------------------------------------------

  async save(tabId: string | null = useWorkbench.getState().activeTab): Promise<boolean> {
    if (!tabId) return false;
    const meta = this.tabMeta(tabId);
    const rt = this.runtime.get(tabId);
    if (!meta || !rt || rt.saving) return false;
    if (useWorkbench.getState().conflicts[tabId]) {
      // In the conflict view, Save is "Save merged": the right side, as edited.
      if (this.mergeSaver) await this.mergeSaver();
      return false;
    }
    if (!this.host.isDirty(tabId) && !meta.missing) return true;
    const text = this.host.text(tabId);
    return this.writeText(tabId, text, rt.baseHash);
  }

  private async writeText(tabId: string, text: string, baseHash: string | null): Promise<boolean> {
    const meta = this.tabMeta(tabId)!;
    const rt = this.runtime.get(tabId)!;
    rt.saving = true;
    store.patchTab(tabId, { saveState: 'saving' });
    let result: Output<'story.save'>;
    try {
      result = await this.api['story.save']({ slug: meta.slug, text, baseHash });
    } catch (error) {
      rt.saving = false;
      store.patchTab(tabId, { saveState: 'failed' });
      toast({
        kind: 'error',
        title: `“${meta.title || meta.slug}” was not saved`,
        detail: `${message(error)} Your text is safe here, and goes to the draft journal as soon as the server answers; save again then.`,
      });
      return false;
    }
    rt.saving = false;
    if (result.ok) {
      rt.baseHash = result.hash;
      this.host.markSaved(tabId, text);
      store.patchTab(tabId, { missing: false, saveState: 'saved' });
      this.refreshDirty(tabId);
      // The server dropped the draft; if typing went on meanwhile, journal it again.
      if (this.host.isDirty(tabId)) this.scheduleDraft(tabId);
      return true;
    }
    this.openConflict({
      tabId,
      slug: meta.slug,
      mine: result.conflict.mine,
      theirs: result.conflict.theirs,
      theirsHash: result.conflict.theirsHash,
      reason: 'save',
    });
    return false;
  }

  async saveAll(): Promise<void> {
    for (const t of useWorkbench.getState().tabs) if (t.dirty) await this.save(t.id);
  }

  // -- Conflicts ----------------------------------------------------------

  private mergeSaver: (() => Promise<void>) | null = null;

  /** The conflict view on screen says how to save its hand merge (null when it goes). */
  setMergeSaver(saver: (() => Promise<void>) | null): void {
    this.mergeSaver = saver;
  }

  openConflict(c: Conflict): void {
    store.set((s) => ({ conflicts: { ...s.conflicts, [c.tabId]: c } }));
    store.patchTab(c.tabId, { saveState: 'conflict' });
    // Journal "mine" right away: whatever happens next, it is on disk.
    void this.putDraft(c.slug, c.mine, c.theirsHash);
    if (useWorkbench.getState().activeTab === c.tabId) this.host.setVisible(false);
    else
      toast({
        kind: 'warning',
        title: `“${this.tabMeta(c.tabId)?.title || c.slug}” needs a decision`,
        detail: 'It changed on disk while you had unsaved edits.',
        actions: [{ label: 'Show', run: () => this.activate(c.tabId) }],
      });
  }

  private clearConflict(tabId: string): void {
    store.set((s) => {
      const conflicts = { ...s.conflicts };
      delete conflicts[tabId];
      return { conflicts };
    });
    if (useWorkbench.getState().activeTab === tabId) this.host.setVisible(true);
    this.refreshDirty(tabId);
  }

  /** Saves `text` (mine, or a hand merge) over theirs. */
  async resolveWith(tabId: string, text: string): Promise<void> {
    const c = useWorkbench.getState().conflicts[tabId];
    const rt = this.runtime.get(tabId);
    if (!c || !rt) return;
    this.clearConflict(tabId);
    // The tab shows theirs as the saved text and `text` as the edit on top.
    rt.baseHash = c.theirsHash;
    if (c.theirs !== null) this.host.markSaved(tabId, c.theirs);
    this.host.replaceText(tabId, text);
    const ok = await this.writeText(tabId, text, c.theirsHash);
    if (ok) this.host.focus();
  }

  /** Loads theirs; mine stays in the draft journal until the user dismisses it. */
  async keepTheirs(tabId: string): Promise<void> {
    const c = useWorkbench.getState().conflicts[tabId];
    const rt = this.runtime.get(tabId);
    const meta = this.tabMeta(tabId);
    if (!c || !rt || !meta) return;
    if (c.theirs === null) {
      // Deleted on disk, and the user agrees: close it, the draft keeps the text.
      this.clearConflict(tabId);
      await this.putDraft(c.slug, c.mine, null);
      this.closeTab(tabId, true);
      this.keptMineToast(c.slug, meta.title, c.mine, null);
      return;
    }
    this.clearConflict(tabId);
    rt.baseHash = c.theirsHash;
    this.host.replaceText(tabId, c.theirs, { saved: true });
    this.refreshDirty(tabId);
    await this.putDraft(c.slug, c.mine, c.theirsHash);
    const id = this.keptMineToast(c.slug, meta.title, c.mine, tabId);
    rt.keptMine = { text: c.mine, toast: id };
    this.host.focus();
  }

  private keptMineToast(slug: string, title: string, mine: string, tabId: string | null): number {
    const release = () => {
      const rt = tabId ? this.runtime.get(tabId) : undefined;
      if (rt) rt.keptMine = null;
    };
    return toast({
      kind: 'info',
      title: `Your version of “${title || slug}” is kept in the draft journal`,
      detail:
        'Dismiss this when you no longer need it; until then it is offered back at every start.',
      actions: [
        {
          label: 'Bring mine back',
          run: async () => {
            release();
            let id = tabId && this.runtime.has(tabId) ? tabId : null;
            if (!id) id = await this.openStory(slug);
            if (!id) return;
            const read = await this.api['story.read']({ slug }).catch(() => null);
            this.openConflict({
              tabId: id,
              slug,
              mine,
              theirs: read?.text ?? null,
              theirsHash: read?.hash ?? null,
              reason: 'draft',
            });
            this.activate(id);
          },
        },
      ],
      onDismiss: () => {
        release();
        const tab = tabId ? this.tabMeta(tabId) : undefined;
        if (tab && this.host.isDirty(tab.id)) this.scheduleDraft(tab.id);
        else void this.api['draft.discard']({ slug }).catch(() => {});
      },
    });
  }

  // -- Story operations ---------------------------------------------------

  /** Creates a story from the template; `open: false` leaves it in the library (a stub). */
  async createStory(
    input: { slug: string; title: string; type: string },
    options: { open?: boolean } = {},
  ): Promise<void> {
    const created = await this.api['story.create']({
      slug: input.slug,
      title: input.title || undefined,
      type: input.type || undefined,
    });
    if (options.open === false) {
      await this.refreshStories().catch(() => this.scheduleLibraryRefresh());
      toast({ kind: 'success', title: `Created the stub “${input.slug}”`, timeout: 3000 });
      return;
    }
    this.scheduleLibraryRefresh();
    this.addTab(created.slug, created.text, created.hash, { focus: true });
    toast({ kind: 'success', title: `Created “${input.title || input.slug}”`, timeout: 3000 });
  }

  async setStatus(status: StoryStatus): Promise<void> {
    const tab = this.activeTab();
    if (!tab) return;
    const rt = this.runtime.get(tab.id)!;
    if (this.host.isDirty(tab.id) || tab.missing) {
      // Unsaved edits: change the front matter in the text; it goes with the next save.
      const state = this.host.state(tab.id)!;
      const parsed = parsedStory(state);
      const fm = parsed.facts.frontMatter;
      const yaml = setFrontMatterKey(parsed.story.frontMatter ?? '', 'status', status);
      const block = `---\n${yaml}---\n`;
      this.host.dispatch(tab.id, {
        changes: fm
          ? { from: fm.from, to: Math.min(fm.to + 1, state.doc.length), insert: block }
          : { from: 0, insert: block },
      });
      toast({ kind: 'info', title: `Status set to ${status}; save to keep it`, timeout: 4000 });
      return;
    }
    rt.saving = true;
    store.patchTab(tab.id, { saveState: 'saving' });
    try {
      const result = await this.api['story.setStatus']({
        slug: tab.slug,
        status,
        baseHash: rt.baseHash,
      });
      rt.saving = false;
      if (!result.ok) {
        store.patchTab(tab.id, { saveState: 'saved' });
        if (result.conflict.theirs !== null && result.conflict.theirsHash)
          this.changedOnDisk(tab.id, result.conflict.theirs, result.conflict.theirsHash);
        toast({ kind: 'warning', title: 'The story changed on disk first; try again' });
        return;
      }
      const read = await this.api['story.read']({ slug: tab.slug });
      rt.baseHash = read.hash;
      this.host.replaceText(tab.id, read.text, { saved: true });
      store.patchTab(tab.id, { status, saveState: 'saved' });
      this.refreshDirty(tab.id);
    } catch (error) {
      rt.saving = false;
      store.patchTab(tab.id, { saveState: this.host.isDirty(tab.id) ? 'unsaved' : 'saved' });
      toast({ kind: 'error', title: 'The status was not changed', detail: message(error) });
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const tab = this.tabBySlug(from);
    if (tab && (this.host.isDirty(tab.id) || tab.missing)) {
      const ok = await this.save(tab.id);
      if (!ok) throw new Error('The story could not be saved first; resolve that, then rename.');
    }
    this.guard(from, to);
    let result: Output<'story.rename'>;
    try {
      result = await this.api['story.rename']({ from, to });
    } finally {
      this.release(from, to);
    }
    if (tab) {
      const rt = this.runtime.get(tab.id)!;
      rt.saving = true;
      store.patchTab(tab.id, { slug: to });
      try {
        const read = await this.api['story.read']({ slug: to });
        rt.baseHash = read.hash;
        this.host.replaceText(tab.id, read.text, { saved: true });
        this.refreshDirty(tab.id);
      } finally {
        rt.saving = false;
      }
    }
    this.scheduleLibraryRefresh();
    const n = result.rewritten.length;
    toast({
      kind: 'success',
      title: `Renamed to ${to}`,
      detail: n ? `${n} linking ${n === 1 ? 'story was' : 'stories were'} rewritten.` : undefined,
      timeout: 5000,
    });
  }

  private guard(...slugs: string[]): void {
    for (const s of slugs) this.ownOps.add(s);
  }

  /** Events of our own operation may still be on the wire: let them pass by first. */
  private release(...slugs: string[]): void {
    setTimeout(() => {
      for (const s of slugs) this.ownOps.delete(s);
    }, 1500);
  }

  async deleteStory(slug: string): Promise<void> {
    const tab = this.tabBySlug(slug);
    if (tab && this.host.isDirty(tab.id)) {
      const ok = await this.save(tab.id);
      if (!ok) return;
    }
    const title = useWorkbench.getState().storiesBySlug.get(slug)?.title || tab?.title || slug;
    let trashId: string;
    this.guard(slug);
    try {
      ({ trashId } = await this.api['story.delete']({ slug }));
      if (tab) this.closeTab(tab.id, true);
    } catch (error) {
      this.release(slug);
      toast({
        kind: 'error',
        title: `“${title}” was not moved to the trash`,
        detail: message(error),
      });
      return;
    }
    this.release(slug);
    this.scheduleLibraryRefresh();
    toast({
      kind: 'info',
      title: `“${title}” moved to the trash`,
      timeout: 12000,
      actions: [{ label: 'Undo', run: () => this.restore(trashId, true) }],
    });
  }

  async restore(trashId: string, reopen = false): Promise<void> {
    try {
      const { slug } = await this.api['story.restore']({ trashId });
      this.scheduleLibraryRefresh();
      if (reopen) await this.openStory(slug, { focus: true });
      toast({ kind: 'success', title: `Restored ${slug}`, timeout: 3000 });
    } catch (error) {
      toast({ kind: 'error', title: 'Could not restore the story', detail: message(error) });
    }
  }

  async exportStory(slug: string, format: 'md' | 'html' | 'json'): Promise<string> {
    const tab = this.tabBySlug(slug);
    if (tab && this.host.isDirty(tab.id)) await this.save(tab.id);
    const out = await this.api['story.export']({ slug, format });
    const blob = new Blob([out.text], { type: out.mimeType });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = out.fileName;
    a.rel = 'noopener';
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return out.fileName;
  }

  async importFiles(
    files: File[],
    onDuplicate: 'skip' | 'replace',
  ): Promise<Output<'story.import'>> {
    store.set({ importProgress: { done: 0, total: files.length, name: '' } });
    try {
      const payload = await Promise.all(
        files.map(async (f) => ({ name: f.name, text: await f.text() })),
      );
      const results = await this.api['story.import']({ files: payload, onDuplicate });
      this.scheduleLibraryRefresh();
      // An open, clean tab of a replaced story reloads through its change event.
      return results;
    } finally {
      store.set({ importProgress: null });
    }
  }

  // -- Navigation -----------------------------------------------------------

  openEntity(slug: string): void {
    store.set({ entitySlug: slug });
    store.setLayout({ rightTab: 'entity', rightCollapsed: false });
  }

  /** The entity panel renamed or merged its entity: follow it, and refresh the list. */
  entityChanged(was: string, now: string): void {
    if (was !== now && useWorkbench.getState().entitySlug === was) store.set({ entitySlug: now });
    this.scheduleEntitiesRefresh();
  }

  closeEntity(): void {
    store.set({ entitySlug: null });
    store.setLayout({ rightTab: 'preview' });
  }

  gotoLine(line: number, column = 1): void {
    const state = this.activeState();
    if (!state) return;
    const n = Math.max(1, Math.min(line, state.doc.lines));
    const l = state.doc.line(n);
    this.host.reveal(l.from + Math.max(0, Math.min(column - 1, l.length)));
  }

  reveal(pos: number): void {
    this.host.reveal(pos);
  }

  outline(): OutlineItem[] {
    const state = this.activeState();
    return state ? outlineOf(state) : [];
  }

  problems(): Diagnostic[] {
    const state = this.activeState();
    if (!state) return [];
    return [...problemsOf(state)].sort((a, b) => a.from - b.from);
  }

  stepProblem(step: 1 | -1): void {
    const state = this.activeState();
    if (!state) return;
    const list = this.problems();
    if (!list.length) {
      toast({ kind: 'info', title: 'No problems in this story', timeout: 2500 });
      return;
    }
    const head = state.selection.main.head;
    const next =
      step === 1
        ? (list.find((p) => p.from > head) ?? list[0]!)
        : ([...list].reverse().find((p) => p.from < head) ?? list[list.length - 1]!);
    this.host.reveal(next.from);
  }

  storySummary(slug: string): StorySummary | undefined {
    return useWorkbench.getState().storiesBySlug.get(slug);
  }

  isDirty(tabId: string): boolean {
    return this.host.isDirty(tabId);
  }

  dismissToast(id: number): void {
    dismissToast(id);
  }
}

function statusOf(parsed: ReturnType<typeof parsedStory>): StoryStatus | null {
  const s = parsed.facts.frontMatter?.data?.status;
  return typeof s === 'string' &&
    ['draft', 'editing', 'fact-check', 'ready', 'published'].includes(s)
    ? (s as StoryStatus)
    : null;
}

export function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^[a-z]+\.[a-zA-Z]+: /, '');
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay
    ? `today, ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Lines added and removed from `a` to `b`. @codemirror/merge is fetched here, when a
 * draft is offered back, not with the first screen (the conflict view shares its chunk).
 */
export async function lineDiff(a: string, b: string): Promise<{ added: number; removed: number }> {
  const { Chunk } = await import('@codemirror/merge');
  const ta = Text.of(a.split('\n'));
  const tb = Text.of(b.split('\n'));
  let added = 0;
  let removed = 0;
  for (const ch of Chunk.build(ta, tb)) {
    removed +=
      ch.endA > ch.fromA
        ? ta.lineAt(Math.max(ch.fromA, ch.endA - 1)).number - ta.lineAt(ch.fromA).number + 1
        : 0;
    added +=
      ch.endB > ch.fromB
        ? tb.lineAt(Math.max(ch.fromB, ch.endB - 1)).number - tb.lineAt(ch.fromB).number + 1
        : 0;
  }
  return { added, removed };
}
