import { useEffect, useRef, useState } from 'react';
import { Pause, Play } from 'lucide-react';
import { addDays, daysBetween, type ViewGraph } from './graph-data';

// The time slider: drag it back and the nodes first mentioned after its date
// leave the graph; play replays the desk's connections growing, from its
// first story to its last, in about ten seconds.

const PLAY_MS = 10_000;
const TICK_MS = 80;

export function GraphTimeline({
  graph,
  date,
  onDate,
}: {
  graph: ViewGraph;
  /** null: the whole graph (the slider at its end). */
  date: string | null;
  onDate(date: string | null): void;
}) {
  const range = graph.dateRange;
  const [playing, setPlaying] = useState(false);
  const latest = useRef({ date, onDate });
  latest.current = { date, onDate };

  const span = range ? Math.max(0, daysBetween(range.from, range.to)) : 0;
  const value = range && date ? Math.max(0, Math.min(span, daysBetween(range.from, date))) : span;

  useEffect(() => {
    if (!playing || !range) return;
    const step = Math.max(1, Math.ceil((span * TICK_MS) / PLAY_MS));
    // Start from the beginning unless paused part way.
    if (latest.current.date === null) latest.current.onDate(range.from);
    const timer = setInterval(() => {
      const cur = latest.current.date ?? range.from;
      const next = daysBetween(range.from, cur) + step;
      if (next >= span) {
        latest.current.onDate(null);
        setPlaying(false);
      } else latest.current.onDate(addDays(range.from, next));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, range, span]);

  if (!range) return null;
  const shownDate = date ?? range.to;
  const nodesShown = graph.nodesBy(date);
  return (
    <div className="graph-timeline" role="group" aria-label="Time">
      <button
        type="button"
        className="icon-button"
        aria-label={playing ? 'Pause' : 'Replay how the graph grew'}
        title={playing ? 'Pause' : 'Replay how the graph grew'}
        onClick={() => setPlaying((p) => !p)}
        disabled={span === 0}
      >
        {playing ? <Pause size={15} aria-hidden="true" /> : <Play size={15} aria-hidden="true" />}
      </button>
      <input
        type="range"
        className="graph-time-slider"
        aria-label="Show the graph as of"
        aria-valuetext={shownDate}
        min={0}
        max={span}
        step={1}
        value={value}
        disabled={span === 0}
        onChange={(e) => {
          setPlaying(false);
          const v = Number(e.target.value);
          onDate(v >= span ? null : addDays(range.from, v));
        }}
      />
      <div className="graph-time-label">
        <span className="graph-time-date">{shownDate}</span>
        <span className="graph-time-counts">
          {nodesShown} of {graph.nodes.length} nodes · {graph.edgesBy(date)} connections
        </span>
      </div>
    </div>
  );
}
