// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sortedOrder } from './build';
import { buildGraph, toGexf, toGraphML, type GraphStory } from '.';
import { xml } from './export';

// GEXF and GraphML, read back with the DOM's XML parser: well-formed, one
// element per node and edge, and every attribute value as it was.

const NASTY = `Tom & Jerry <"quoted"> 'apostrophe'`;

function story(slug: string, fields: Partial<GraphStory>): GraphStory {
  return {
    slug,
    title: slug,
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

const graph = buildGraph(
  [
    story('a-story', { title: NASTY, entities: ['at-t', 'russia', 'ukraine'], links: ['b-story'] }),
    story('b-story', { title: 'Line one\nline\ttwo \u0007bell', entities: ['russia', 'ukraine'] }),
  ],
  [
    { slug: 'at-t', name: 'AT&T <Inc> "the" phone company', aliases: [], kind: 'organisation' },
    { slug: 'russia', name: 'Russia', aliases: ['Moscow'], kind: 'country' },
  ],
  { storyNodes: true },
);

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('toGexf', () => {
  const text = toGexf(graph);
  const doc = parse(text);

  it('writes one node and one edge element per node and edge', () => {
    expect(doc.documentElement.tagName).toBe('gexf');
    expect(text.match(/<node /g)).toHaveLength(graph.nodes.length);
    expect(text.match(/<edge /g)).toHaveLength(graph.edges.count);
    expect(doc.getElementsByTagName('node')).toHaveLength(graph.nodes.length);
    expect(doc.getElementsByTagName('edge')).toHaveLength(graph.edges.count);
  });

  it('keeps labels, kinds, weights and stories, escaped', () => {
    const nodes = [...doc.getElementsByTagName('node')];
    const label = (id: string) =>
      nodes.find((n) => n.getAttribute('id') === id)?.getAttribute('label');
    expect(label('story:a-story')).toBe(NASTY);
    expect(label('at-t')).toBe('AT&T <Inc> "the" phone company');
    expect(label('story:b-story')).toBe('Line one\nline\ttwo bell');
    expect(text).not.toContain('\u0007');
    const russia = nodes.find((n) => n.getAttribute('id') === 'russia')!;
    const values = [...russia.getElementsByTagName('attvalue')].map(
      (v) => `${v.getAttribute('for')}=${v.getAttribute('value')}`,
    );
    expect(values).toEqual(['kind=country', 'weight=2']);
    const edge = [...doc.getElementsByTagName('edge')].find(
      (e) => e.getAttribute('source') === 'russia' && e.getAttribute('target') === 'ukraine',
    )!;
    expect(edge.getAttribute('weight')).toBe('2');
    expect(edge.getElementsByTagName('attvalue')[0]!.getAttribute('value')).toBe('a-story,b-story');
  });
});

describe('toGraphML', () => {
  const text = toGraphML(graph);
  const doc = parse(text);

  it('writes one node and one edge element per node and edge, undirected', () => {
    expect(doc.documentElement.tagName).toBe('graphml');
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('edgedefault')).toBe('undirected');
    expect(text.match(/<node /g)).toHaveLength(graph.nodes.length);
    expect(text.match(/<edge /g)).toHaveLength(graph.edges.count);
    expect(doc.getElementsByTagName('node')).toHaveLength(graph.nodes.length);
    expect(doc.getElementsByTagName('edge')).toHaveLength(graph.edges.count);
  });

  it('declares its keys and keeps every value, escaped', () => {
    const keys = [...doc.getElementsByTagName('key')].map(
      (k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`,
    );
    expect(keys).toEqual(['node:label', 'node:kind', 'node:weight', 'edge:weight', 'edge:stories']);
    const data = (el: Element) =>
      Object.fromEntries(
        [...el.getElementsByTagName('data')].map((d) => [d.getAttribute('key'), d.textContent]),
      );
    const node = (id: string) =>
      data([...doc.getElementsByTagName('node')].find((n) => n.getAttribute('id') === id)!);
    expect(node('story:a-story')).toEqual({ label: NASTY, kind: 'story', weight: '1' });
    expect(node('at-t')).toEqual({
      label: 'AT&T <Inc> "the" phone company',
      kind: 'organisation',
      weight: '1',
    });
    const edges = [...doc.getElementsByTagName('edge')].map((e) => ({
      source: e.getAttribute('source'),
      target: e.getAttribute('target'),
      ...data(e),
    }));
    expect(edges).toContainEqual({
      source: 'story:a-story',
      target: 'story:b-story',
      e_weight: '1',
      stories: 'a-story,b-story',
    });
    expect(edges).toContainEqual({
      source: 'russia',
      target: 'ukraine',
      e_weight: '2',
      stories: 'a-story,b-story',
    });
  });
});

describe('xml', () => {
  it('escapes markup and drops what XML cannot carry', () => {
    expect(xml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
    expect(xml('a\u0000b\u001fc\ud800d\u{1f600}')).toBe('abcd\u{1f600}');
  });
});

describe('sortedOrder', () => {
  it('sorts by key, ties by index, whether or not keys pack into a float', () => {
    const keys = Float64Array.from([5, 1, 5, 0, 1, 9]);
    expect([...sortedOrder(keys, 10)]).toEqual([3, 1, 4, 0, 2, 5]);
    expect([...sortedOrder(keys, Number.MAX_SAFE_INTEGER)]).toEqual([3, 1, 4, 0, 2, 5]);
    const big = Float64Array.from([2 ** 50 + 3, 2 ** 50 + 1, 2 ** 50 + 3]);
    expect([...sortedOrder(big, 2 ** 51)]).toEqual([1, 0, 2]);
  });
});
