import { cpus } from 'node:os';
import { parseArgs } from 'node:util';

// `npm run bench`: runs the registered benchmarks and prints one JSON object
// on stdout (progress goes to stderr), so CI can keep and compare runs.
//   npm run bench -- [--stories N] [--only NAME]...

export interface BenchOptions {
  /** How many stories benches that build a repository generate. */
  stories: number;
}

export interface Bench {
  name: string;
  /** Figures keyed by metric, e.g. `parseP50Us`; units are in the key. */
  run(options: BenchOptions): Promise<Record<string, number>>;
}

// Loaded lazily, so `--only` skips the set-up (and the dependencies) of the others.
export const BENCHES: Bench[] = [
  { name: 'parse', run: async () => (await import('./parse')).benchParse() },
  { name: 'forms', run: async () => (await import('./forms')).benchForms() },
  { name: 'forms-ui', run: async () => (await import('./forms-ui')).benchFormsUi() },
  {
    name: 'repository',
    run: async ({ stories }) => (await import('./repository')).benchRepository({ stories }),
  },
  { name: 'ui', run: async ({ stories }) => (await import('./ui')).benchUi({ stories }) },
  {
    name: 'graph',
    run: async ({ stories }) => (await import('./graph-view')).benchGraphView({ stories }),
  },
];

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stories: { type: 'string', default: '10000' },
      only: { type: 'string', multiple: true },
    },
  });
  const stories = Number(values.stories);
  if (!Number.isInteger(stories) || stories < 1) {
    console.error(`--stories takes a positive whole number, not “${values.stories}”`);
    return 2;
  }
  const only = values.only ?? [];
  const unknown = only.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length) {
    console.error(
      `unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`,
    );
    return 2;
  }
  // One flat object of figures: every key names its metric and unit, once.
  const results: Record<string, number> = {};
  for (const bench of BENCHES) {
    if (only.length && !only.includes(bench.name)) continue;
    const t0 = performance.now();
    console.error(`bench ${bench.name}…`);
    Object.assign(results, await bench.run({ stories }));
    console.error(`bench ${bench.name}: ${Math.round(performance.now() - t0)} ms`);
  }
  const env = {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus().length,
  };
  process.stdout.write(
    `${JSON.stringify({ ...results, env, options: { stories, only } }, null, 2)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
