import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Benchmark inputs, built from the reference story so they stay in the layout
// as it evolves. Deterministic: the same arguments give the same text.

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_PATH = resolve(
  REPO,
  '../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md',
);

let reference: string | undefined;
export function referenceStory(): string {
  return (reference ??= readFileSync(REFERENCE_PATH, 'utf8'));
}

const TAKES_HEADING = '## Regional takes (batched by bias / lens)';
const GRAPH_HEADING = '## Across the graph';
const TAKE_HEAD = /^- \*\*(.+?)\*\* \((.*), ([^,)]+)\) — (.*)$/;
const COUNTS = /\d+ takes? · \d+ lens(?:es)? · \d+ regions?/;

const label = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The reference story with its takes section replaced by `takes` takes in
 * `lenses` lens groups, cycling through the reference's takes with numbered
 * outlets and regions (so the Meta line's counts are realistic) and the Meta
 * line recounted. The result parses without diagnostics.
 */
export function makeLargeStory(takes = 300, lenses = 12): string {
  const ref = referenceStory();
  const start = ref.indexOf(`\n${TAKES_HEADING}\n`);
  const end = ref.indexOf(`\n${GRAPH_HEADING}\n`);
  const lines = ref.slice(start + 1, end).split('\n');
  const blocks: string[][] = [];
  const lensNames: string[] = [];
  for (const line of lines) {
    if (line.startsWith('### ')) lensNames.push(line.slice(4));
    else if (line.startsWith('- **')) blocks.push([line]);
    else if (line.startsWith('  ')) blocks.at(-1)!.push(line);
  }
  const regions = new Set<string>();
  const groups: string[] = [];
  let i = 0;
  for (let g = 0; g < lenses; g++) {
    const round = Math.floor(g / lensNames.length);
    const out = [`### ${lensNames[g % lensNames.length]}${round ? ` ${round + 1}` : ''}`];
    const size = Math.floor(takes / lenses) + (g < takes % lenses ? 1 : 0);
    for (let k = 0; k < size; k++, i++) {
      const [head, ...rest] = blocks[i % blocks.length]!;
      const [, outlet, region, language, summary] = TAKE_HEAD.exec(head!)!;
      const cycle = Math.floor(i / blocks.length);
      const place = i % 3 === 0 ? region! : `${region} ${(i % 4) + 1}`;
      regions.add(place);
      out.push(
        `- **${outlet}${cycle ? ` ${cycle + 1}` : ''}** (${place}, ${language}) — ${summary}`,
        ...rest,
      );
    }
    groups.push(out.join('\n'));
  }
  const counts = [
    label(takes, 'take', 'takes'),
    label(lenses, 'lens', 'lenses'),
    label(regions.size, 'region', 'regions'),
  ].join(' · ');
  const head = ref.slice(0, start + 1).replace(COUNTS, counts);
  return `${head}${TAKES_HEADING}\n\n${groups.join('\n\n')}\n\n${ref.slice(end + 1)}`;
}
