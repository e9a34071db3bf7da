// Temporary desks for repository tests: each test gets its own copy of the
// sample desk (or an empty folder) in a fresh mkdtemp folder, removed when the
// test ends, after every Desk opened through `openDesk` has been closed.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { DeskEvent } from '../../src/shared/api-events';
import { Desk, type OpenOptions } from '../../src/main/repository/desk';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_DESK = join(REPO, 'resources/sample-desk');
export const REFERENCE_SLUG = 'ukraine-russia-geneva-territory-talks';

// Cleanups of the running test, run last-registered first: desks close before their folders go.
let cleanups: (() => void)[] | null = null;

/** Run `fn` when the current test finishes (pass or fail). */
export function defer(fn: () => void): void {
  if (!cleanups) {
    const list: (() => void)[] = (cleanups = []);
    onTestFinished(() => {
      cleanups = null;
      for (const f of list.reverse()) {
        try {
          f();
        } catch {
          // Cleanup is best effort: a failure here must not hide the test's own result.
        }
      }
    });
  }
  cleanups.push(fn);
}

/** A fresh empty folder, removed after the test. */
export function tempDir(prefix = 'storydesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of resources/sample-desk in a fresh folder (every file writable), removed after the test. */
export function tempDesk(): string {
  const dir = tempDir('storydesk-desk-');
  cpSync(SAMPLE_DESK, dir, { recursive: true });
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) chmodSync(join(entry.parentPath, entry.name), 0o644);
  return dir;
}

/** Desk.open, closed again when the test ends. */
export function openDesk(dir: string, options: OpenOptions = {}): Desk {
  const desk = Desk.open(dir, options);
  defer(() => desk.close());
  return desk;
}

/** Every event the desk emits from now on, in order. */
export function recordEvents(desk: Desk): DeskEvent[] {
  const events: DeskEvent[] = [];
  const stop = desk.events.subscribe((e) => events.push(e));
  defer(stop);
  return events;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function storyFile(dir: string, slug: string): string {
  return join(dir, 'stories', `${slug}.md`);
}

export function readStoryFile(dir: string, slug: string): string {
  return readFileSync(storyFile(dir, slug), 'utf8');
}

function filesUnder(dir: string, withCache: boolean): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    // The index is derived and rebuildable: "nothing changed" is about the files that are the truth.
    if (!withCache && path.startsWith('.desk/cache/')) continue;
    paths.push(path);
  }
  return paths.sort();
}

/** Every file under `dir` (relative path -> sha256), for "nothing else changed" checks. */
export function snapshot(dir: string, options: { withCache?: boolean } = {}): Map<string, string> {
  return new Map(
    filesUnder(dir, options.withCache ?? false).map((p) => [p, sha256(readFileSync(join(dir, p)))]),
  );
}

/** Every file under `dir` (relative path -> its text), without the index cache. */
export function readTexts(dir: string): Map<string, string> {
  return new Map(filesUnder(dir, false).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
}

/** Resolves once `predicate` holds, polling; rejects with `what` after `ms`. */
export async function waitFor(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
