import { useCallback, useEffect, useState, type ComponentType, type KeyboardEvent } from 'react';
import { PanelRightClose } from 'lucide-react';
import { StoryPreviewPane, type PreviewController } from '../preview';
import { EntityPanel } from '../entity';
import { lazyView } from './lazy-view';
import { store, useWorkbench, type RightPanelId } from './store';
import { shortcutOf, useWb, withShortcut } from './ui';

// The right panel: views of the open story (Preview and the forms: Takes,
// Numbers, Related, Meta) and the entity panel. A view is one entry in
// `rightPanels`: add one there and it gets its tab, its keyboard handling
// and its remembered selection.

export interface RightPanelView {
  id: RightPanelId;
  title: string;
  Component: ComponentType;
}

// The form panels and the local graph are chunks of their own (the first
// screen shows the preview), fetched when their tab is first shown.
const forms = () => import('../forms');
const TakesView = lazyView('Takes panel', () => forms().then((m) => m.TakesView));
const NumbersView = lazyView('Numbers panel', () => forms().then((m) => m.NumbersView));
const RelatedView = lazyView('Related panel', () => forms().then((m) => m.RelatedView));
const MetaView = lazyView('Meta panel', () => forms().then((m) => m.MetaView));
const LocalGraph = lazyView('local graph', () => import('../graph').then((m) => m.LocalGraph));

export const rightPanels: RightPanelView[] = [
  { id: 'preview', title: 'Preview', Component: PreviewView },
  { id: 'takes', title: 'Takes', Component: TakesView },
  { id: 'numbers', title: 'Numbers', Component: NumbersView },
  { id: 'related', title: 'Related', Component: RelatedView },
  { id: 'meta', title: 'Meta', Component: MetaView },
  { id: 'entity', title: 'Entity', Component: EntityView },
  { id: 'graph', title: 'Graph', Component: LocalGraph },
];

/** Always mounted: the preview takes the editor's updates, the entity panel keeps its place. */
const ALWAYS_MOUNTED = new Set<RightPanelId>(['preview', 'entity']);

export function RightPanel() {
  const current = useWorkbench((s) => s.layout.rightTab);
  const active = rightPanels.find((p) => p.id === current) ?? rightPanels[0]!;
  // The other views mount when first shown and stay mounted (they keep their state).
  const [shown, setShown] = useState(() => new Set([...ALWAYS_MOUNTED, active.id]));
  if (!shown.has(active.id)) setShown(new Set([...shown, active.id]));

  // A view chosen from elsewhere (Ctrl-click opens Entity) may sit past the strip's edge.
  useEffect(() => {
    document
      .getElementById(`side-tab-${active.id}`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active.id]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = rightPanels.indexOf(active);
    let next: RightPanelView | undefined;
    if (e.key === 'ArrowRight') next = rightPanels[(i + 1) % rightPanels.length];
    else if (e.key === 'ArrowLeft')
      next = rightPanels[(i - 1 + rightPanels.length) % rightPanels.length];
    else if (e.key === 'Home') next = rightPanels[0];
    else if (e.key === 'End') next = rightPanels[rightPanels.length - 1];
    if (!next) return;
    e.preventDefault();
    store.setLayout({ rightTab: next.id });
    const id = next.id;
    requestAnimationFrame(() => document.getElementById(`side-tab-${id}`)?.focus());
  };

  return (
    <aside className="right-panel" aria-label="Side panel">
      <div className="panel-tabs">
        <div
          role="tablist"
          aria-label="Side panel views"
          className="panel-tablist"
          onKeyDown={onKeyDown}
        >
          {rightPanels.map((p) => (
            <button
              key={p.id}
              id={`side-tab-${p.id}`}
              type="button"
              role="tab"
              aria-selected={p.id === active.id}
              aria-controls={`side-panel-${p.id}`}
              tabIndex={p.id === active.id ? 0 : -1}
              className="panel-tab"
              onClick={() => store.setLayout({ rightTab: p.id })}
            >
              {p.title}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Hide side panel"
          title={withShortcut('Hide side panel', 'view.togglePreview')}
          onClick={() => store.setLayout({ rightCollapsed: true })}
        >
          <PanelRightClose size={16} aria-hidden="true" />
        </button>
      </div>
      {rightPanels.map((p) => (
        <div
          key={p.id}
          id={`side-panel-${p.id}`}
          role="tabpanel"
          aria-labelledby={`side-tab-${p.id}`}
          className="side-panel-body"
          hidden={p.id !== active.id}
        >
          {shown.has(p.id) && <p.Component />}
        </div>
      ))}
    </aside>
  );
}

function PreviewView() {
  const wb = useWb();
  const hasTab = useWorkbench((s) => s.activeTab !== null);
  const bind = useCallback(
    (controller: PreviewController | null) => wb.bindPreview(controller),
    [wb],
  );
  return (
    <div className="preview-region">
      {!hasTab && <p className="empty-note panel-note">Open a story to see it as readers will.</p>}
      <div className="preview-host" hidden={!hasTab}>
        <StoryPreviewPane
          ref={bind}
          label="Preview"
          onOpenEntity={(slug) => wb.openEntity(slug)}
          onOpenStory={(slug) => void wb.openStory(slug, { focus: true })}
          onRevealSource={(offset) => wb.reveal(offset)}
          onPreviewScroll={(offset) => wb.previewScrolled(offset)}
        />
      </div>
    </div>
  );
}

function EntityView() {
  const wb = useWb();
  const slug = useWorkbench((s) => s.entitySlug);
  const revision = useWorkbench((s) => s.libraryVersion);
  if (!slug) {
    return (
      <div className="entity-region">
        <p className="empty-note panel-note">
          No entity open. Pick one in the library’s Entities list, Ctrl-click an entity link in the
          story, click one in the preview, or press {shortcutOf('go.entity')}.
        </p>
      </div>
    );
  }
  return (
    <div className="entity-region">
      <EntityPanel
        api={wb.api}
        slug={slug}
        revision={revision}
        onOpenStory={(s) => void wb.openStory(s, { focus: true })}
        onClose={() => wb.closeEntity()}
        onChanged={(entity) => wb.entityChanged(slug, entity.slug)}
      />
    </div>
  );
}
