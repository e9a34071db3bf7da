import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = path.resolve(__dirname, '../../..');

/** A fresh, writable copy of resources/sample-desk in its own temporary folder. */
export function copySampleDesk(): string {
  const desk = path.join(mkdtempSync(path.join(tmpdir(), 'desk-e2e-')), 'night-desk');
  cpSync(path.join(ROOT, 'resources', 'sample-desk'), desk, { recursive: true });
  makeWritable(desk);
  return desk;
}

function makeWritable(dir: string) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) makeWritable(p);
    else chmodSync(p, 0o644);
  }
}

export interface DeskServer {
  desk: string;
  /** The page's address, with the desk's token. */
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface DeskServerOptions {
  /** 0 (the default): any free port. */
  port?: number;
  timeoutMs?: number;
}

/** `desk serve` on DESK (any free port unless told); resolves with the address line's URL. */
export async function startDeskServer(
  desk: string,
  options: DeskServerOptions | number = {},
): Promise<DeskServer> {
  const { port = 0, timeoutMs = 180_000 } =
    typeof options === 'number' ? { timeoutMs: options } : options;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/desk.mjs'), 'serve', '--repo', desk, '--port', String(port), '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('desk serve printed nothing')), timeoutMs);
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`desk serve exited with ${code}`));
    });
  });
  const match = /^StoryDesk is serving \S+ at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)$/.exec(
    line,
  );
  if (!match) {
    child.kill('SIGTERM');
    throw new Error(`desk serve printed: ${line}`);
  }
  return {
    desk,
    url: match[1]!,
    port: Number(match[2]),
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Builds out/renderer once per run if stale: one throwaway `desk serve` (which builds
 * first when the bundle is stale), under a lock so two workers never build at once.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = path.join(tmpdir(), 'storydesk-e2e-build.lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 5 minutes was left by a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for the renderer build');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    const server = await startDeskServer(copySampleDesk(), 240_000);
    await server.stop();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
