import { buildGraph, type GraphEntity, type GraphStory } from '../../src/shared/graph';
import { mulberry32 } from '../../src/shared/graph/communities';

// The graph build on a generated desk: N stories, 2N entities, 15 entities a
// story, one link a story. `zipf` draws entities the way a desk mentions them
// (a few in most stories, most in one or two); `uniform` draws them evenly,
// the worst case for the number of distinct edges. Run alone with
//   node bin/run-ts.mjs tests/bench/graph.ts [STORIES]

export function generateGraphInput(
  stories: number,
  distribution: 'zipf' | 'uniform',
  perStory = 15,
  entityCount = stories * 2,
): { stories: GraphStory[]; entities: GraphEntity[] } {
  const rng = mulberry32(42);
  const entities: GraphEntity[] = Array.from({ length: entityCount }, (_, i) => ({
    slug: `entity-${i}`,
    name: `Entity ${i}`,
    aliases: [],
    kind: 'other',
  }));
  // Zipf with exponent 1: P(rank r) ∝ 1/r, drawn by inverting the cumulative sum.
  const cumulative = new Float64Array(entityCount);
  let total = 0;
  for (let r = 0; r < entityCount; r++) cumulative[r] = total += 1 / (r + 1);
  const draw =
    distribution === 'uniform'
      ? () => Math.floor(rng() * entityCount)
      : () => {
          const x = rng() * total;
          let lo = 0;
          let hi = entityCount - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (cumulative[mid]! < x) lo = mid + 1;
            else hi = mid;
          }
          return lo;
        };
  const slug = (i: number) => `story-${String(i).padStart(6, '0')}`;
  const list: GraphStory[] = [];
  for (let i = 0; i < stories; i++) {
    const chosen = new Set<number>();
    while (chosen.size < perStory) chosen.add(draw());
    list.push({
      slug: slug(i),
      title: `Story ${i}`,
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      type: 'story',
      heads: [],
      status: 'draft',
      lenses: [],
      regions: [],
      entities: [...chosen].map((n) => `entity-${n}`),
      links: [slug((i * 7919) % stories)],
    });
  }
  // The index lists stories newest first, as Desk.listStories() does.
  list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug < b.slug ? -1 : 1));
  return { stories: list, entities };
}

/** Median and best wall time and CPU time of `runs` builds, in ms, per input and mode. */
export function benchGraph({
  stories,
  runs = 15,
}: {
  stories: number;
  runs?: number;
}): Record<string, number> {
  const result: Record<string, number> = {};
  const round = (ms: number) => Math.round(ms * 10) / 10;
  for (const distribution of ['zipf', 'uniform'] as const) {
    const input = generateGraphInput(stories, distribution);
    for (const storyNodes of [false, true]) {
      const wall: number[] = [];
      const cpu: number[] = [];
      let edges = 0;
      for (let run = 0; run < runs; run++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const graph = buildGraph(input.stories, input.entities, { storyNodes });
        wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
        edges = graph.edges.count;
      }
      const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
      const name = `${distribution}${storyNodes ? 'WithStories' : ''}`;
      result[`${name}BuildMsP50`] = round(sorted(wall)[runs >> 1]!);
      result[`${name}BuildMsMin`] = round(sorted(wall)[0]!);
      result[`${name}CpuMsP50`] = round(sorted(cpu)[runs >> 1]!);
      result[`${name}Edges`] = edges;
    }
  }
  return result;
}

if (process.argv[1]?.endsWith('graph.ts')) {
  console.log(JSON.stringify(benchGraph({ stories: Number(process.argv[2] ?? 10_000) }), null, 2));
}
