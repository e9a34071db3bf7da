// Where nodes start before the layout moves them: each community on a disc
// of its own, discs along a golden-angle spiral, largest first. ForceAtlas2
// then starts near an answer (communities already apart) and settles in far
// fewer iterations than from a random cloud. Deterministic: the same data
// starts the same way, so two openings of one desk look alike.

export function seedPositions(
  ids: readonly string[],
  communities: readonly number[],
  spread = 10,
): Float32Array {
  const n = ids.length;
  const xy = new Float32Array(2 * n);
  const members = new Map<number, number[]>();
  communities.forEach((c, i) => {
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(i);
  });
  const groups = [...members.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let placed = 0;
  groups.forEach(([, list], g) => {
    // The spiral's radius grows with the area already used.
    const ring = spread * Math.sqrt(placed + list.length / 2) * 1.4;
    const cx = g === 0 ? 0 : ring * Math.cos(g * golden);
    const cy = g === 0 ? 0 : ring * Math.sin(g * golden);
    const radius = spread * Math.sqrt(list.length) * 0.6;
    for (const i of list) {
      const h = hash(ids[i]!);
      const r = radius * Math.sqrt(((h & 0xffff) + 0.5) / 0x10000);
      const a = ((h >>> 16) / 0x10000) * 2 * Math.PI;
      xy[2 * i] = cx + r * Math.cos(a);
      xy[2 * i + 1] = cy + r * Math.sin(a);
    }
    placed += list.length;
  });
  return xy;
}

/** FNV-1a, then a final mix: a stable 32-bit hash of a string. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
