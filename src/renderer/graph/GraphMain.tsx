import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArrowLeft, Download, SlidersHorizontal } from 'lucide-react';
import type { GraphFilters } from '../../shared/graph';
import { toGexf, toGraphML, toJson } from '../../shared/graph';
import { toast, useWorkbench } from '../workbench/store';
import { closeGraph, takePendingFocus } from './open';
import { shortcutOf, useWb } from '../workbench/ui';
import { message } from '../workbench/workbench';
import type { GraphCanvas } from './canvas';
import { download } from './download';
import { GraphCanvasHost } from './GraphCanvasHost';
import { GraphEntityPanel } from './GraphEntityPanel';
import { GraphFilterBar } from './GraphFilters';
import { GraphLegend } from './GraphLegend';
import { GraphSearch } from './GraphSearch';
import { GraphTimeline } from './GraphTimeline';
import { storySlugOf } from './graph-data';
import type { ColorMode } from './palette';
import { useGraph } from './use-graph';
import './graph.css';
import { LabelDensity } from './LabelDensity';

// The desk's graph as a main view, in place of the editor: who is mentioned
// with whom across the desk's stories. Search, colour, labels, filters and
// exports above; the drawing with its legend; the panel of the chosen node
// beside it; the time slider below. Escape goes back to the editor.

export function GraphMain() {
  const wb = useWb();
  const desk = useWorkbench((s) => s.desk);
  const entities = useWorkbench((s) => s.entities);
  const [filters, setFilters] = useState<GraphFilters>({});
  const [showFilters, setShowFilters] = useState(false);
  const [storyNodes, setStoryNodes] = useState(false);
  const [colorMode, setColorMode] = useState<ColorMode>('kind');
  const [density, setDensity] = useState(0.5);
  const [date, setDate] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [layout, setLayout] = useState<'running' | 'settled'>('settled');
  const canvas = useRef<GraphCanvas | null>(null);
  const root = useRef<HTMLElement>(null);

  // Defaults left out: one request, one cache entry, however it was reached.
  const request = useMemo(
    () => ({
      ...(Object.keys(filters).length > 0 && { filters }),
      ...(storyNodes && { stories: true }),
      ...(colorMode === 'community' && { communities: true }),
    }),
    [filters, storyNodes, colorMode],
  );
  const { graph, error, loading } = useGraph(wb.api, request);

  // The panel's aliases come from the registry the library lists.
  useEffect(() => {
    if (!useWorkbench.getState().entitiesLoaded) void wb.refreshEntities();
  }, [wb]);
  // Opened to look something up: the search box has the focus.
  useEffect(
    () => root.current?.querySelector<HTMLInputElement>('input[role=combobox]')?.focus(),
    [],
  );
  /** Back to the editor, with the focus in it when a story is open. */
  const back = useCallback(() => {
    closeGraph();
    if (useWorkbench.getState().activeTab) requestAnimationFrame(() => wb.host.focus());
  }, [wb]);
  // Opening a story anywhere (library, palette) brings the editor back.
  useEffect(
    () =>
      useWorkbench.subscribe((s, prev) => {
        if (s.activeTab !== prev.activeTab) closeGraph();
      }),
    [],
  );
  // A node the new graph lacks (filtered out) is no longer selected.
  useEffect(() => {
    if (graph && selected && !graph.node(selected)) setSelected(null);
  }, [graph, selected]);

  const hidden = useMemo(() => graph?.hiddenAfter(date) ?? null, [graph, date]);
  // Edges follow the slider once it rests: on a big desk a pass over them costs
  // more than a step of the replay may take.
  const [edgeDate, setEdgeDate] = useState(date);
  useEffect(() => {
    const timer = setTimeout(() => setEdgeDate(date), 250);
    return () => clearTimeout(timer);
  }, [date]);
  const hiddenEdges = useMemo(() => graph?.hiddenEdgesAfter(edgeDate) ?? null, [graph, edgeDate]);
  const aliases = useMemo(() => {
    const e = entities.find((x) => x.slug === selected);
    return e ? e.aliases : null;
  }, [entities, selected]);

  const openStory = useCallback(
    (slug: string) => {
      closeGraph();
      void wb.openStory(slug, { focus: true });
    },
    [wb],
  );
  const open = useCallback(
    (id: string) => {
      const story = storySlugOf(id);
      if (story !== null) openStory(story);
      else {
        closeGraph();
        wb.openEntity(id);
      }
    },
    [wb, openStory],
  );
  const focus = useCallback((id: string) => {
    setSelected(id);
    canvas.current?.focusNode(id);
  }, []);
  // Opened for one node (from the story's graph): go to it once it is drawn.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!graph || !ready) return;
    const id = takePendingFocus();
    if (id && graph.node(id)) focus(id);
  }, [graph, ready, focus]);

  const exportAs = async (format: 'png' | 'svg' | 'json' | 'gexf' | 'graphml') => {
    if (!graph) return;
    const name = `${slugOf(desk?.name ?? 'desk')}-graph.${format}`;
    try {
      if (format === 'png') {
        if (!canvas.current) throw new Error('the graph is not drawn');
        download(await canvas.current.toPNG(), name, 'image/png');
      } else if (format === 'svg') {
        if (!canvas.current) throw new Error('the graph is not drawn');
        download(canvas.current.toSVG(), name, 'image/svg+xml');
      } else {
        const g = graph.toDeskGraph();
        const text =
          format === 'json'
            ? JSON.stringify(toJson(g), null, 2) + '\n'
            : format === 'gexf'
              ? toGexf(g)
              : toGraphML(g);
        download(text, name, format === 'json' ? 'application/json' : 'application/xml');
      }
      toast({ kind: 'success', title: `Saved ${name}`, timeout: 3000 });
    } catch (e) {
      toast({
        kind: 'error',
        title: `Could not export the graph as ${format.toUpperCase()}`,
        detail: message(e),
      });
    }
  };

  // Escape anywhere but in a layer (palette, dialog, help) or a control that used it:
  // first it lets go of the chosen node, then it goes back to the editor.
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const s = useWorkbench.getState();
      if (s.palette || s.dialog || s.help) return;
      e.preventDefault();
      if (selectedRef.current) setSelected(null);
      else back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back]);

  const hoveredNode = hovered ? graph?.node(hovered) : undefined;
  const empty = graph && graph.nodes.length === 0;

  return (
    <section ref={root} className="graph-view" aria-label="Desk graph" tabIndex={-1}>
      <div className="graph-toolbar" role="toolbar" aria-label="Graph tools">
        <button
          type="button"
          className="button graph-back"
          title={`Back to the editor (Escape, ${shortcutOf('view.graph')})`}
          onClick={back}
        >
          <ArrowLeft size={14} aria-hidden="true" /> Editor
        </button>
        <h1 className="graph-title">Desk graph</h1>
        <GraphSearch graph={graph} onChoose={focus} />
        <label className="graph-field inline">
          <span>Colour</span>
          <select value={colorMode} onChange={(e) => setColorMode(e.target.value as ColorMode)}>
            <option value="kind">by kind</option>
            <option value="community">by community</option>
          </select>
        </label>
        <LabelDensity value={density} onChange={setDensity} />
        <label className="graph-check">
          <input
            type="checkbox"
            checked={storyNodes}
            onChange={(e) => setStoryNodes(e.target.checked)}
          />
          Stories
        </label>
        <button
          type="button"
          className="button"
          aria-expanded={showFilters}
          aria-controls="graph-filters"
          onClick={() => setShowFilters((v) => !v)}
        >
          <SlidersHorizontal size={14} aria-hidden="true" /> Filters
          {Object.keys(filters).length > 0 && (
            <span className="graph-badge">{Object.keys(filters).length}</span>
          )}
        </button>
        <ExportMenu onExport={(f) => void exportAs(f)} disabled={!graph} />
      </div>
      {showFilters && <GraphFilterBar id="graph-filters" filters={filters} onChange={setFilters} />}
      <div className="graph-body">
        <div className="graph-stage">
          {graph && !empty && (
            <GraphCanvasHost
              nodes={graph.nodes}
              edges={graph.edges}
              colorMode={colorMode}
              hidden={hidden}
              hiddenEdges={hiddenEdges}
              labelDensity={density}
              selected={selected}
              cacheKey={`${desk?.root ?? ''}|${storyNodes ? 'stories' : 'entities'}`}
              label={`Graph of ${graph.nodes.length} nodes and ${graph.edges.length} connections`}
              onReady={(c) => {
                canvas.current = c;
                setReady(c !== null);
              }}
              onNodeClick={setSelected}
              onNodeDoubleClick={open}
              onNodeHover={setHovered}
              onStageClick={() => setSelected(null)}
              onLayout={setLayout}
            />
          )}
          {graph && !empty && <GraphLegend graph={graph} mode={colorMode} />}
          <div className="graph-status" role="status">
            {error
              ? `The graph could not be read: ${error}`
              : loading
                ? graph
                  ? 'Updating the graph…'
                  : 'Reading the desk’s graph…'
                : empty
                  ? Object.keys(filters).length
                    ? 'No story passes these filters, so the graph is empty.'
                    : 'No story mentions an entity yet, so the graph is empty.'
                  : hoveredNode
                    ? `${hoveredNode.label} · ${hoveredNode.weight} ${hoveredNode.kind === 'story' ? 'links' : hoveredNode.weight === 1 ? 'story' : 'stories'}`
                    : layout === 'running'
                      ? 'Laying out…'
                      : ''}
          </div>
        </div>
        {graph && selected && (
          <aside className="graph-side" aria-label="Selected node">
            <GraphEntityPanel
              key={selected}
              graph={graph}
              id={selected}
              aliases={aliases}
              onOpenStory={openStory}
              onOpenEntity={open}
              onSelect={focus}
              onClose={() => setSelected(null)}
            />
          </aside>
        )}
      </div>
      {graph && !empty && <GraphTimeline graph={graph} date={date} onDate={setDate} />}
    </section>
  );
}

type ExportFormat = 'png' | 'svg' | 'json' | 'gexf' | 'graphml';
const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: 'png', label: 'Image (PNG)' },
  { format: 'svg', label: 'Vector image (SVG)' },
  { format: 'gexf', label: 'Gephi (GEXF)' },
  { format: 'graphml', label: 'GraphML' },
  { format: 'json', label: 'JSON' },
];

function ExportMenu({
  onExport,
  disabled,
}: {
  onExport(f: ExportFormat): void;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div
      className="graph-export"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          box.current?.querySelector<HTMLElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="graph-export-list"
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
      >
        <Download size={14} aria-hidden="true" /> Export
      </button>
      {open && (
        <ul id="graph-export-list" className="graph-export-list" aria-label="Export the graph">
          {EXPORTS.map(({ format, label }) => (
            <li key={format}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onExport(format);
                }}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'desk'
  );
}
