import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';

// `desk graph` in process, on a copy of the sample desk.

const SAMPLE = resolve(__dirname, '../../../../resources/sample-desk');
let repo = '';

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'desk-graph-')), 'desk');
  cpSync(SAMPLE, repo, { recursive: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

interface Json {
  nodes: { id: string; label: string; kind: string; weight: number }[];
  edges: { source: string; target: string; weight: number; stories: string[] }[];
}
async function json(...argv: string[]): Promise<Json> {
  const r = await run('graph', '--repo', repo, ...argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe('desk graph', () => {
  it('prints the entity graph as JSON with exactly the keys of the format', async () => {
    const g = await json();
    expect(Object.keys(g)).toEqual(['nodes', 'edges']);
    for (const n of g.nodes) expect(Object.keys(n)).toEqual(['id', 'label', 'kind', 'weight']);
    for (const e of g.edges) {
      expect(Object.keys(e)).toEqual(['source', 'target', 'weight', 'stories']);
      expect(e.source < e.target).toBe(true);
      expect(e.weight).toBe(e.stories.length);
    }
    expect(g.nodes.find((n) => n.id === 'russia')).toEqual({
      id: 'russia',
      label: 'Russia',
      kind: 'country',
      weight: 11,
    });
    expect(g.nodes.map((n) => n.id)).not.toContain('moscow');
    expect(g.nodes.map((n) => n.id)).not.toContain('kyiv');
    expect(g.nodes.every((n) => n.kind !== 'story')).toBe(true);
  });

  it('prints the ego graph of an entity, by slug or by alias', async () => {
    const g = await json('--entity', 'naftogaz');
    expect(g.nodes.map((n) => `${n.id} ${n.weight}`)).toEqual([
      'donald-trump 6',
      'european-union 8',
      'naftogaz 1',
      'russia 11',
      'ukraine 11',
      'ukraine-russia-war 5',
      'united-states 10',
      'vladimir-putin 6',
    ]);
    // Every pair of the eight, each in at least the one story that names Naftogaz.
    expect(g.edges).toHaveLength(28);
    expect(g.edges.filter((e) => e.source === 'naftogaz' || e.target === 'naftogaz')).toHaveLength(
      7,
    );
    expect(g.edges.find((e) => e.source === 'naftogaz' && e.target === 'russia')?.stories).toEqual([
      'ukraine-russia-energy-strike-war',
    ]);

    const byAlias = await json('--entity', 'Moscow', '--hops', '0');
    expect(byAlias).toEqual({
      nodes: [{ id: 'russia', label: 'Russia', kind: 'country', weight: 11 }],
      edges: [],
    });
    const twoHops = await json('--entity', 'naftogaz', '--hops', '2');
    expect(twoHops.nodes.length).toBeGreaterThan(g.nodes.length);
  });

  it('prints a story ego graph with story nodes', async () => {
    const g = await json('--story', 'putin-zelensky-talks-rebuff');
    const stories = g.nodes.filter((n) => n.kind === 'story').map((n) => n.id);
    expect(stories).toContain('story:putin-zelensky-talks-rebuff');
    expect(stories).toContain('story:ukraine-russia-geneva-territory-talks');
    expect(g.nodes.map((n) => n.id)).toContain('vladimir-putin');
    const all = await json('--stories');
    expect(all.nodes.filter((n) => n.kind === 'story')).toHaveLength(11);
  });

  it('filters stories', async () => {
    const briefs = await json('--type', 'brief', '--stories');
    expect(briefs.nodes.filter((n) => n.kind === 'story').map((n) => n.id)).toEqual([
      'story:black-sea-grain-corridor-insurance',
      'story:europe-gas-prices-winter-storage',
    ]);
    const june = await json('--from', '2026-06-01', '--to', '2026-06-30');
    expect(june.nodes.find((n) => n.id === 'russia')?.weight).toBe(4);
    const none = await json('--head', 'No Such Head');
    expect(none).toEqual({ nodes: [], edges: [] });
  });

  it('writes GEXF and GraphML', async () => {
    const gexf = await run('graph', '--repo', repo, '--format', 'gexf');
    expect(gexf.code).toBe(0);
    expect(gexf.stdout).toMatch(/^<\?xml[^>]*>\n<gexf /);
    const graphml = await run('graph', '--repo', repo, '--format', 'graphml', '--entity', 'g7');
    expect(graphml.code).toBe(0);
    expect(graphml.stdout).toMatch(/^<\?xml[^>]*>\n<graphml /);
    expect(graphml.stdout).toContain('<node id="g7">');
  });

  it.each([
    [['--entity', 'atlantis'], /^desk graph: there is no entity “atlantis” in this desk/],
    [['--story', 'no-such-story'], /^desk graph: there is no story “no-such-story” in this desk/],
    [
      ['--story', 'putin-zelensky-talks-rebuff', '--type', 'brief'],
      /^desk graph: the story “putin-zelensky-talks-rebuff” does not pass the filters/,
    ],
    [
      ['--entity', 'naftogaz', '--from', '2026-06-01'],
      /^desk graph: no story that passes the filters mentions the entity “naftogaz”/,
    ],
    [['--format', 'dot'], /^desk graph: --format is one of json, gexf, graphml, not “dot”/],
    [['--hops', '2'], /^desk graph: --hops needs --entity SLUG or --story SLUG/],
    [['--entity', 'russia', '--hops', 'two'], /^desk graph: --hops takes a whole number/],
    [['--from', '2026-6-1'], /^desk graph: --from: a date is YYYY-MM-DD/],
    [['--status', 'lost'], /^desk graph: --status: /],
    [['--entity', 'russia', '--story', 'x'], /^desk graph: give --entity or --story, not both/],
  ])('%j is one clear line and exit 2', async (args, message) => {
    const r = await run('graph', '--repo', repo, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('needs --repo', async () => {
    const r = await run('graph');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "desk graph: --repo DIR is required (the desk's folder)\n",
    });
  });
});
