// The last layout of a desk's graph, kept in localStorage per desk (and per
// variant: with or without story nodes) so that reopening the Graph view
// draws at once instead of laying out again. A cache: any failure to read or
// write it only costs a layout.

const PREFIX = 'storydesk.graph-positions:';
/** Past this many nodes the cache would crowd localStorage's few megabytes. */
const MAX_NODES = 30_000;

export type Positions = Map<string, { x: number; y: number }>;

export function loadPositions(key: string): Positions | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Record<string, unknown>;
    const out: Positions = new Map();
    for (const [id, xy] of Object.entries(data))
      if (Array.isArray(xy) && typeof xy[0] === 'number' && typeof xy[1] === 'number')
        out.set(id, { x: xy[0], y: xy[1] });
    return out.size ? out : undefined;
  } catch {
    return undefined;
  }
}

export function savePositions(key: string, positions: Positions): void {
  if (positions.size === 0) return;
  // Merged into what is kept: a filtered graph's layout must not drop the other nodes'.
  const data: Record<string, [number, number]> = {};
  for (const [id, xy] of loadPositions(key) ?? []) data[id] = [xy.x, xy.y];
  // Two decimals are plenty on screen and halve the stored size.
  for (const [id, { x, y }] of positions) data[id] = [round(x), round(y)];
  if (Object.keys(data).length > MAX_NODES) return;
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(data));
  } catch {
    // Storage full or refused: the next open lays out again, nothing else.
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
