import { useCallback, useMemo, useState } from 'react';
import { activeTabMeta, useWorkbench } from '../workbench/store';
import { useWb } from '../workbench/ui';
import { GraphCanvasHost } from './GraphCanvasHost';
import { GraphEntityPanel } from './GraphEntityPanel';
import { storySlugOf } from './graph-data';
import { useGraph } from './use-graph';
import { openGraph } from './open';
import { swatchClass } from './palette';
import { LabelDensity } from './LabelDensity';

// The right panel's Graph tab: the open story, its entities and the entities
// they are most often mentioned with across the desk. Hover lights up a
// node's neighbours, a click shows its panel under the drawing, a double
// click opens the entity (or the story).

/** Entities shown beside the story's own: their strongest co-mentions. */
const NEIGHBOURS = 10;

export function LocalGraph() {
  const wb = useWb();
  const slug = useWorkbench((s) => activeTabMeta(s)?.slug ?? null);
  const visible = useWorkbench((s) => s.layout.rightTab === 'graph' && !s.layout.rightCollapsed);
  const entities = useWorkbench((s) => s.entities);
  // The story's neighbourhood only, read by the repository: a big desk's whole
  // graph is tens of megabytes, too much to read again after every save.
  const request = useMemo(
    () => ({ focus: { story: slug ?? 'none' }, neighbours: NEIGHBOURS }),
    [slug],
  );
  const { graph, error } = useGraph(wb.api, request, visible && slug !== null);
  const [selected, setSelected] = useState<string | null>(null);
  const [density, setDensity] = useState(0.8);

  const local = useMemo(
    () => (graph && slug ? graph.localGraph(slug, NEIGHBOURS) : null),
    [graph, slug],
  );
  const storyId = slug ? `story:${slug}` : null;
  const open = useCallback(
    (id: string) => {
      const story = storySlugOf(id);
      if (story !== null) void wb.openStory(story, { focus: true });
      else wb.openEntity(id);
    },
    [wb],
  );

  if (!slug)
    return (
      <div className="local-graph">
        <p className="empty-note panel-note">
          Open a story to see its entities and whom they are mentioned with.
        </p>
      </div>
    );
  if (!visible) return <div className="local-graph" />;
  const aliases = entities.find((e) => e.slug === selected)?.aliases ?? null;
  const showPanel = graph && selected && selected !== storyId && graph.node(selected);

  return (
    <div className="local-graph">
      <div className="local-graph-tools">
        <LabelDensity value={density} onChange={setDensity} />
        <button type="button" className="link-button" onClick={() => openGraph()}>
          Whole desk graph
        </button>
      </div>
      <div className="local-graph-stage">
        {local && local.nodes.length > 1 ? (
          <GraphCanvasHost
            nodes={local.nodes}
            edges={local.edges}
            colorMode="kind"
            hidden={null}
            labelDensity={density}
            selected={selected ?? storyId}
            label={`Graph of this story: ${local.nodes.length - 1} entities`}
            onNodeClick={(id) => setSelected(id === storyId ? null : id)}
            onNodeDoubleClick={open}
            onStageClick={() => setSelected(null)}
          />
        ) : (
          <p className="empty-note panel-note" role="status">
            {error
              ? `The graph could not be read: ${error}`
              : local
                ? 'This story mentions no entity yet (saved stories only).'
                : 'Reading the graph…'}
          </p>
        )}
      </div>
      {local && local.entities.length > 0 && (
        <div className="local-graph-entities">
          <h2 id="local-graph-entities-title">In this story</h2>
          <ul aria-labelledby="local-graph-entities-title">
            {local.entities.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="graph-chip"
                  aria-pressed={selected === n.id}
                  onClick={() => setSelected(selected === n.id ? null : n.id)}
                >
                  <span className={swatchClass('kind', n.kind)} aria-hidden="true" />
                  {n.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {showPanel && (
        <div className="local-graph-panel">
          <GraphEntityPanel
            key={selected}
            compact
            graph={graph}
            id={selected}
            aliases={aliases}
            onOpenStory={(s) => void wb.openStory(s, { focus: true })}
            onOpenEntity={open}
            onSelect={(id) => {
              // A small graph: lit, not zoomed into.
              if (local?.nodes.some((n) => n.id === id)) setSelected(id);
              else openGraph(id);
            }}
            onClose={() => setSelected(null)}
            onShowInGraph={(id) => openGraph(id)}
          />
        </div>
      )}
    </div>
  );
}
