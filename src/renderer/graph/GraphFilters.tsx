import type { GraphFilters as Filters } from '../../shared/graph';
import { STORY_STATUSES } from '../../shared/desk';
import { useWorkbench } from '../workbench/store';

// The graph's filters, from the library's facets (search.facets): the same
// values, the same names, so a filter means one thing across the app.

const FACETS = [
  ['type', 'Type', 'types'],
  ['head', 'Head', 'heads'],
  ['lens', 'Lens', 'lenses'],
  ['region', 'Region', 'regions'],
] as const;

export function GraphFilterBar({
  filters,
  onChange,
  id,
}: {
  filters: Filters;
  onChange(next: Filters): void;
  id: string;
}) {
  const facets = useWorkbench((s) => s.facets);
  const set = (key: keyof Filters, value: string) => {
    const next: Record<string, string> = { ...filters };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next as Filters);
  };
  const active = Object.values(filters).filter(Boolean).length;
  return (
    <div className="graph-filters" id={id} role="group" aria-label="Graph filters">
      <label className="graph-field">
        <span>From</span>
        <input
          type="date"
          value={filters.dateFrom ?? ''}
          max={filters.dateTo}
          onChange={(e) => set('dateFrom', e.target.value)}
        />
      </label>
      <label className="graph-field">
        <span>To</span>
        <input
          type="date"
          value={filters.dateTo ?? ''}
          min={filters.dateFrom}
          onChange={(e) => set('dateTo', e.target.value)}
        />
      </label>
      {FACETS.map(([key, label, facet]) => (
        <label key={key} className="graph-field">
          <span>{label}</span>
          <select value={filters[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
            <option value="">Any</option>
            {(facets?.[facet] ?? []).map((f) => (
              <option key={f.value} value={f.value}>
                {f.value} ({f.count})
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="graph-field">
        <span>Status</span>
        <select value={filters.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any</option>
          {STORY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={active === 0} onClick={() => onChange({})}>
        Clear filters
      </button>
    </div>
  );
}
