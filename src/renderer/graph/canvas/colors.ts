// CSS colours to the RGBA the GPU wants. Hex and rgb()/rgba() are parsed
// here; anything else (named colours, hsl(), color-mix()) is resolved once by
// painting a pixel on a 2D canvas, then remembered.

export type Rgba = [number, number, number, number];

const cache = new Map<string, Rgba>();

/** Channels 0..255, alpha 0..1; null when `text` is neither hex nor rgb()/rgba(). */
export function parseSimpleColor(text: string): Rgba | null {
  const s = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{3,8})$/.exec(s);
  if (m) {
    let h = m[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) return null;
    const v = (k: number) => parseInt(h.slice(k, k + 2), 16);
    return [v(0), v(2), v(4), h.length === 8 ? v(6) / 255 : 1];
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(s);
  if (m) {
    const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
    const clamp = (x: number, hi: number) => Math.min(hi, Math.max(0, x));
    return [
      clamp(Math.round(Number(m[1])), 255),
      clamp(Math.round(Number(m[2])), 255),
      clamp(Math.round(Number(m[3])), 255),
      clamp(alpha, 1),
    ];
  }
  return null;
}

let probe: CanvasRenderingContext2D | null = null;

export function parseColor(text: string): Rgba {
  const known = cache.get(text);
  if (known) return known;
  let rgba = parseSimpleColor(text);
  if (!rgba) {
    if (!probe) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      probe = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (probe) {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = text;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      rgba = [r!, g!, b!, a! / 255];
    } else rgba = [0, 0, 0, 1];
  }
  cache.set(text, rgba);
  return rgba;
}

/** For WebGL uniforms: every channel 0..1. */
export function unit(rgba: Rgba): [number, number, number, number] {
  return [rgba[0] / 255, rgba[1] / 255, rgba[2] / 255, rgba[3]];
}

export function cssRgba(rgba: Rgba, alpha = rgba[3]): string {
  return `rgba(${rgba[0]}, ${rgba[1]}, ${rgba[2]}, ${Math.round(alpha * 1000) / 1000})`;
}
