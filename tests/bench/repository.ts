import { fork } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchQuery } from '../../src/shared/search';
import { StoryFactory, generateDesk } from './desk-generator';

// The repository benchmark (`npm run bench -- --only repository`): a
// generated desk of `--stories` stories (10,000 by default) opened cold (no
// index) and warm, searched, saved to, renamed in and imported into, each
// figure beside a baseline measured in the same run on the same files (raw
// reads, stats and writes, and a substring scan of every story's text), so a
// figure can be judged on a noisy machine. The desk is opened in child
// processes: their peak memory is the desk's, not the generator's.

export interface RepositoryBenchOptions {
  stories: number;
  seed?: number;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const RUN_TS = resolve(HERE, '../../bin/run-ts.mjs');
const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_ENV = 'STORYDESK_BENCH_REPOSITORY_CHILD';
const SEED = 20260605;
const IMPORTS = 500;
const SAVES = 200;
const CHILD_TIMEOUT_MS = 15 * 60_000;

interface ColdTask {
  kind: 'cold';
  root: string;
  stories: number;
  /** [unique word, the story it is in]: search must find each once the index is ready. */
  probes: [string, string][];
}

interface WarmTask {
  kind: 'warm';
  root: string;
  stories: number;
  probes: [string, string][];
  queries: SearchQuery[];
  saves: string[];
  hub: string;
  importDir: string;
}

type Task = ColdTask | WarmTask;
type Figures = Record<string, number>;

// -- parent -------------------------------------------------------------------

export async function benchRepository(options: RepositoryBenchOptions): Promise<Figures> {
  const n = options.stories;
  const seed = options.seed ?? SEED;
  const root = mkdtempSync(join(tmpdir(), 'storydesk-bench-'));
  const log = (message: string) => console.error(`  repository: ${message}`);
  try {
    log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (2-core timings are noisy)`,
    );
    const deskDir = join(root, 'desk');
    let t0 = performance.now();
    const desk = generateDesk(deskDir, n, seed);
    const generateMs = performance.now() - t0;
    log(
      `generated ${n} stories (${(desk.bytes / 1e6).toFixed(1)} MB, ${desk.takes} takes, ${desk.entities} entities) in ${ms(generateMs)} ms`,
    );

    // 500 new stories to import, in the desk's layout, with slugs the desk does not have.
    const factory = new StoryFactory(n, seed);
    const importDir = join(root, 'import');
    mkdirSync(importDir);
    for (let k = 0; k < IMPORTS; k++) {
      const slug = `imported-dispatch-${k}`;
      writeFileSync(join(importDir, `${slug}.md`), factory.story(n + k, slug));
    }

    const storiesDir = join(deskDir, 'stories');
    const baselines = measureBaselines(storiesDir, join(root, 'scratch'));
    const queries = benchQueries(factory);
    baselines.scanSearchP95Ms = scanSearchP95(storiesDir, queries);
    log(`baselines ${JSON.stringify(round(baselines))}`);

    const step = Math.max(1, Math.floor(n / 7));
    const probes: [string, string][] = [0, step, 3 * step, n - 1]
      .filter((i, k, all) => i < n && all.indexOf(i) === k)
      .map((i) => [desk.marker(i), desk.slugs[i]!]);
    const hubs = new Set(desk.hubs);
    const saves: string[] = [];
    const stride = Math.max(1, Math.floor(n / SAVES));
    for (let i = Math.floor(stride / 2); saves.length < SAVES; i = (i + stride) % n) {
      const slug = desk.slugs[i]!;
      if (!hubs.has(slug)) saves.push(slug);
      if (n < SAVES && saves.length >= n - hubs.size) break;
    }

    t0 = performance.now();
    const cold = await runChild({ kind: 'cold', root: deskDir, stories: n, probes });
    log(
      `cold open ${JSON.stringify(round(cold))} (${ms(performance.now() - t0)} ms with start-up)`,
    );
    const warm = await runChild({
      kind: 'warm',
      root: deskDir,
      stories: n,
      probes,
      queries,
      saves,
      hub: desk.hubs[0]!,
      importDir,
    });
    log(`warm ${JSON.stringify(round(warm))}`);

    const { peakRssMb: coldRss = 0, ...coldRest } = cold;
    const { peakRssMb: warmRss = 0, ...warmRest } = warm;
    return round({
      ...coldRest,
      ...warmRest,
      peakRssMb: Math.max(coldRss, warmRss),
      coldPeakRssMb: coldRss,
      warmPeakRssMb: warmRss,
      ...baselines,
      deskGenerateMs: generateMs,
      deskMb: desk.bytes / 1e6,
      deskEntities: desk.entities,
      deskTakes: desk.takes,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function measureBaselines(storiesDir: string, scratch: string): Figures {
  mkdirSync(scratch, { recursive: true });
  // Three rounds each, the median kept: the first pays for what the generator left in caches.
  const statAll: number[] = [];
  const readAll: number[] = [];
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    for (const name of readdirSync(storiesDir)) statSync(join(storiesDir, name));
    statAll.push(performance.now() - t0);
    t0 = performance.now();
    let bytes = 0;
    for (const name of readdirSync(storiesDir))
      bytes += readFileSync(join(storiesDir, name)).length;
    readAll.push(performance.now() - t0);
    if (!bytes) throw new Error('the generated desk is empty');
  }
  const sample = readFileSync(join(storiesDir, readdirSync(storiesDir)[0]!));
  const plain: number[] = [];
  const atomic: number[] = [];
  for (let i = 0; i < 60; i++) {
    const target = join(scratch, `story-${i % 5}.md`);
    let t0 = performance.now();
    writeFileSync(target, sample);
    plain.push(performance.now() - t0);
    const temp = join(scratch, `.story-${i % 5}.md.tmp`);
    t0 = performance.now();
    const fd = openSync(temp, 'w');
    let written = 0;
    while (written < sample.length) written += writeSync(fd, sample, written);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
    atomic.push(performance.now() - t0);
  }
  return {
    rawStatAllMs: percentile(statAll, 50),
    rawReadAllMs: percentile(readAll, 50),
    rawWriteOneMs: percentile(plain, 50),
    rawAtomicWriteOneMs: percentile(atomic, 50),
  };
}

/** The same queries as a case-folded substring scan over every story's text, held in memory. */
function scanSearchP95(storiesDir: string, queries: SearchQuery[]): number {
  const texts = readdirSync(storiesDir).map((name) =>
    readFileSync(join(storiesDir, name), 'utf8').toLowerCase(),
  );
  const times: number[] = [];
  let found = 0;
  for (const query of queries) {
    const needle = (query.text ?? '').trim().toLowerCase();
    const t0 = performance.now();
    let hits = 0;
    for (const text of texts) if (text.includes(needle)) hits++;
    times.push(performance.now() - t0);
    found += hits;
  }
  if (found < 0) throw new Error('unreachable');
  return percentile(times, 95);
}

/**
 * 100 queries, as people type them: common and rare words, two words,
 * prefixes, names, accented and CJK terms, hostile input, and filters.
 */
export function benchQueries(factory: StoryFactory): SearchQuery[] {
  const { words, entities } = factory;
  const at = (from: number, to: number, count: number) =>
    Array.from(
      { length: count },
      (_, k) => words[Math.min(words.length - 1, from + Math.floor(((to - from) * k) / count))]!,
    );
  const common = [
    'the',
    'talks',
    'ceasefire',
    'government',
    'sanctions',
    'energy',
    'election',
    'president',
    'minister',
    'peace',
  ];
  const mid = at(400, 2000, 10);
  const rare = at(5000, words.length, 10);
  const two = [
    'ceasefire talks',
    'energy prices',
    'prisoner exchange',
    'peace summit',
    `${common[3]} ${mid[0]}`,
    `${mid[1]} ${mid[2]}`,
    `${mid[3]} ${rare[0]}`,
    `${rare[1]} ${rare[2]}`,
    `the ${rare[3]}`,
    `${common[1]} ${common[2]}`,
  ];
  const prefixes = [
    'negot',
    'cease',
    'sanc',
    'parl',
    mid[4]!.slice(0, 3),
    mid[5]!.slice(0, 4),
    rare[4]!.slice(0, 5),
    'secu',
  ];
  const popular = entities.slice(0, 5);
  const tail = entities.slice(entities.length - 300, entities.length - 295);
  const names = [
    ...popular.map((e) => e.name),
    ...tail.map((e) => e.name),
    'García',
    'Müller',
    'Smith',
  ].slice(0, 10);
  const accented = [
    'publico',
    'Público',
    'erdogan',
    'Erdoğan',
    'zurich',
    'krakow',
    'sécurité',
    'Москва',
  ];
  const cjk = ['習', '和', '北京', '和平', '東京', '서울', '首脳会談', '안'];
  const hostile = [
    `o'brien`,
    'covid-19',
    '"unbalanced',
    'c++',
    'AND',
    'NEAR(',
    '*',
    '',
    '"the talks"',
    '(-)',
  ];
  const markers = [0, 1, 2, 3].map((k) =>
    factory.marker(Math.floor((factory.n * (2 * k + 1)) / 8)),
  );
  const entity = popular[0]!.slug;
  const filtered: SearchQuery[] = [
    { text: '', filters: { region: 'Ukraine' }, limit: 50 },
    { text: 'talks', filters: { lens: 'Gulf' }, limit: 50 },
    { text: 'ceasefire', filters: { status: 'ready' }, limit: 50 },
    { text: '', filters: { dateFrom: '2025-01-01', dateTo: '2025-01-31' }, limit: 50 },
    { text: mid[6]!, filters: { dateFrom: '2024-01-01' }, limit: 50 },
    { text: 'energy', filters: { language: 'fr', region: 'France' }, limit: 50 },
    { text: '', filters: { entity }, limit: 50 },
    { text: 'the', filters: { entity }, limit: 50 },
    { text: '北京', filters: { region: 'China' }, limit: 50 },
    { text: 'peace', filters: { head: 'Who Decides' }, limit: 50 },
    { text: rare[5]!, filters: { type: 'brief' }, limit: 50 },
    { text: '', filters: { type: 'explainer', status: 'published' }, limit: 50 },
  ];
  const plain = [
    ...common,
    ...mid,
    ...rare,
    ...two,
    ...prefixes,
    ...names,
    ...accented,
    ...cjk,
    ...hostile,
    ...markers,
  ].map((text): SearchQuery => ({ text, filters: {}, limit: 50 }));
  const queries = [...plain, ...filtered];
  if (queries.length !== 100) throw new Error(`expected 100 queries, made ${queries.length}`);
  return queries;
}

function runChild(task: Task): Promise<Figures> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(RUN_TS, [THIS_FILE], {
      env: { ...process.env, [CHILD_ENV]: JSON.stringify(task) },
      // The child's stdout is progress too: stdout is kept for the one JSON object.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let result: Figures | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('message', (message) => (result = message as Figures));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result && code === 0) resolvePromise(result);
      else reject(new Error(`the ${task.kind} bench child failed (${signal ?? `exit ${code}`})`));
    });
  });
}

// -- child --------------------------------------------------------------------

async function child(task: Task): Promise<void> {
  // Loaded before any clock starts: module loading is start-up, not opening.
  const { Desk } = await import('../../src/main/repository/desk');
  const figures = task.kind === 'cold' ? await coldChild(Desk, task) : await warmChild(Desk, task);
  figures.peakRssMb = peakRssMb();
  await new Promise<void>((done, fail) =>
    process.send!(figures, undefined, {}, (error) => (error ? fail(error) : done())),
  );
}

type DeskClass = typeof import('../../src/main/repository/desk').Desk;
type DeskInstance = import('../../src/main/repository/desk').Desk;

function checkProbes(desk: DeskInstance, probes: [string, string][], when: string) {
  for (const [word, slug] of probes) {
    const { hits, total } = desk.search({ text: word, filters: {}, limit: 5 });
    if (total !== 1 || hits[0]?.slug !== slug)
      throw new Error(`${when}: “${word}” should find ${slug} only, found ${total}`);
  }
}

async function coldChild(Desk: DeskClass, task: ColdTask): Promise<Figures> {
  rmSync(join(task.root, '.desk', 'cache'), { recursive: true, force: true });
  const t0 = performance.now();
  const desk = Desk.open(task.root);
  const listed = desk.listStories().length;
  const coldOpenMs = performance.now() - t0;
  if (listed !== task.stories) throw new Error(`cold open listed ${listed} of ${task.stories}`);
  // Full-text search covers the desk once whenIndexed() resolves (at once when the open did it all).
  await desk.whenIndexed();
  const coldIndexMs = performance.now() - t0;
  checkProbes(desk, task.probes, 'after the cold index');
  // What the open left for the background: index upkeep, and the entity files it creates.
  await desk.whenSettled();
  const coldSettledMs = performance.now() - t0;
  desk.close();
  return { coldOpenMs, coldIndexMs, coldSettledMs };
}

async function warmChild(Desk: DeskClass, task: WarmTask): Promise<Figures> {
  const figures: Figures = {};
  const probe = task.probes[task.probes.length - 1]!;
  let t0 = performance.now();
  const desk = Desk.open(task.root);
  const listed = desk.listStories().length;
  await desk.whenIndexed();
  const found = desk.search({ text: probe[0], filters: {}, limit: 5 });
  figures.warmOpenMs = performance.now() - t0;
  if (listed !== task.stories) throw new Error(`warm open listed ${listed} of ${task.stories}`);
  if (found.hits[0]?.slug !== probe[1]) throw new Error('warm open: the index misses a story');
  checkProbes(desk, task.probes, 'after the warm open');
  // The entity files' check after a warm open runs in the background: not part of what is timed next.
  await desk.whenSettled();

  // Search: one pass to prepare statements and warm the caches, as a session would, then one timed.
  for (const query of task.queries) desk.search(query);
  const searches: number[] = [];
  for (const query of task.queries) {
    const t = performance.now();
    desk.search(query);
    searches.push(performance.now() - t);
  }
  figures.searchP50Ms = percentile(searches, 50);
  figures.searchP95Ms = percentile(searches, 95);
  figures.searchMaxMs = Math.max(...searches);

  // Saves: an edit with a new word, timed until saveStory returns (the file is durable then);
  // the index lag runs until a search finds the new word.
  const saves: number[] = [];
  const lags: number[] = [];
  for (let i = 0; i < task.saves.length; i++) {
    const slug = task.saves[i]!;
    const { text, hash } = desk.readStory(slug);
    const word = `sv${i.toString(36)}edit`;
    const next = text.replace(/\nFiled under (\w+)\./, `\nFiled under $1, revised ${word}.`);
    if (next === text) throw new Error(`no place to edit in ${slug}`);
    const t = performance.now();
    const result = desk.saveStory({ slug, text: next, baseHash: hash });
    const saved = performance.now();
    if (!result.ok) throw new Error(`saving ${slug} conflicted`);
    saves.push(saved - t);
    // As the app would: the next search comes in a later turn of the event loop.
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const { hits } = desk.search({ text: word, filters: {}, limit: 5 });
      if (hits.some((h) => h.slug === slug)) break;
      if (performance.now() - t > 10_000) throw new Error(`“${word}” never became searchable`);
      await new Promise((r) => setTimeout(r, 1));
    }
    lags.push(performance.now() - t);
    // Saves come seconds apart in use; a short pause lets deferred work run as it would.
    await new Promise((r) => setTimeout(r, 5));
  }
  figures.saveP50Ms = percentile(saves, 50);
  figures.saveP95Ms = percentile(saves, 95);
  figures.saveMaxMs = Math.max(...saves);
  figures.indexLagP50Ms = percentile(lags, 50);
  figures.indexLagP95Ms = percentile(lags, 95);

  // Rename a story many others link to: every link follows.
  const linking = desk.storiesLinking(task.hub).length;
  t0 = performance.now();
  const { rewritten } = desk.renameStory({ from: task.hub, to: `${task.hub}-moved` });
  figures.renameMs = performance.now() - t0;
  figures.renameBacklinks = rewritten.length;
  if (rewritten.length !== linking || linking < 1)
    throw new Error(`rename rewrote ${rewritten.length} of ${linking} linking stories`);

  // Import new story files, as the import dialog hands them over (already read).
  const files = readdirSync(task.importDir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(task.importDir, name), 'utf8') }));
  t0 = performance.now();
  const results = desk.importStories(files, 'skip');
  const importMs = performance.now() - t0;
  const imported = results.filter((r) => r.status === 'imported').length;
  if (imported !== files.length) throw new Error(`imported ${imported} of ${files.length}`);
  figures.importStoriesPerSec = files.length / (importMs / 1000);
  if (desk.listStories().length !== task.stories + files.length)
    throw new Error('the imported stories are not all listed');
  desk.close();
  return figures;
}

// -- helpers ------------------------------------------------------------------

function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux: maxRSS is in kilobytes too.
  }
  return process.resourceUsage().maxRSS / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

function ms(value: number): number {
  return Math.round(value);
}

function round(figures: Figures): Figures {
  const out: Figures = {};
  for (const [key, value] of Object.entries(figures))
    out[key] = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return out;
}

if (process.env[CHILD_ENV]) {
  const task = JSON.parse(process.env[CHILD_ENV]) as Task;
  child(task).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
