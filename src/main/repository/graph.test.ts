import { describe, expect, test } from 'vitest';
import { createApiClient, dispatch, type Api, type GraphView } from '../../shared/api';
import { buildGraph, storyNodeId, toJson } from '../../shared/graph';
import { REFERENCE_SLUG, openDesk, tempDesk } from '../../../tests/support/temp-desk';
import { createDeskHandlers } from './api-handlers';
import { readDeskGraph } from './graph';

// graph.get over the direct transport (dispatch, schemas both ways) on a copy
// of the sample desk, and the one graph read that it shares with `desk graph`.

const APP = { name: 'StoryDesk', version: 'test', transport: 'direct' as const };
const REFERENCE_ENTITIES = [
  'russia',
  'ukraine',
  'ukraine-russia-war',
  'united-states',
  'vladimir-putin',
  'volodymyr-zelensky',
];

function fixture(): { api: Api; desk: ReturnType<typeof openDesk> } {
  const desk = openDesk(tempDesk());
  const handlers = createDeskHandlers(desk, APP);
  return { desk, api: createApiClient((method, input) => dispatch(handlers, method, input)) };
}

const ids = (g: GraphView) => g.nodes.map((n) => n.id);
const storiesOf = (g: GraphView, id: string) => {
  const v = ids(g).indexOf(id);
  const { start, index } = g.nodeStories;
  return index.slice(start[v], start[v + 1]).map((si) => g.stories[si]!.slug);
};
const edgesOf = (g: GraphView) =>
  g.edges.source.map((s, i) => {
    const stories = g.edges.storyIndex
      .slice(g.edges.storyStart[i], g.edges.storyStart[i + 1])
      .map((si) => g.stories[si]!.slug);
    return {
      source: g.nodes[s]!.id,
      target: g.nodes[g.edges.target[i]!]!.id,
      weight: g.edges.weight[i]!,
      stories,
    };
  });

describe('graph.get', () => {
  test('is the graph `desk graph` prints, as columns, with each node’s stories and each story’s date', async () => {
    const { api, desk } = fixture();
    const g = await api['graph.get']({});
    const expected = toJson(buildGraph(desk.listStories(), desk.listEntities()));
    expect(g.nodes).toEqual(expected.nodes);
    expect(edgesOf(g)).toEqual(expected.edges);
    expect(g.stories).toHaveLength(11);
    const reference = g.stories.find((s) => s.slug === REFERENCE_SLUG)!;
    expect(reference.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reference.title).toMatch(/^Ukraine-Russia talks inch forward/);
    expect(g.communities).toBeNull();
    // An entity's stories are those that mention it, by any of its names.
    for (const node of g.nodes) expect(storiesOf(g, node.id)).toHaveLength(node.weight);
    const russia = desk.listStories().filter((s) => s.entities.includes('russia'));
    expect(storiesOf(g, 'russia').sort()).toEqual(russia.map((s) => s.slug).sort());
    expect(storiesOf(g, 'russia')).toContain(REFERENCE_SLUG);
  });

  test('gives the reference story’s local graph: its six entities, Moscow and Kyiv resolved', async () => {
    const { api } = fixture();
    const g = await api['graph.get']({ focus: { story: REFERENCE_SLUG }, hops: 1 });
    const entities = g.nodes.filter((n) => n.kind !== 'story').map((n) => n.id);
    expect(entities).toEqual(REFERENCE_ENTITIES);
    expect(ids(g)).toContain(storyNodeId(REFERENCE_SLUG));
    expect(storiesOf(g, storyNodeId(REFERENCE_SLUG))).toEqual([REFERENCE_SLUG]);
    // Its entities are mentioned in other stories too: their stories are all listed.
    expect(storiesOf(g, 'russia').length).toBeGreaterThan(1);
  });

  test('focuses on an entity by slug or alias, filters, and numbers communities when asked', async () => {
    const { api } = fixture();
    const byAlias = await api['graph.get']({ focus: { entity: 'Moscow' }, hops: 0 });
    expect(byAlias.nodes).toEqual([{ id: 'russia', label: 'Russia', kind: 'country', weight: 11 }]);
    expect(byAlias.edges.source).toEqual([]);

    const briefs = await api['graph.get']({ filters: { type: 'brief' }, stories: true });
    expect(briefs.stories.map((s) => s.slug)).toEqual([
      'black-sea-grain-corridor-insurance',
      'europe-gas-prices-winter-storage',
    ]);
    expect(briefs.nodes.filter((n) => n.kind === 'story')).toHaveLength(2);

    const clustered = await api['graph.get']({ communities: true });
    expect(clustered.communities).toHaveLength(clustered.nodes.length);
    expect(clustered.communities![0]).toBe(0);
    expect(new Set(clustered.communities).size).toBeGreaterThan(1);
  });

  test('gives a story’s neighbourhood: its entities, the strongest co-mentions, edges touching its entities', async () => {
    const { api } = fixture();
    const whole = await api['graph.get']({});
    const g = await api['graph.get']({ focus: { story: REFERENCE_SLUG }, neighbours: 3 });
    const entities = REFERENCE_ENTITIES;
    expect(g.nodes.every((n) => n.kind !== 'story')).toBe(true);
    const others = ids(g).filter((id) => !entities.includes(id));
    expect(ids(g).filter((id) => entities.includes(id))).toEqual(entities);
    expect(others).toHaveLength(3);
    // The three are the strongest: no entity outside has more shared stories with the six.
    const strength = (id: string) =>
      edgesOf(whole)
        .filter((e) => (e.source === id) !== (e.target === id))
        .filter((e) => entities.includes(e.source === id ? e.target : e.source))
        .reduce((sum, e) => sum + e.weight, 0);
    const weakestKept = Math.min(...others.map(strength));
    for (const node of whole.nodes)
      if (!ids(g).includes(node.id)) expect(strength(node.id)).toBeLessThanOrEqual(weakestKept);
    // Every edge touches one of the story's entities, with its weight and stories as in the whole graph.
    for (const e of edgesOf(g)) {
      expect(entities.includes(e.source) || entities.includes(e.target)).toBe(true);
      expect(edgesOf(whole)).toContainEqual(e);
    }
    // Only the stories named are sent; each node keeps all its stories.
    expect(g.stories.length).toBeLessThanOrEqual(whole.stories.length);
    for (const node of g.nodes) expect(storiesOf(g, node.id)).toHaveLength(node.weight);
    expect(storiesOf(g, 'russia')).toContain(REFERENCE_SLUG);

    const none = await api['graph.get']({ focus: { story: 'no-such-story' }, neighbours: 5 });
    expect(none).toMatchObject({ nodes: [], stories: [] });
    const alone = await api['graph.get']({ focus: { story: REFERENCE_SLUG }, neighbours: 0 });
    expect(ids(alone)).toEqual(entities);
  });

  test('says clearly what it cannot give', async () => {
    const { api } = fixture();
    await expect(api['graph.get']({ focus: { entity: 'atlantis' } })).rejects.toThrow(
      /there is no entity “atlantis” in this desk/,
    );
    await expect(
      api['graph.get']({ focus: { story: REFERENCE_SLUG }, filters: { type: 'brief' } }),
    ).rejects.toThrow(/does not pass the filters/);
    await expect(api['graph.get']({ hops: -1 })).rejects.toThrow(/hops/);
    await expect(api['graph.get']({ filters: { dateFrom: '2026-6-1' } })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
  });
});

describe('readDeskGraph', () => {
  test('has the reference story’s entities and their co-mentions, from the index', () => {
    const { desk } = fixture();
    const g = readDeskGraph(desk, { focus: { story: REFERENCE_SLUG }, hops: 1 });
    const local = g.nodes.filter((n) => n.kind !== 'story').map((n) => n.id);
    expect(local).toEqual(REFERENCE_ENTITIES);
    const whole = readDeskGraph(desk);
    expect(whole.nodes.map((n) => n.id)).not.toContain('moscow');
    expect(whole.nodes.map((n) => n.id)).not.toContain('kyiv');
    expect(whole.nodes.every((n) => n.kind !== 'story')).toBe(true);
  });
});
