import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { newToken } from './security';

// `desk serve`'s token, kept per desk so that a server stopped and started
// again on the same desk and port is the same address to a page left open:
// the page reconnects and sends what was typed meanwhile. It lives in the
// desk's .desk/cache/ (derived, never committed: the folder gets its own
// .gitignore of `*`), readable by its owner alone. Deleting it gives the
// next run a new token, which refuses every page opened with the old one.

export const TOKEN_FILE = 'serve-token';
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export interface DeskToken {
  readonly token: string;
  /** Why the token is this run's only (the file could not be kept), for stderr; null when kept. */
  readonly problem: string | null;
}

/** The token in `cacheDir`, made on first use; a fresh one for this run only if it cannot be kept. */
export function deskServeToken(cacheDir: string): DeskToken {
  const file = path.join(cacheDir, TOKEN_FILE);
  const kept = readKept(file);
  if (kept) return { token: kept, problem: null };
  const token = newToken();
  try {
    mkdirSync(cacheDir, { recursive: true });
    const ignore = path.join(cacheDir, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
    writePrivate(file, token + '\n');
    return { token, problem: null };
  } catch (e) {
    return {
      token,
      problem: `the token could not be kept in ${file} (${(e as Error).message}); a page left open will not reconnect after a restart`,
    };
  }
}

/** The file's token when it is well formed and private (nobody else could have read it). */
function readKept(file: string): string | null {
  try {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) return null;
    const token = readFileSync(file, 'utf8').trim();
    return TOKEN.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** Written whole with mode 0600 from the start, then renamed over the old file. */
function writePrivate(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Never made it: nothing to clean.
    }
    throw e;
  }
}
