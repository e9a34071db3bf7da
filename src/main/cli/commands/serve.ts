import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Desk, DeskError } from '../../repository/desk';
import { ensureSampleDesk } from '../../repository/sample-desk';
import { userDataDir } from '../../repository/user-data';
import { startServer } from '../../serve';
import { openInBrowser } from '../../serve/open-browser';
import { deskServeToken } from '../../serve/token-file';
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo } from '../io';
import { reportProblems } from '../open-desk';

export const serveUsage =
  'desk serve [--repo DIR] [--port N] [--no-open]   the app in your browser, on 127.0.0.1';

/** The project's root: this file is src/main/cli/commands/serve.ts. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface ServeCommandOptions {
  /** Resolves when the server should stop; a signal (SIGINT, SIGTERM, SIGHUP) when absent. */
  readonly stop?: Promise<unknown>;
}

/**
 * `desk serve`: opens a desk (the user's copy of the sample desk unless
 * --repo names one), serves it and the built renderer on 127.0.0.1, prints
 * one line with the address (and the desk's token, kept in .desk/cache so a
 * restart on the same --port keeps open pages working) on stdout, and runs until
 * SIGINT, SIGTERM or SIGHUP. Everything else it has to say goes to stderr, so that
 * one line is all a script needs to read.
 *
 * `--renderer DIR` serves another build of the renderer than out/renderer
 * (tests use a tiny page); without it, out/renderer is built first when it
 * is missing or older than its sources.
 */
export async function serve(
  args: string[],
  io: CliIo,
  options: ServeCommandOptions = {},
): Promise<number> {
  const { values, positionals } = parseCommandArgs('serve', args, {
    repo: { type: 'string' },
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
    renderer: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`usage: ${serveUsage}`);
  const port = parsePort(values.port);

  let rendererDir: string;
  if (values.renderer !== undefined) {
    rendererDir = path.resolve(io.cwd, values.renderer);
    if (!existsSync(path.join(rendererDir, 'index.html')))
      throw new UsageError(`desk serve: ${rendererDir} has no index.html to serve`);
  } else {
    rendererDir = path.join(ROOT, 'out', 'renderer');
    if (rendererNeedsBuild(rendererDir)) await buildRenderer(io);
  }

  // From here on a signal stops the server cleanly, even one that comes before it listens.
  const signals = options.stop ? null : listenForSignals();
  try {
    return await serveDesk(values, port, rendererDir, io, options.stop ?? signals!.stopped);
  } finally {
    signals?.release();
  }
}

async function serveDesk(
  values: { repo?: string; 'no-open'?: boolean },
  port: number,
  rendererDir: string,
  io: CliIo,
  stop: Promise<unknown>,
): Promise<number> {
  const deskDir =
    values.repo !== undefined
      ? path.resolve(io.cwd, values.repo)
      : ensureSampleDesk(path.join(ROOT, 'resources'), path.join(userDataDir(), 'sample-desk'));
  let desk: Desk;
  try {
    desk = Desk.open(deskDir, { watch: true });
  } catch (e) {
    if (e instanceof DeskError) throw new UsageError(`desk serve: ${e.message}`);
    throw e;
  }

  try {
    reportProblems(desk, io);
    // The desk's own token: a restart on the same --port is the same address to an open page.
    const { token, problem } = deskServeToken(desk.layout.cache);
    if (problem) io.stderr(`desk serve: ${problem}\n`);
    let server;
    try {
      server = await startServer({ desk, port, rendererDir, app: appIdentity(), token });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UsageError(
          `desk serve: port ${port} is in use; choose another with --port N, or --port 0 for any free port`,
        );
      if (code === 'EACCES')
        throw new UsageError(`desk serve: this user may not listen on port ${port}`);
      throw e;
    }
    // One line, whatever the desk's name holds.
    const name = desk.settings.name.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
    io.stdout(`StoryDesk is serving ${name} at ${server.pageUrl}\n`);
    if (!values['no-open']) openInBrowser(server.pageUrl);
    await stop;
    await server.close();
    return 0;
  } finally {
    desk.close();
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`desk serve: --port must be a number from 0 to 65535 (0: any free port)`);
  return port;
}

function appIdentity(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return { name: 'StoryDesk', version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
  } catch {
    return { name: 'StoryDesk', version: '0.0.0' };
  }
}

// SIGHUP: the terminal closed. (Windows knows only SIGINT of these, from Ctrl-C.)
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * SIGINT, SIGTERM or SIGHUP stops the server. Until `release`, later signals are
 * absorbed: Ctrl-C in `npm start` reaches this process twice (from the
 * terminal and forwarded by scripts/start.mjs), and the second must not cut
 * the clean close short.
 */
function listenForSignals(): { stopped: Promise<NodeJS.Signals>; release(): void } {
  let stop!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((resolve) => (stop = resolve));
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    stopped,
    release() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}

/** What the renderer bundle is built from: a change to any of it makes the bundle stale. */
const RENDERER_SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts'];
/** Tests and their generators sit beside the sources but are not in the bundle. */
const NOT_BUNDLED = /\.(test|spec|arbitrary)\.[cm]?[jt]sx?$/;

/** No build yet, or one older than its sources (a checkout that moved on since `npm start`). */
function rendererNeedsBuild(rendererDir: string): boolean {
  let built: number;
  try {
    built = statSync(path.join(rendererDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  const newest = (p: string): number => {
    try {
      const info = statSync(p);
      if (!info.isDirectory()) return info.mtimeMs;
      const names = readdirSync(p).filter((name) => !NOT_BUNDLED.test(name));
      return Math.max(0, ...names.map((name) => newest(path.join(p, name))));
    } catch {
      return 0;
    }
  };
  return RENDERER_SOURCES.some((source) => newest(path.join(ROOT, source)) > built);
}

/** `electron-vite build`, with all its output on stderr: stdout is the address line's alone. */
async function buildRenderer(io: CliIo): Promise<void> {
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(cli))
    throw new UsageError(
      'desk serve: the renderer is not built and electron-vite is not installed; run npm install',
    );
  io.stderr('desk serve: building the renderer first (electron-vite build)…\n');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    child.once('error', (e) => {
      io.stderr(`${e.message}\n`);
      resolve(2);
    });
    child.once('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  if (code !== 0 || !existsSync(path.join(ROOT, 'out', 'renderer', 'index.html')))
    throw new UsageError(`desk serve: building the renderer failed (electron-vite exited ${code})`);
}
