import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CircleAlert, Search, SlidersHorizontal, TriangleAlert, X } from 'lucide-react';
import type { SearchFilters, SnippetRun } from '../../shared/search';
import { STORY_STATUSES, type StoryStatus } from '../../shared/desk';
import { store, useWorkbench, type EntityItem } from './store';
import { filterByTitle, queryWords, titleKey } from './title-filter';
import { plural, shortcutOf, useWb } from './ui';
import { message } from './workbench';

// The library: search as you type over the desk's stories, filters from the
// desk's facets, and a virtualised list that stays quick at 10,000 stories;
// beside it, the desk's entities. Both lists are listboxes driven by the
// keyboard (arrows, Home/End, Page Up/Down, Enter).

interface Row {
  slug: string;
  title: string;
  date: string;
  status: StoryStatus;
  errors: number;
  warnings: number;
  snippet: SnippetRun[] | null;
}

const FILTER_KEYS = ['status', 'type', 'head', 'lens', 'region', 'language'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const FILTER_LABELS: Record<FilterKey, string> = {
  status: 'Status',
  type: 'Type',
  head: 'Head',
  lens: 'Lens',
  region: 'Region',
  language: 'Language',
};

export function Library() {
  const view = useWorkbench((s) => s.layout.sidebarView);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = view === 'stories' ? 'entities' : 'stories';
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      store.setLayout({ sidebarView: next });
      requestAnimationFrame(() => document.getElementById(`library-tab-${next}`)?.focus());
    }
  };
  return (
    <nav className="library" aria-label="Library">
      <div className="library-switch" role="tablist" aria-label="Library views" onKeyDown={onKey}>
        {(['stories', 'entities'] as const).map((v) => (
          <button
            key={v}
            id={`library-tab-${v}`}
            type="button"
            role="tab"
            aria-selected={view === v}
            aria-controls={`library-panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            className="segment"
            onClick={() => store.setLayout({ sidebarView: v })}
          >
            {v === 'stories' ? 'Stories' : 'Entities'}
          </button>
        ))}
      </div>
      <div
        id="library-panel-stories"
        role="tabpanel"
        aria-labelledby="library-tab-stories"
        className="library-panel"
        hidden={view !== 'stories'}
      >
        <StoriesView />
      </div>
      <div
        id="library-panel-entities"
        role="tabpanel"
        aria-labelledby="library-tab-entities"
        className="library-panel"
        hidden={view !== 'entities'}
      >
        {view === 'entities' && <EntitiesView />}
      </div>
    </nav>
  );
}

function StoriesView() {
  const wb = useWb();
  const stories = useWorkbench((s) => s.stories);
  const storiesBySlug = useWorkbench((s) => s.storiesBySlug);
  const version = useWorkbench((s) => s.libraryVersion);
  const facets = useWorkbench((s) => s.facets);
  const openSlug = useWorkbench((s) => s.tabs.find((t) => t.id === s.activeTab)?.slug ?? null);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [showFilters, setShowFilters] = useState(false);
  /** The index's answer, with the query it answers (the box may have moved on since). */
  const [found, setFound] = useState<{ query: string; rows: Row[]; total: number } | null>(null);
  const [failed, setFailed] = useState<{ query: string; message: string } | null>(null);

  const activeFilters = Object.values(filters).filter(Boolean).length;
  const searching = text.trim() !== '' || activeFilters > 0;
  const query = JSON.stringify([text, filters]);
  // One letter alone is a title filter only: as a full-text prefix it matches nearly everything.
  const fullText = activeFilters > 0 || queryWords(text).some((w) => w.length > 1);

  const { all, keys } = useMemo(() => {
    const all: Row[] = [...stories]
      .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
      .map((s) => ({
        slug: s.slug,
        title: s.title || s.slug,
        date: s.date,
        status: s.status,
        errors: s.errors,
        warnings: s.warnings,
        snippet: null,
      }));
    return { all, keys: all.map((r) => titleKey(r.title, r.slug)) };
  }, [stories]);

  // The first answer, in the keystroke's own frame: titles that hold the words typed.
  const byTitle = useMemo(
    () => (searching && !activeFilters ? filterByTitle(all, keys, text) : null),
    [all, keys, text, searching, activeFilters],
  );

  useEffect(() => {
    if (!searching || !fullText) return;
    let live = true;
    const timer = setTimeout(() => {
      wb.api['search.query']({ text, filters, limit: 10_000 }).then(
        (result) => {
          if (!live) return;
          setFound({
            query,
            total: result.total,
            rows: result.hits.map((h) => {
              const s = storiesBySlug.get(h.slug);
              return {
                slug: h.slug,
                title: h.title || h.slug,
                date: h.date,
                status: h.status,
                errors: s?.errors ?? 0,
                warnings: s?.warnings ?? 0,
                snippet: h.snippet.length && text.trim() ? h.snippet : null,
              };
            }),
          });
        },
        (e: unknown) => {
          if (live) setFailed({ query, message: message(e) });
        },
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wb, text, filters, query, searching, fullText, version, storiesBySlug]);

  // The index's answer when it is for this query; else the titles that match at once; with
  // filters (which titles cannot answer), the last answer until the new one comes.
  const current = found?.query === query ? found : null;
  const error = failed?.query === query ? failed.message : null;
  // Derived, not set from the effect: the list says busy in the keystroke's own frame.
  const busy = searching && fullText && !current && !error;
  const shown = !searching ? all : (current?.rows ?? byTitle ?? found?.rows ?? all);
  const shownFor = !searching ? '' : current || byTitle ? text : '';
  const summary = !searching
    ? plural(stories.length, 'story', 'stories')
    : current
      ? `${plural(current.total, 'match', 'matches')} of ${plural(stories.length, 'story', 'stories')}`
      : byTitle
        ? `${plural(byTitle.length, 'title matches', 'titles match')}${busy ? '; searching the text…' : ''}`
        : 'Searching…';

  const setFilter = (key: keyof SearchFilters, value: string) =>
    setFilters((f) => {
      const next = { ...f };
      if (value) (next as Record<string, string>)[key] = value;
      else delete next[key];
      return next;
    });

  const facetValues = (key: FilterKey): { value: string; count: number }[] => {
    if (!facets) return [];
    const map: Record<FilterKey, { value: string; count: number }[]> = {
      status: facets.statuses,
      type: facets.types,
      head: facets.heads,
      lens: facets.lenses,
      region: facets.regions,
      language: facets.languages,
    };
    return map[key];
  };

  const searchKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      const list = document.getElementById('stories-list');
      if (e.key === 'Enter' && shown[0]) void wb.openStory(shown[0].slug, { focus: true });
      else list?.focus();
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  };

  return (
    <>
      <div className="library-search">
        <div className="search-field">
          <Search size={15} aria-hidden="true" className="search-icon" />
          <input
            id="library-search"
            type="search"
            role="searchbox"
            aria-label="Search stories"
            placeholder={`Search stories  ${shortcutOf('go.search')}`}
            value={text}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={searchKeys}
            aria-controls="stories-list"
          />
        </div>
        <button
          type="button"
          className={`icon-button${showFilters || activeFilters ? ' is-on' : ''}`}
          aria-expanded={showFilters}
          aria-controls="library-filters"
          aria-label={activeFilters ? `Filters (${activeFilters} active)` : 'Filters'}
          title="Filters"
          onClick={() => setShowFilters((v) => !v)}
        >
          <SlidersHorizontal size={15} aria-hidden="true" />
          {activeFilters > 0 && <span className="badge-count">{activeFilters}</span>}
        </button>
      </div>
      <div
        id="library-filters"
        className="filters"
        hidden={!showFilters}
        role="group"
        aria-label="Filters"
      >
        {FILTER_KEYS.map((key) => (
          <label key={key} className="filter">
            <span>{FILTER_LABELS[key]}</span>
            <select
              value={(filters[key] as string | undefined) ?? ''}
              onChange={(e) => setFilter(key, e.target.value)}
            >
              <option value="">Any</option>
              {(key === 'status' && !facetValues(key).length
                ? STORY_STATUSES.map((v) => ({ value: v, count: 0 }))
                : facetValues(key)
              ).map((f) => (
                <option key={f.value} value={f.value}>
                  {f.value}
                  {f.count ? ` (${f.count})` : ''}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="filter">
          <span>From</span>
          <input
            type="date"
            value={filters.dateFrom ?? ''}
            onChange={(e) => setFilter('dateFrom', e.target.value)}
          />
        </label>
        <label className="filter">
          <span>To</span>
          <input
            type="date"
            value={filters.dateTo ?? ''}
            onChange={(e) => setFilter('dateTo', e.target.value)}
          />
        </label>
        <button
          type="button"
          className="text-button"
          disabled={!activeFilters}
          onClick={() => setFilters({})}
        >
          Clear filters
        </button>
      </div>
      <div className="library-meta" aria-live="polite">
        <span>{summary}</span>
        {error && <span className="error-text">{error}</span>}
      </div>
      <VirtualList
        id="stories-list"
        label="Stories"
        items={shown}
        rowHeight={shown.some((r) => r.snippet) ? 84 : 74}
        className={shown.some((r) => r.snippet) ? 'has-snippets' : undefined}
        keyOf={(r) => r.slug}
        busy={busy}
        shownFor={shownFor}
        isCurrent={(r) => r.slug === openSlug}
        onChoose={(r) => void wb.openStory(r.slug, { focus: true })}
        empty={
          searching ? (
            <p className="empty-note">No story matches.</p>
          ) : (
            <p className="empty-note">This desk has no stories yet.</p>
          )
        }
        render={(r) => <StoryRow row={r} />}
      />
    </>
  );
}

function StoryRow({ row }: { row: Row }) {
  const problems = [
    row.errors ? plural(row.errors, 'error') : '',
    row.warnings ? plural(row.warnings, 'warning') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="story-row">
      <div className="story-row-title">{row.title}</div>
      {row.snippet && (
        <div className="story-row-snippet">
          {row.snippet.map((run, i) =>
            run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
          )}
        </div>
      )}
      <div className="story-row-meta">
        <span className="story-row-date">{row.date || 'no date'}</span>
        <span className={`status-badge status-${row.status}`}>{row.status}</span>
        {problems && (
          <span className="problem-counts" aria-label={problems} title={problems}>
            {row.errors > 0 && (
              <span className="count-error">
                <CircleAlert size={12} aria-hidden="true" />
                {row.errors}
              </span>
            )}
            {row.warnings > 0 && (
              <span className="count-warning">
                <TriangleAlert size={12} aria-hidden="true" />
                {row.warnings}
              </span>
            )}
          </span>
        )}
      </div>
    </div>
  );
}

function EntitiesView() {
  const wb = useWb();
  const entities = useWorkbench((s) => s.entities);
  const loaded = useWorkbench((s) => s.entitiesLoaded);
  const current = useWorkbench((s) => s.entitySlug);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return entities;
    return entities.filter(
      (e) =>
        e.name.toLowerCase().includes(q) ||
        e.slug.includes(q) ||
        e.kind.includes(q) ||
        e.aliases.some((a) => a.toLowerCase().includes(q)),
    );
  }, [entities, filter]);

  return (
    <>
      <div className="library-search">
        <div className="search-field">
          <Search size={15} aria-hidden="true" className="search-icon" />
          <input
            id="entity-filter"
            type="search"
            role="searchbox"
            aria-label="Filter entities"
            placeholder="Filter entities"
            value={filter}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.getElementById('entities-list')?.focus();
              } else if (e.key === 'Enter' && shown[0]) {
                e.preventDefault();
                wb.openEntity(shown[0].slug);
              } else if (e.key === 'Escape' && filter) {
                e.preventDefault();
                setFilter('');
              }
            }}
            aria-controls="entities-list"
          />
          {filter && (
            <button
              type="button"
              className="icon-button small"
              aria-label="Clear filter"
              onClick={() => setFilter('')}
            >
              <X size={13} aria-hidden="true" />
            </button>
          )}
        </div>
      </div>
      <div className="library-meta" aria-live="polite">
        {!loaded
          ? 'Loading entities…'
          : filter
            ? `${plural(shown.length, 'match', 'matches')} of ${plural(entities.length, 'entity', 'entities')}`
            : plural(entities.length, 'entity', 'entities')}
      </div>
      <VirtualList
        id="entities-list"
        label="Entities"
        items={shown}
        rowHeight={58}
        keyOf={(e) => e.slug}
        isCurrent={(e) => e.slug === current}
        onChoose={(e) => wb.openEntity(e.slug)}
        empty={
          <p className="empty-note">
            {!loaded ? '' : filter ? 'No entity matches.' : 'No entities yet.'}
          </p>
        }
        render={(e) => <EntityRow entity={e} />}
      />
    </>
  );
}

function EntityRow({ entity }: { entity: EntityItem }) {
  return (
    <div className="entity-row">
      <div className="entity-row-name">{entity.name}</div>
      <div className="entity-row-meta">
        <span className={`kind-badge kind-${entity.kind}`}>{entity.kind}</span>
        <span>{plural(entity.stories.length, 'story', 'stories')}</span>
        {entity.aliases.length > 0 && (
          <span className="aliases">aka {entity.aliases.join(', ')}</span>
        )}
      </div>
    </div>
  );
}

interface VirtualListProps<T> {
  id: string;
  className?: string;
  label: string;
  items: T[];
  rowHeight: number;
  keyOf: (item: T) => string;
  isCurrent: (item: T) => boolean;
  onChoose: (item: T) => void;
  render: (item: T) => ReactNode;
  empty: ReactNode;
  /** The items are about to be replaced (a search is running): aria-busy. */
  busy?: boolean;
  /** The search text the items answer, as data-query ('' for none): what tests and benches wait on. */
  shownFor?: string;
}

/** A listbox whose options are rendered only where they are visible. */
function VirtualList<T>({
  id,
  className,
  label,
  items,
  rowHeight,
  keyOf,
  isCurrent,
  onChoose,
  render,
  empty,
  busy = false,
  shownFor = '',
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  useEffect(() => {
    if (active >= items.length) setActive(Math.max(0, items.length - 1));
  }, [items.length, active]);

  const move = (index: number) => {
    const i = Math.max(0, Math.min(items.length - 1, index));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    switch (e.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        if (active === 0) {
          const search = scrollRef.current
            ?.closest('.library-panel')
            ?.querySelector<HTMLInputElement>('input[type=search]');
          if (search) search.focus();
          else return;
        } else move(active - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'PageDown':
        move(active + page);
        break;
      case 'PageUp':
        move(active - page);
        break;
      case 'Enter':
      case ' ': {
        const item = items[active];
        if (item) onChoose(item);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const activeItem = items[active];
  const optionId = (i: number) => `${id}-opt-${i}`;

  return (
    <div ref={scrollRef} className={className ? `virtual-scroll ${className}` : 'virtual-scroll'}>
      {items.length === 0 ? (
        <div
          id={id}
          role="listbox"
          aria-label={label}
          aria-busy={busy}
          data-query={shownFor}
          tabIndex={-1}
          className="virtual-list empty"
        >
          {empty}
        </div>
      ) : (
        <div
          id={id}
          role="listbox"
          aria-label={label}
          aria-busy={busy}
          data-query={shownFor}
          tabIndex={0}
          className="virtual-list"
          aria-activedescendant={activeItem ? optionId(active) : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => virtualizer.scrollToIndex(active, { align: 'auto' })}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index]!;
            return (
              <div
                key={keyOf(item)}
                id={optionId(v.index)}
                role="option"
                aria-selected={v.index === active}
                aria-setsize={items.length}
                aria-posinset={v.index + 1}
                className={`virtual-row${v.index === active ? ' is-active' : ''}${isCurrent(item) ? ' is-current' : ''}`}
                style={{ transform: `translateY(${v.start}px)`, height: rowHeight }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setActive(v.index);
                  onChoose(item);
                }}
              >
                {render(item)}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
