import { describe, expect, it } from 'vitest';
import { parseSimpleColor, type Rgba } from './colors';
import { buildScene } from './scene';
import { edgeAlpha, toSvg, xml, type SvgView } from './svg';
import type { CanvasNode } from './index';

const nodes: CanvasNode[] = [
  { id: 'a', label: 'Alpha & <Co>', kind: 'org', weight: 5, community: 0 },
  { id: 'b', label: 'Beta', kind: 'person', weight: 2, community: 1 },
  { id: 'c', label: 'Gamma', kind: 'place', weight: 1, community: 1 },
  { id: 'far', label: 'Far away', kind: 'place', weight: 1, community: 1 },
];
const scene = buildScene(nodes, [
  { source: 'a', target: 'b', weight: 3 },
  { source: 'b', target: 'c', weight: 1 },
  { source: 'a', target: 'far', weight: 1 },
]);

function view(overrides: Partial<SvgView> = {}): SvgView {
  return {
    scene,
    xy: new Float32Array([0, 0, 100, 0, 100, 100, 5000, 5000]),
    hidden: () => false,
    focus: -1,
    emphasized: () => false,
    camera: { x: 50, y: 50, scale: 1 },
    viewport: { width: 400, height: 300 },
    sizeZoom: 1,
    edgeCount: 3,
    nodeColor: (i): Rgba => (i === 0 ? [255, 0, 0, 1] : [0, 0, 255, 1]),
    edgeColor: [128, 128, 128, 0.5],
    focusEdgeColor: [255, 0, 0, 0.9],
    labelColor: [17, 17, 17, 1],
    background: [255, 255, 255, 1],
    labels: [{ node: 0, x: 160, y: 93, width: 60 }],
    font: { family: 'system-ui', size: 12, lineHeight: 15 },
    ...overrides,
  };
}

const count = (text: string, tag: string) => text.split(`<${tag} `).length - 1;

describe('toSvg', () => {
  it('draws what is on screen: nodes, edges, labels, background', () => {
    const svg = toSvg(view());
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="400" height="300"/);
    expect(svg).toContain('<rect width="100%" height="100%" fill="rgba(255, 255, 255, 1)"/>');
    // The far node is off screen; its edge leaves the screen but crosses it, so it stays.
    expect(count(svg, 'circle')).toBe(3);
    expect(count(svg, 'line')).toBe(3);
    expect(svg).toContain('<circle cx="150" cy="100" r="14" fill="rgba(255, 0, 0, 1)"/>');
    expect(svg).toContain('>Alpha &#38; &#60;Co&#62;</text>');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('leaves out hidden nodes and their edges', () => {
    const svg = toSvg(view({ hidden: (i) => i === 1 }));
    expect(count(svg, 'circle')).toBe(2);
    expect(svg).not.toContain('cx="200" cy="100"');
    expect(count(svg, 'line')).toBe(1);
  });

  it('leaves out edges hidden by themselves', () => {
    const svg = toSvg(view({ edgeHidden: (k) => k === 0 }));
    expect(count(svg, 'line')).toBe(2);
    expect(count(svg, 'circle')).toBe(3);
  });

  it('draws only the edges the canvas draws', () => {
    expect(count(toSvg(view({ edgeCount: 1 })), 'line')).toBe(1);
  });

  it('dims what is not the highlighted node’s own, and colours its edges', () => {
    const svg = toSvg(view({ focus: 1, emphasized: (i) => i !== 3 }));
    expect(svg).toContain('stroke="rgba(255, 0, 0, 1)"');
    const dimmed = toSvg(view({ focus: 1, emphasized: (i) => i === 1 }));
    // Node 0 (red) dimmed three quarters of the way to white.
    expect(dimmed).toContain('fill="rgba(255, 191, 191, 1)"');
  });

  it('gives heavier edges more opacity, dimmed ones far less', () => {
    expect(edgeAlpha(3, 1, false)).toBeCloseTo(1);
    expect(edgeAlpha(0.6, 1, false)).toBeCloseTo(0.35 * 0.6);
    expect(edgeAlpha(3, 1, true)).toBeCloseTo(0.12);
  });

  it('escapes text for XML', () => {
    expect(xml(`a<b>&"c'`)).toBe('a&#60;b&#62;&#38;&#34;c&#39;');
  });
});

describe('parseSimpleColor', () => {
  it('reads hex and rgb()/rgba()', () => {
    expect(parseSimpleColor('#abc')).toEqual([170, 187, 204, 1]);
    expect(parseSimpleColor('#11223380')).toEqual([17, 34, 51, 128 / 255]);
    expect(parseSimpleColor(' rgb(1, 2, 3) ')).toEqual([1, 2, 3, 1]);
    expect(parseSimpleColor('rgba(10,20,30,0.5)')).toEqual([10, 20, 30, 0.5]);
    expect(parseSimpleColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseSimpleColor('rgb(300, 0, 0)')).toEqual([255, 0, 0, 1]);
    expect(parseSimpleColor('hsl(0 0% 0%)')).toBeNull();
    expect(parseSimpleColor('#12345')).toBeNull();
  });
});
