import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fold, shortLabel, ViewGraph } from './graph-data';
import { data } from './test-graph';

const g = new ViewGraph(data);

describe('ViewGraph', () => {
  it('gives the canvas its nodes and edges by id', () => {
    expect(g.edges).toEqual([
      { source: 'recep-tayyip-erdogan', target: 'ukraine', weight: 1 },
      { source: 'russia', target: 'ukraine', weight: 2 },
      { source: 'russia', target: 'vladimir-putin', weight: 1 },
      { source: 'ukraine', target: 'vladimir-putin', weight: 1 },
    ]);
    expect(g.nodes.map((n) => n.weight)).toEqual([1, 2, 3, 1]);
  });

  it('numbers communities by size, the largest 0', () => {
    expect(g.nodes.map((n) => n.community)).toEqual([1, 0, 0, 0]);
    expect(g.communityList()).toEqual([
      { community: 0, count: 3, label: 'Ukraine' },
      { community: 1, count: 1, label: 'Recep Tayyip Erdoğan' },
    ]);
  });

  it('lists a node’s stories newest first, and its strongest co-mentions with their shared stories', () => {
    expect(g.storiesOf('ukraine').map((s) => s.slug)).toEqual(['s3', 's2', 's1']);
    expect(g.coMentions('ukraine')).toEqual([
      {
        id: 'russia',
        label: 'Russia',
        kind: 'country',
        weight: 2,
        stories: [
          { slug: 's2', title: 'Second', date: '2026-02-10' },
          { slug: 's1', title: 'First', date: '2026-01-05' },
        ],
      },
      expect.objectContaining({ id: 'recep-tayyip-erdogan', weight: 1 }),
      expect.objectContaining({ id: 'vladimir-putin', weight: 1 }),
    ]);
    expect(g.coMentions('ukraine', 1)).toHaveLength(1);
    expect(g.coMentions('nobody')).toEqual([]);
  });

  it('hides what was first mentioned after the slider’s date', () => {
    expect(g.dateRange).toEqual({ from: '2026-01-05', to: '2026-03-20' });
    expect(g.firstDate).toEqual(['2026-03-20', '2026-01-05', '2026-01-05', '2026-01-05']);
    expect(g.hiddenAfter(null)).toBeNull();
    expect(g.hiddenAfter('2026-02-01')).toEqual(new Set(['recep-tayyip-erdogan']));
    expect(g.hiddenAfter('2026-03-20')).toBeNull();
    expect(g.hiddenAfter('2025-12-31')!.size).toBe(4);
    expect(g.edgesBy('2026-01-31')).toBe(3);
    expect(g.hiddenEdgesAfter('2026-01-31')).toEqual(new Set([0]));
    expect(g.hiddenEdgesAfter(null)).toBeNull();
    expect(g.edgesBy(null)).toBe(4);
    expect(g.nodesBy('2026-02-01')).toBe(3);
    expect(g.nodesBy('2025-01-01')).toBe(0);
    expect(g.nodesBy(null)).toBe(4);
  });

  it('always shows what has no dated story', () => {
    const undated = new ViewGraph({
      ...data,
      stories: data.stories.map((st) => (st.slug === 's3' ? { ...st, date: '' } : st)),
    });
    expect(undated.firstDate[0]).toBe('');
    expect(undated.dateRange).toEqual({ from: '2026-01-05', to: '2026-02-10' });
    expect(undated.hiddenAfter('2025-12-31')).toEqual(
      new Set(['russia', 'ukraine', 'vladimir-putin']),
    );
    expect(undated.nodesBy('2025-12-31')).toBe(1);
    expect(undated.edgesBy('2025-12-31')).toBe(1);
    expect(undated.hiddenEdgesAfter('2025-12-31')).toEqual(new Set([1, 2, 3]));
  });

  it('finds nodes by any part of their name, accents and case aside, prefixes first', () => {
    expect(g.search('erdogan').map((n) => n.id)).toEqual(['recep-tayyip-erdogan']);
    expect(g.search('U').map((n) => n.id)).toEqual(['ukraine', 'russia', 'vladimir-putin']);
    expect(g.search('putin')[0]!.id).toBe('vladimir-putin');
    expect(g.search('  ')).toEqual([]);
  });

  it('makes a story’s local graph: its entities, their strongest neighbours, the story joined to each', () => {
    const local = g.localGraph('s3');
    expect(local.nodes.map((n) => n.id)).toEqual([
      'recep-tayyip-erdogan',
      'russia',
      'ukraine',
      'vladimir-putin',
      'story:s3',
    ]);
    expect(local.edges).toContainEqual({ source: 'story:s3', target: 'ukraine', weight: 1 });
    expect(local.edges).toContainEqual({ source: 'russia', target: 'ukraine', weight: 2 });
    // One neighbour only: the strongest (Russia, 2 shared stories with Ukraine).
    expect(g.localGraph('s3', 1).nodes.map((n) => n.id)).toEqual([
      'recep-tayyip-erdogan',
      'russia',
      'ukraine',
      'story:s3',
    ]);
    expect(local.entities.map((n) => n.id)).toEqual(['ukraine', 'recep-tayyip-erdogan']);
    expect(g.localGraph('no-such-story')).toEqual({ nodes: [], edges: [], entities: [] });
  });

  it('gives back the model’s graph for the exports', () => {
    const model = g.toDeskGraph();
    expect(model.edges.count).toBe(4);
    expect([...model.edges.weight]).toEqual([1, 2, 1, 1]);
    expect(model.stories).toEqual(['s1', 's2', 's3']);
  });
});

describe('dates and folding', () => {
  it('counts and adds days across months', () => {
    expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30);
    expect(addDays('2026-01-30', 30)).toBe('2026-03-01');
    expect(fold('Erdoğan ZELENSKYY')).toBe('erdogan zelenskyy');
  });

  it('cuts long labels at a word', () => {
    expect(shortLabel('Russia')).toBe('Russia');
    expect(shortLabel('Ukraine-Russia talks inch forward: prisoner swaps yes, a summit')).toBe(
      'Ukraine-Russia talks inch forward…',
    );
    expect(shortLabel('A'.repeat(50))).toBe(`${'A'.repeat(34)}…`);
  });
});
