import { edgeAt, edgeList, type DeskGraph, type GraphNodeKind } from './model';

// The graph for other tools: JSON (StoryDesk's own shape), GEXF 1.2 (Gephi)
// and GraphML (yEd, Cytoscape, NetworkX). Edges are undirected, written once
// with source < target. In the XML formats an edge's stories are one string,
// the slugs joined by STORY_SEPARATOR (a slug never contains a comma).

export const GRAPH_FORMATS = ['json', 'gexf', 'graphml'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
export const STORY_SEPARATOR = ',';

export interface GraphJson {
  nodes: { id: string; label: string; kind: GraphNodeKind; weight: number }[];
  edges: { source: string; target: string; weight: number; stories: string[] }[];
}

/** Exactly { nodes: [{ id, label, kind, weight }], edges: [{ source, target, weight, stories }] }. */
export function toJson(graph: DeskGraph): GraphJson {
  return {
    nodes: graph.nodes.map(({ id, label, kind, weight }) => ({ id, label, kind, weight })),
    edges: edgeList(graph),
  };
}

export function toGexf(graph: DeskGraph): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    '  <meta>',
    '    <creator>StoryDesk</creator>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="weight" title="weight" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="stories" title="stories" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes)
    out.push(
      `      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues>` +
        `<attvalue for="kind" value="${xml(n.kind)}"/>` +
        `<attvalue for="weight" value="${n.weight}"/>` +
        `</attvalues></node>`,
    );
  out.push('    </nodes>', '    <edges>');
  for (let i = 0; i < graph.edges.count; i++) {
    const e = edgeAt(graph, i);
    out.push(
      `      <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}">` +
        `<attvalues><attvalue for="stories" value="${xml(e.stories.join(STORY_SEPARATOR))}"/></attvalues>` +
        `</edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

export function toGraphML(graph: DeskGraph): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="node" attr.name="weight" attr.type="int"/>',
    '  <key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="stories" for="edge" attr.name="stories" attr.type="string"/>',
    '  <graph id="desk" edgedefault="undirected">',
  ];
  for (const n of graph.nodes)
    out.push(
      `    <node id="${xml(n.id)}">` +
        `<data key="label">${xml(n.label)}</data>` +
        `<data key="kind">${xml(n.kind)}</data>` +
        `<data key="weight">${n.weight}</data>` +
        `</node>`,
    );
  for (let i = 0; i < graph.edges.count; i++) {
    const e = edgeAt(graph, i);
    out.push(
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}">` +
        `<data key="e_weight">${e.weight}</data>` +
        `<data key="stories">${xml(e.stories.join(STORY_SEPARATOR))}</data>` +
        `</edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text safe in an XML attribute or element: markup characters escaped, white
 * space that an attribute would fold written as references, and characters
 * XML 1.0 cannot carry at all (control characters, lone surrogates) dropped.
 */
export function xml(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
}
