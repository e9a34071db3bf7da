import type { ViewGraph } from './graph-data';
import { COMMUNITY_COLOURS, KIND_LABELS, swatchClass, type ColorMode } from './palette';

// What the colours mean: kinds with their counts, or the largest communities
// each named after its most mentioned member.

export function GraphLegend({ graph, mode }: { graph: ViewGraph; mode: ColorMode }) {
  const items =
    mode === 'kind'
      ? graph.kindCounts().map((k) => ({
          key: k.kind,
          swatch: swatchClass('kind', k.kind),
          label: KIND_LABELS[k.kind],
          count: k.count,
        }))
      : communityItems(graph);
  return (
    <div
      className="graph-legend"
      role="group"
      aria-label={mode === 'kind' ? 'Legend: kinds' : 'Legend: communities'}
    >
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <span className={item.swatch} aria-hidden="true" />
            <span className="graph-legend-label">{item.label}</span>
            <span className="graph-legend-count">{item.count}</span>
          </li>
        ))}
      </ul>
      <p className="graph-legend-note">Size: stories · Line: shared stories</p>
    </div>
  );
}

function communityItems(graph: ViewGraph) {
  const list = graph.communityList();
  const named = list.filter((c) => c.community < COMMUNITY_COLOURS);
  const rest = list.filter((c) => c.community >= COMMUNITY_COLOURS);
  const items = named.map((c) => ({
    key: String(c.community),
    swatch: swatchClass('community', c.community),
    label: `Around ${c.label}`,
    count: c.count,
  }));
  if (rest.length)
    items.push({
      key: 'rest',
      swatch: swatchClass('community', COMMUNITY_COLOURS),
      label: `${rest.length} smaller groups`,
      count: rest.reduce((n, c) => n + c.count, 0),
    });
  return items;
}
