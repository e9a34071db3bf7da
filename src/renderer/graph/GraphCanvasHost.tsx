import { useEffect, useRef, useState } from 'react';
import { GraphCanvas } from './canvas';
import { shortLabel, type ViewEdge, type ViewNode } from './graph-data';
import { loadPositions, savePositions } from './positions';
import { colorOf, readPalette, type ColorMode } from './palette';
import { useThemeName } from './use-theme';

// One GraphCanvas in a React tree: made once, fed the data, colours, hidden
// nodes and label density as they change, resized with its box, destroyed
// with the component. The layout's positions are cached under `cacheKey`.

export interface GraphCanvasHostProps {
  nodes: ViewNode[];
  edges: ViewEdge[];
  colorMode: ColorMode;
  hidden: ReadonlySet<string> | null;
  /** Edges (indices into `edges`) to hide among shown nodes. */
  hiddenEdges?: ReadonlySet<number> | null;
  labelDensity: number;
  /** The chosen node: lit with its neighbours whenever the pointer is on no other. */
  selected?: string | null;
  /** Where the layout is remembered; none: laid out every time. */
  cacheKey?: string;
  label: string;
  onReady?(canvas: GraphCanvas | null): void;
  onNodeClick?(id: string): void;
  onNodeDoubleClick?(id: string): void;
  onNodeHover?(id: string | null): void;
  onStageClick?(): void;
  onLayout?(state: 'running' | 'settled'): void;
}

export function GraphCanvasHost(props: GraphCanvasHostProps) {
  const box = useRef<HTMLDivElement>(null);
  const [canvas, setCanvas] = useState<GraphCanvas | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The latest props, for the canvas's callbacks (made once).
  const live = useRef(props);
  live.current = props;
  const theme = useThemeName();

  useEffect(() => {
    const container = box.current;
    if (!container) return;
    let made: GraphCanvas;
    try {
      made = new GraphCanvas({
        container,
        onNodeClick: (id) => live.current.onNodeClick?.(id),
        onNodeDoubleClick: (id) => live.current.onNodeDoubleClick?.(id),
        onNodeHover: (id) => {
          made.setHighlighted(id ?? live.current.selected ?? null);
          live.current.onNodeHover?.(id);
        },
        onStageClick: () => live.current.onStageClick?.(),
        onLayoutProgress: (state) => {
          const key = live.current.cacheKey;
          if (state === 'settled' && key) savePositions(key, made.positions());
          live.current.onLayout?.(state);
        },
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    setCanvas(made);
    live.current.onReady?.(made);
    const observer = new ResizeObserver(() => made.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      live.current.onReady?.(null);
      made.destroy();
      setCanvas(null);
    };
  }, []);

  useEffect(() => {
    if (!canvas) return;
    const positions = props.cacheKey ? loadPositions(props.cacheKey) : undefined;
    // Headlines are long: drawn cut short (the panel and the search show them whole).
    const nodes = props.nodes.map((n) =>
      n.kind === 'story' ? { ...n, label: shortLabel(n.label) } : n,
    );
    canvas.setData(nodes, props.edges, { positions, layout: true });
  }, [canvas, props.nodes, props.edges, props.cacheKey]);

  useEffect(() => {
    if (!canvas) return;
    const palette = readPalette();
    canvas.setColors(
      colorOf(palette, props.colorMode),
      palette.edge,
      palette.label,
      palette.background,
    );
  }, [canvas, props.colorMode, theme, props.nodes]);

  useEffect(() => canvas?.setHidden(props.hidden), [canvas, props.hidden, props.nodes]);
  // After setData (which shows every edge again), hence `edges` among the dependencies.
  useEffect(
    () => canvas?.setHiddenEdges(props.hiddenEdges ?? null),
    [canvas, props.hiddenEdges, props.edges],
  );
  useEffect(() => canvas?.setLabelDensity(props.labelDensity), [canvas, props.labelDensity]);
  useEffect(
    () => canvas?.setHighlighted(props.selected ?? null),
    [canvas, props.selected, props.nodes],
  );

  return (
    <div className="graph-canvas-frame">
      <div ref={box} className="graph-canvas-host" role="group" aria-label={props.label} />
      {failure && (
        <div className="graph-failure" role="alert">
          <p>The graph cannot be drawn here: {failure}</p>
          <p>It can still be exported as GEXF, GraphML or JSON.</p>
        </div>
      )}
    </div>
  );
}
