import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../story';
import { slugify } from '../story/slug';
import { summarizeStory, type EntityResolver } from '../story-summary';
import {
  buildGraph,
  communities,
  edgeList,
  egoGraph,
  storyNodeId,
  toJson,
  type DeskGraph,
  type GraphEntity,
  type GraphFilters,
  type GraphStory,
} from '.';

const REFERENCE = resolve(
  __dirname,
  '../../../../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md',
);

const entity = (slug: string, name: string, kind: GraphEntity['kind'], aliases: string[] = []) => ({
  slug,
  name,
  aliases,
  kind,
});

/** What the entity registry does: names and aliases, any case, to slugs. */
function resolverOf(entities: GraphEntity[]): EntityResolver {
  const byName = new Map<string, string>();
  for (const e of entities)
    for (const name of [e.name, ...e.aliases]) byName.set(name.toLowerCase(), e.slug);
  return (name) => byName.get(name.toLowerCase()) ?? slugify(name);
}

function story(slug: string, fields: Partial<GraphStory> = {}): GraphStory {
  return {
    slug,
    title: `Title of ${slug}`,
    date: '2026-01-01',
    type: 'story',
    heads: [],
    status: 'draft',
    lenses: [],
    regions: [],
    entities: [],
    links: [],
    ...fields,
  };
}

const ids = (g: DeskGraph) => g.nodes.map((n) => n.id);
const pairs = (g: DeskGraph) =>
  edgeList(g).map((e) => `${e.source}|${e.target} ${e.weight} ${e.stories.join(',')}`);

describe('the reference story', () => {
  const registry = [
    entity('ukraine-russia-war', 'Ukraine Russia War', 'event'),
    entity('ukraine', 'Ukraine', 'country', ['Kyiv']),
    entity('russia', 'Russia', 'country', ['Moscow']),
    entity('vladimir-putin', 'Vladimir Putin', 'person'),
    entity('volodymyr-zelensky', 'Volodymyr Zelensky', 'person'),
    entity('united-states', 'United States', 'country', ['Washington']),
  ];
  const summary = summarizeStory(
    'ukraine-russia-geneva-territory-talks',
    parseStory(readFileSync(REFERENCE, 'utf8')),
    resolverOf(registry),
  );
  const graph = buildGraph([summary], registry);

  it('has exactly its six entities, Moscow and Kyiv resolved to Russia and Ukraine', () => {
    expect(graph.nodes).toEqual([
      { id: 'russia', label: 'Russia', kind: 'country', weight: 1 },
      { id: 'ukraine', label: 'Ukraine', kind: 'country', weight: 1 },
      { id: 'ukraine-russia-war', label: 'Ukraine Russia War', kind: 'event', weight: 1 },
      { id: 'united-states', label: 'United States', kind: 'country', weight: 1 },
      { id: 'vladimir-putin', label: 'Vladimir Putin', kind: 'person', weight: 1 },
      { id: 'volodymyr-zelensky', label: 'Volodymyr Zelensky', kind: 'person', weight: 1 },
    ]);
    expect(ids(graph)).not.toContain('moscow');
    expect(ids(graph)).not.toContain('kyiv');
  });

  it('joins every pair of them once: 15 edges of weight 1, each naming the story', () => {
    const edges = edgeList(graph);
    expect(edges).toHaveLength(15);
    const nodes = ids(graph);
    const expected = nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => `${a}|${b}`));
    expect(edges.map((e) => `${e.source}|${e.target}`)).toEqual(expected);
    for (const e of edges) {
      expect(e.weight).toBe(1);
      expect(e.stories).toEqual(['ukraine-russia-geneva-territory-talks']);
    }
  });

  it('adds the story and its 15 + 6 edges with story nodes; links to stories not given make none', () => {
    const g = buildGraph([summary], registry, { storyNodes: true });
    expect(ids(g)).toContain(storyNodeId('ukraine-russia-geneva-territory-talks'));
    expect(g.nodes.find((n) => n.kind === 'story')).toEqual({
      id: 'story:ukraine-russia-geneva-territory-talks',
      label: 'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no',
      kind: 'story',
      weight: 0,
    });
    expect(g.edges.count).toBe(21);
  });

  // The same story with Russia and Ukraine gone from its Entities line: its
  // prose links ([Moscow](/ja/entity/russia), [Kyiv](/ja/entity/ukraine), …)
  // still make them nodes, once each.
  it('counts prose links as mentions, so Russia and Ukraine stay without the Entities line', () => {
    const text = readFileSync(REFERENCE, 'utf8').replace(
      '- Entities: Ukraine Russia War, Ukraine, Russia, Vladimir Putin,',
      '- Entities: Ukraine Russia War, Vladimir Putin,',
    );
    expect(text).not.toContain('Entities: Ukraine Russia War, Ukraine, Russia');
    const trimmed = summarizeStory('trimmed', parseStory(text), resolverOf(registry));
    expect(buildGraph([trimmed], registry).nodes.map((n) => `${n.id} ${n.weight}`)).toEqual([
      'russia 1',
      'ukraine 1',
      'ukraine-russia-war 1',
      'united-states 1',
      'vladimir-putin 1',
      'volodymyr-zelensky 1',
    ]);
  });

  it('resolves an alias on the Entities line (Moscow, Kyiv) to its entity', () => {
    const text = readFileSync(REFERENCE, 'utf8').replace(
      'Entities: Ukraine Russia War, Ukraine, Russia,',
      'Entities: Ukraine Russia War, Kyiv, Moscow,',
    );
    const aliased = summarizeStory('aliased', parseStory(text), resolverOf(registry));
    const g = buildGraph([summary, aliased], registry);
    expect(ids(g)).toEqual(ids(graph));
    expect(g.nodes.find((n) => n.id === 'russia')!.weight).toBe(2);
    expect(edgeList(g).find((e) => e.source === 'russia' && e.target === 'ukraine')).toEqual({
      source: 'russia',
      target: 'ukraine',
      weight: 2,
      stories: ['aliased', 'ukraine-russia-geneva-territory-talks'],
    });
  });
});

// A small desk by hand: d-story was summarised without the registry (`moscow`).
const REGISTRY: GraphEntity[] = [
  entity('russia', 'Russia', 'country', ['Moscow']),
  entity('ukraine', 'Ukraine', 'country', ['Kyiv']),
  entity('vladimir-putin', 'Vladimir Putin', 'person'),
  entity('european-union', 'European Union', 'organisation'),
  entity('nato', 'NATO', 'organisation'),
];
const DESK: GraphStory[] = [
  story('a-story', {
    date: '2026-01-10',
    heads: ['War'],
    lenses: ['US mainstream'],
    regions: ['Russia'],
    entities: ['russia', 'ukraine', 'vladimir-putin'],
    links: ['b-story'],
  }),
  story('b-story', {
    date: '2026-02-01',
    type: 'brief',
    heads: ['Money'],
    status: 'ready',
    lenses: ['unlabelled'],
    regions: ['Ukraine'],
    entities: ['russia', 'ukraine'],
    links: ['a-story', 'c-story'],
  }),
  story('c-story', {
    date: '2026-03-01',
    heads: ['War', 'Money'],
    status: 'published',
    lenses: ['unlabelled', 'US mainstream'],
    regions: ['Global', 'Russia'],
    entities: ['ukraine', 'european-union'],
    links: ['no-such-story', 'c-story'],
  }),
  story('d-story', { date: '', entities: ['moscow', 'unknown-thing', 'russia'] }),
];

describe('buildGraph on a small desk', () => {
  const graph = buildGraph(DESK, REGISTRY);

  it('has a node per mentioned entity, weighted by stories, unknown ones by their slug', () => {
    expect(graph.nodes).toEqual([
      { id: 'european-union', label: 'European Union', kind: 'organisation', weight: 1 },
      { id: 'russia', label: 'Russia', kind: 'country', weight: 3 },
      { id: 'ukraine', label: 'Ukraine', kind: 'country', weight: 3 },
      { id: 'unknown-thing', label: 'unknown-thing', kind: 'other', weight: 1 },
      { id: 'vladimir-putin', label: 'Vladimir Putin', kind: 'person', weight: 1 },
    ]);
  });

  it('joins entities mentioned together, weighted by stories, listing them sorted', () => {
    expect(pairs(graph)).toEqual([
      'european-union|ukraine 1 c-story',
      'russia|ukraine 2 a-story,b-story',
      'russia|unknown-thing 1 d-story',
      'russia|vladimir-putin 1 a-story',
      'ukraine|vladimir-putin 1 a-story',
    ]);
    expect(graph.stories).toEqual(['a-story', 'b-story', 'c-story', 'd-story']);
  });

  it('does not depend on the order of its input', () => {
    const shuffled = buildGraph([...DESK].reverse(), [...REGISTRY].reverse());
    expect(toJson(shuffled)).toEqual(toJson(graph));
  });

  it('copes with stories of many entities, given in any order', () => {
    const many = Array.from({ length: 40 }, (_, i) => `e${String(i).padStart(2, '0')}`);
    const g = buildGraph(
      [
        story('wide', { entities: [...many].reverse() }),
        story('half', { entities: many.filter((_, i) => i % 2 === 0) }),
      ],
      [],
    );
    expect(ids(g)).toEqual(many);
    expect(g.edges.count).toBe((40 * 39) / 2);
    const edges = edgeList(g);
    expect(edges.map((e) => `${e.source}|${e.target}`)).toEqual(
      many.flatMap((a, i) => many.slice(i + 1).map((b) => `${a}|${b}`)),
    );
    expect(edges.find((e) => e.source === 'e00' && e.target === 'e02')?.stories).toEqual([
      'half',
      'wide',
    ]);
    expect(edges.find((e) => e.source === 'e00' && e.target === 'e01')?.stories).toEqual(['wide']);
  });

  it('gives an empty graph for no stories', () => {
    expect(toJson(buildGraph([], REGISTRY))).toEqual({ nodes: [], edges: [] });
    expect(toJson(buildGraph([], REGISTRY, { storyNodes: true }))).toEqual({
      nodes: [],
      edges: [],
    });
  });

  it('writes JSON with exactly the keys of the format', () => {
    const json = toJson(graph);
    expect(Object.keys(json)).toEqual(['nodes', 'edges']);
    for (const n of json.nodes) expect(Object.keys(n)).toEqual(['id', 'label', 'kind', 'weight']);
    for (const e of json.edges)
      expect(Object.keys(e)).toEqual(['source', 'target', 'weight', 'stories']);
    expect(json.edges[1]).toEqual({
      source: 'russia',
      target: 'ukraine',
      weight: 2,
      stories: ['a-story', 'b-story'],
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('filters', () => {
  const storiesPassing = (filters: GraphFilters) =>
    buildGraph(DESK, REGISTRY, { storyNodes: true, filters })
      .nodes.filter((n) => n.kind === 'story')
      .map((n) => n.id.slice('story:'.length));

  it.each<[GraphFilters, string[]]>([
    [{}, ['a-story', 'b-story', 'c-story', 'd-story']],
    [{ dateFrom: '2026-02-01' }, ['b-story', 'c-story']],
    [{ dateTo: '2026-02-01' }, ['a-story', 'b-story']],
    [{ dateFrom: '2026-02-01', dateTo: '2026-02-01' }, ['b-story']],
    [{ dateFrom: '2026-01-11', dateTo: '2026-02-28' }, ['b-story']],
    [{ type: 'brief' }, ['b-story']],
    [{ type: 'story' }, ['a-story', 'c-story', 'd-story']],
    [{ head: 'Money' }, ['b-story', 'c-story']],
    [{ status: 'published' }, ['c-story']],
    [{ status: 'draft' }, ['a-story', 'd-story']],
    [{ lens: 'US mainstream' }, ['a-story', 'c-story']],
    [{ region: 'Russia' }, ['a-story', 'c-story']],
    [{ region: 'russia' }, []],
    [{ head: 'Money', lens: 'unlabelled', region: 'Ukraine' }, ['b-story']],
    [{ head: 'War', status: 'ready' }, []],
  ])('%j keeps %j', (filters, expected) => {
    expect(storiesPassing(filters)).toEqual(expected);
  });

  it('drops the entities and edges of the stories filtered out', () => {
    const g = buildGraph(DESK, REGISTRY, { filters: { head: 'War' } });
    expect(g.nodes.map((n) => `${n.id} ${n.weight}`)).toEqual([
      'european-union 1',
      'russia 1',
      'ukraine 2',
      'vladimir-putin 1',
    ]);
    expect(pairs(g)).toEqual([
      'european-union|ukraine 1 c-story',
      'russia|ukraine 1 a-story',
      'russia|vladimir-putin 1 a-story',
      'ukraine|vladimir-putin 1 a-story',
    ]);
    expect(g.stories).toEqual(['a-story', 'c-story']);
  });
});

describe('egoGraph', () => {
  const graph = buildGraph(DESK, REGISTRY);

  it('keeps the node alone at 0 hops', () => {
    const g = egoGraph(graph, 'european-union', 0);
    expect(ids(g)).toEqual(['european-union']);
    expect(g.edges.count).toBe(0);
  });

  it('keeps the neighbours at 1 hop', () => {
    const g = egoGraph(graph, 'european-union', 1);
    expect(ids(g)).toEqual(['european-union', 'ukraine']);
    expect(pairs(g)).toEqual(['european-union|ukraine 1 c-story']);
    expect(g.nodes[1]!.weight).toBe(3);
  });

  it('keeps every edge among the nodes within 2 hops', () => {
    const g = egoGraph(graph, 'european-union', 2);
    expect(ids(g)).toEqual(['european-union', 'russia', 'ukraine', 'vladimir-putin']);
    expect(pairs(g)).toEqual([
      'european-union|ukraine 1 c-story',
      'russia|ukraine 2 a-story,b-story',
      'russia|vladimir-putin 1 a-story',
      'ukraine|vladimir-putin 1 a-story',
    ]);
    expect(toJson(egoGraph(graph, 'european-union', 3))).toEqual(toJson(graph));
  });

  it('walks story nodes too', () => {
    const g = buildGraph(DESK, REGISTRY, { storyNodes: true });
    expect(ids(egoGraph(g, 'story:c-story', 1))).toEqual([
      'european-union',
      'story:b-story',
      'story:c-story',
      'ukraine',
    ]);
  });

  it('refuses a node the graph does not have, and a bad hop count', () => {
    expect(() => egoGraph(graph, 'nato', 1)).toThrow(/no node “nato”/);
    expect(() => egoGraph(graph, 'russia', -1)).toThrow(RangeError);
    expect(() => egoGraph(graph, 'russia', 1.5)).toThrow(RangeError);
  });
});

describe('story nodes', () => {
  const graph = buildGraph(DESK, REGISTRY, { storyNodes: true });

  it('adds a node per story, weighted by its links out and in', () => {
    expect(graph.nodes.filter((n) => n.kind === 'story')).toEqual([
      { id: 'story:a-story', label: 'Title of a-story', kind: 'story', weight: 2 },
      { id: 'story:b-story', label: 'Title of b-story', kind: 'story', weight: 3 },
      { id: 'story:c-story', label: 'Title of c-story', kind: 'story', weight: 1 },
      { id: 'story:d-story', label: 'Title of d-story', kind: 'story', weight: 0 },
    ]);
    expect(ids(graph)).toEqual([...ids(graph)].sort());
  });

  it('joins linked stories once whichever way they link, and stories to their entities', () => {
    expect(pairs(graph)).toEqual([
      'european-union|story:c-story 1 c-story',
      'european-union|ukraine 1 c-story',
      'russia|story:a-story 1 a-story',
      'russia|story:b-story 1 b-story',
      'russia|story:d-story 1 d-story',
      'russia|ukraine 2 a-story,b-story',
      'russia|unknown-thing 1 d-story',
      'russia|vladimir-putin 1 a-story',
      'story:a-story|story:b-story 1 a-story,b-story',
      'story:a-story|ukraine 1 a-story',
      'story:a-story|vladimir-putin 1 a-story',
      'story:b-story|story:c-story 1 b-story,c-story',
      'story:b-story|ukraine 1 b-story',
      'story:c-story|ukraine 1 c-story',
      'story:d-story|unknown-thing 1 d-story',
      'ukraine|vladimir-putin 1 a-story',
    ]);
  });
});

describe('communities', () => {
  // Two groups, each mentioned together again and again, and one story that bridges them.
  const cluster = (prefix: string, members: string[], n: number) =>
    Array.from({ length: n }, (_, i) => story(`${prefix}-${i}`, { entities: members }));
  const stories = [
    ...cluster('war', ['russia', 'ukraine', 'vladimir-putin', 'volodymyr-zelensky'], 6),
    ...cluster('trade', ['china', 'brazil', 'wto', 'india'], 6),
    story('bridge', { entities: ['russia', 'china'] }),
  ];

  it('separates two obvious clusters, the same way every time', () => {
    const graph = buildGraph(stories, []);
    const c = communities(graph);
    expect(
      new Set(['russia', 'ukraine', 'vladimir-putin', 'volodymyr-zelensky'].map((id) => c.get(id)))
        .size,
    ).toBe(1);
    expect(new Set(['china', 'brazil', 'wto', 'india'].map((id) => c.get(id))).size).toBe(1);
    expect(c.get('russia')).not.toBe(c.get('china'));
    // Numbered in node order: brazil is the first node.
    expect(c.get('brazil')).toBe(0);
    expect([...c.values()].sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    for (let i = 0; i < 5; i++) {
      expect([...communities(buildGraph([...stories].reverse(), []))]).toEqual([...c]);
    }
  });

  it('puts an isolated node in a community of its own, and copes with no edges', () => {
    const graph = buildGraph([...stories, story('alone', { entities: ['iceland'] })], []);
    const c = communities(graph);
    expect([...c.values()].filter((x) => x === c.get('iceland'))).toHaveLength(1);
    expect(
      communities(
        buildGraph([story('x', { entities: ['a'] }), story('y', { entities: ['b'] })], []),
      ),
    ).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
      ]),
    );
    expect(communities(buildGraph([], []))).toEqual(new Map());
  });
});

// The fast build against the obvious one, on random desks.
function naiveGraph(stories: GraphStory[], withStories: boolean) {
  const bySlug = new Map<string, GraphStory>();
  for (const s of [...stories].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)))
    if (!bySlug.has(s.slug)) bySlug.set(s.slug, s);
  const kept = [...bySlug.values()];
  const weight = new Map<string, number>();
  const edges = new Map<string, string[]>();
  const add = (a: string, b: string, stories: string[]) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    edges.set(key, [...(edges.get(key) ?? []), ...stories]);
  };
  const linkCount = new Map<string, number>();
  for (const s of kept) {
    const es = [...new Set(s.entities)].sort();
    for (const e of es) weight.set(e, (weight.get(e) ?? 0) + 1);
    es.forEach((a, i) => es.slice(i + 1).forEach((b) => add(a, b, [s.slug])));
    if (!withStories) continue;
    linkCount.set(s.slug, linkCount.get(s.slug) ?? 0);
    for (const e of es) add(`story:${s.slug}`, e, [s.slug]);
    for (const t of new Set(s.links))
      if (t !== s.slug && bySlug.has(t)) {
        linkCount.set(s.slug, (linkCount.get(s.slug) ?? 0) + 1);
        linkCount.set(t, (linkCount.get(t) ?? 0) + 1);
        const [x, y] = s.slug < t ? [s.slug, t] : [t, s.slug];
        edges.set(`story:${x}|story:${y}`, [x, y]);
      }
  }
  const nodes = [
    ...[...weight].map(([id, w]) => `${id} ${w}`),
    ...(withStories ? kept.map((s) => `story:${s.slug} ${linkCount.get(s.slug) ?? 0}`) : []),
  ].sort();
  const edgeLines = [...edges]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([k, st]) =>
        `${k} ${k.startsWith('story:') && k.includes('|story:') ? 1 : st.length} ${st.join(',')}`,
    );
  return { nodes, edges: edgeLines };
}

describe('buildGraph against a naive build', () => {
  const slug = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const arbStory = fc.record({
    slug: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'),
    entities: fc.array(slug, { maxLength: 6 }),
    links: fc.array(fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 'gone'), { maxLength: 3 }),
  });

  it('gives the same nodes, edges, weights and story lists', () => {
    fc.assert(
      fc.property(fc.array(arbStory, { maxLength: 8 }), fc.boolean(), (raw, withStories) => {
        const stories = raw.map((r) => story(r.slug, r));
        const g = buildGraph(stories, [], { storyNodes: withStories });
        const expected = naiveGraph(stories, withStories);
        expect(g.nodes.map((n) => `${n.id} ${n.weight}`)).toEqual(expected.nodes);
        expect(pairs(g)).toEqual(expected.edges);
      }),
      { numRuns: 500 },
    );
  });
});
