import { toScreen, type Camera, type Viewport } from './camera';
import { cssRgba, type Rgba } from './colors';
import type { PlacedLabel } from './labels';
import { MAX_THICKNESS, MIN_THICKNESS, type Scene } from './scene';

// The current view as SVG: what the canvas shows, item for item (the same
// edges, sizes, dimming and labels), in screen coordinates, leaving out
// whatever lies outside the viewport.

export interface SvgView {
  scene: Scene;
  xy: Float32Array;
  hidden(i: number): boolean;
  /** Scene edge k hidden by itself (setHiddenEdges), whatever its nodes. */
  edgeHidden?(k: number): boolean;
  /** The highlighted node, or -1; with one, items not its own are dimmed. */
  focus: number;
  emphasized(i: number): boolean;
  camera: Camera;
  viewport: Viewport;
  sizeZoom: number;
  edgeCount: number;
  nodeColor(i: number): Rgba;
  edgeColor: Rgba;
  focusEdgeColor: Rgba;
  labelColor: Rgba;
  background: Rgba;
  labels: PlacedLabel[];
  font: { family: string; size: number; lineHeight: number };
}

/** The alpha the edge shader gives an edge: thicker (heavier) is more opaque; dimmed under a highlight. */
export function edgeAlpha(thickness: number, sizeZoom: number, dimmed: boolean): number {
  const t = Math.min(1, Math.max(0, (thickness - MIN_THICKNESS) / (MAX_THICKNESS - MIN_THICKNESS)));
  return (dimmed ? 0.12 : 1) * (0.35 + 0.65 * t) * Math.min(thickness * sizeZoom, 1);
}

export function toSvg(view: SvgView): string {
  const { scene, xy, camera, viewport, focus } = view;
  const { width, height } = viewport;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${cssRgba(view.background, 1)}"/>`,
  ];
  const screen = (i: number) => toScreen(camera, viewport, xy[2 * i]!, xy[2 * i + 1]!);

  out.push(`<g stroke-linecap="round">`);
  const edges = Math.min(view.edgeCount, scene.source.length);
  for (let k = 0; k < edges; k++) {
    const s = scene.source[k]!;
    const t = scene.target[k]!;
    if (view.hidden(s) || view.hidden(t) || view.edgeHidden?.(k)) continue;
    const [x1, y1] = screen(s);
    const [x2, y2] = screen(t);
    if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > width) continue;
    if (Math.max(y1, y2) < 0 || Math.min(y1, y2) > height) continue;
    const incident = focus >= 0 && (s === focus || t === focus);
    const color = incident ? view.focusEdgeColor : view.edgeColor;
    const alpha = color[3] * edgeAlpha(scene.thickness[k]!, view.sizeZoom, focus >= 0 && !incident);
    out.push(
      `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="${cssRgba(color, 1)}" stroke-opacity="${r1(alpha * 100) / 100}" stroke-width="${r1(Math.max(scene.thickness[k]! * view.sizeZoom, 0.5))}"/>`,
    );
  }
  out.push(`</g>`, `<g>`);
  for (let i = 0; i < scene.nodes.length; i++) {
    if (view.hidden(i)) continue;
    const [x, y] = screen(i);
    const r = scene.radius[i]! * view.sizeZoom;
    if (x + r < 0 || x - r > width || y + r < 0 || y - r > height) continue;
    const color = view.nodeColor(i);
    const dimmed = focus >= 0 && !view.emphasized(i);
    const fill = dimmed ? mix(color, view.background, 0.75) : color;
    out.push(
      `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r)}" fill="${cssRgba(fill, 1)}"${fill[3] < 1 && !dimmed ? ` fill-opacity="${fill[3]}"` : ''}/>`,
    );
  }
  out.push(`</g>`);
  if (view.labels.length) {
    const { family, size, lineHeight } = view.font;
    out.push(
      `<g font-family="${xml(family)}" font-size="${size}" fill="${cssRgba(view.labelColor, 1)}" dominant-baseline="middle">`,
    );
    for (const label of view.labels) {
      out.push(
        `<text x="${r1(label.x)}" y="${r1(label.y + lineHeight / 2)}">${xml(scene.nodes[label.node]!.label)}</text>`,
      );
    }
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join('\n') + '\n';
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
    1,
  ];
}

export function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
