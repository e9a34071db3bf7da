import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseStory } from '../../shared/story';
import {
  REFERENCE_SLUG,
  REPO,
  SAMPLE_DESK,
  openDesk,
  seededRandom,
  tempDir,
} from '../../../tests/support/temp-desk';

// The crash test: a writer process saving large stories is SIGKILLed at random
// moments, again and again; after every kill each story must be exactly its old
// or its new text, never missing, truncated or mixed. Rerun a failure with the
// seed it prints: CRASH_SEED=123 npx vitest run src/main/repository/crash.test.ts

const WRITER = join(REPO, 'tests/support/crash-writer.mjs');
const NAMES = ['crash-one', 'crash-two', 'crash-three'];
const MIN_SAVES = 200;
const MIN_BYTES = 200 * 1024;
const BUDGET_MS = 55_000;

/** The reference story with `n` more takes: a large story that parses without errors. */
function largeStory(slug: string, variant: string, n: number): string {
  const reference = readFileSync(join(SAMPLE_DESK, 'stories', `${REFERENCE_SLUG}.md`), 'utf8');
  const summary =
    'Reads the strike campaign as leverage before any talks, with the front barely moving and both capitals under pressure';
  const takes = Array.from(
    { length: n },
    (_, k) =>
      `- **Outlet ${variant} ${slug} ${k}** (Global, en) — ${summary} (${variant}${k}).\n` +
      `  Source: https://example.org/${slug}/${variant}/${k}\n`,
  ).join('');
  return reference
    .replace('### unlabelled\n', `### unlabelled\n${takes}`)
    .replace('· 13 takes ·', `· ${13 + n} takes ·`)
    .replace(`/ja/n/${REFERENCE_SLUG}`, `/ja/n/${slug}`);
}

interface Run {
  saves: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

interface Writer {
  /** Resolves once the writer has loaded and waits for `go`. */
  ready: Promise<void>;
  /** Let it write; kill it `delay` ms after its `skip`-th save. */
  go(skip: number, delay: number): Promise<Run>;
  kill(): Promise<Run>;
}

/** A writer process, loaded but not yet writing: the next one loads while the current one runs. */
function startWriter(textsDir: string, storiesDir: string): Writer {
  const child = spawn(process.execPath, [WRITER, textsDir, storiesDir, ...NAMES], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let saves = 0;
  let stderr = '';
  let buffered = '';
  let onReady: () => void = () => {};
  let onSave: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line === 'saved') saves++;
    }
    onSave();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A writer that never gets going is killed too, and the test then fails on its output.
  const stuck = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const closed = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(stuck);
      onReady(); // Never leave a waiter hanging on a writer that died early.
      resolve({ saves, signal, code, stderr });
    });
  });
  const kill = () => {
    child.kill('SIGKILL');
    return closed;
  };
  return {
    ready,
    kill,
    go(skip, delay) {
      let armed = false;
      const arm = () => {
        if (armed || saves < skip) return;
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      };
      onSave = arm;
      child.stdin.write('go\n');
      arm();
      return closed;
    },
  };
}

test(
  'a writer killed at random moments leaves every story exactly old or new',
  { timeout: 90_000 },
  async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`crash test seed: ${seed} (rerun with CRASH_SEED=${seed})`);
    const random = seededRandom(seed);

    const root = tempDir('storydesk-crash-');
    const textsDir = join(root, 'texts');
    const storiesDir = join(root, 'desk', 'stories');
    mkdirSync(textsDir);
    mkdirSync(storiesDir, { recursive: true });
    const texts = new Map<string, [string, string]>();
    for (const name of NAMES) {
      const a = largeStory(name, 'a', 1000);
      const b = largeStory(name, 'b', 1150);
      for (const text of [a, b]) {
        expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(MIN_BYTES);
        expect(parseStory(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
      texts.set(name, [a, b]);
      writeFileSync(join(textsDir, `${name}.a.md`), a);
      writeFileSync(join(textsDir, `${name}.b.md`), b);
      writeFileSync(join(storiesDir, `${name}.md`), a);
    }
    const takes = new Map(
      [...texts].map(([n, [a, b]]) => [n, [a, b].map((t) => parseStory(t).facts.takes.length)]),
    );

    const started = Date.now();
    let saves = 0;
    let kills = 0;
    const states = new Set<string>();
    let next = startWriter(textsDir, storiesDir);
    try {
      while (saves < MIN_SAVES) {
        expect(
          Date.now() - started,
          `only ${saves} saves in ${BUDGET_MS} ms (seed ${seed})`,
        ).toBeLessThan(BUDGET_MS);
        const writer = next;
        await writer.ready;
        next = startWriter(textsDir, storiesDir);
        const skip = Math.floor(random() * 16);
        const delay = 1 + Math.floor(random() * 30);
        const run = await writer.go(skip, delay);
        // It died of our SIGKILL, not of an error of its own.
        expect(run.stderr, `writer stderr (seed ${seed})`).toBe('');
        expect(run.signal, `writer exit code ${run.code} (seed ${seed})`).toBe('SIGKILL');
        saves += run.saves;
        kills++;

        for (const name of NAMES) {
          const [a, b] = texts.get(name)!;
          let text: string;
          try {
            text = readFileSync(join(storiesDir, `${name}.md`), 'utf8');
          } catch (e) {
            throw new Error(
              `after kill ${kills}, ${name}.md is missing (seed ${seed}): ${String(e)}`,
            );
          }
          const which = text === a ? 'a' : text === b ? 'b' : null;
          expect(
            which,
            `after kill ${kills} (${saves} saves), ${name}.md is neither text: ${text.length} chars (seed ${seed})`,
          ).not.toBeNull();
          const parsed = parseStory(text);
          expect(parsed.facts.takes.length).toBe(takes.get(name)![which === 'a' ? 0 : 1]);
          states.add(`${name}:${which}`);
        }
      }
    } finally {
      await next.kill();
    }
    const litter = readdirSync(storiesDir).filter((f) => !NAMES.includes(f.replace(/\.md$/, '')));
    console.log(
      `crash test: ${saves} saves, ${kills} kills (${litter.length} mid-save), ${Date.now() - started} ms`,
    );
    expect(saves).toBeGreaterThanOrEqual(MIN_SAVES);
    // Both texts of every file were seen on disk after some kill.
    expect(states.size).toBe(NAMES.length * 2);

    // What the kills leave beside the stories is only the writers' temporary files,
    // and the desk sees exactly the three stories, all whole.
    for (const f of litter) expect(f).toMatch(/^\.crash-[a-z]+\.md\.\d+\.[0-9a-f]+\.tmp$/);
    expect(litter.length).toBeLessThanOrEqual(kills);
    const desk = openDesk(join(root, 'desk'), { create: true });
    const stories = desk.listStories();
    expect(stories.map((s) => s.slug).sort()).toEqual([...NAMES].sort());
    for (const s of stories) expect(s.errors, s.slug).toBe(0);
  },
);
