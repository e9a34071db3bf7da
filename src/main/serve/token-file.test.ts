import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deskServeToken, TOKEN_FILE } from './token-file';

describe('deskServeToken', () => {
  let dir: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'serve-token-'));
    cache = path.join(dir, '.desk', 'cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('makes one on first use, private, in a folder git ignores; the next run gets the same', () => {
    const first = deskServeToken(cache);
    expect(first.problem).toBeNull();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const file = path.join(cache, TOKEN_FILE);
    expect(readFileSync(file, 'utf8')).toBe(first.token + '\n');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(cache, '.gitignore'), 'utf8')).toBe('*\n');
    expect(deskServeToken(cache)).toEqual(first);
  });

  test('a damaged file is replaced', () => {
    const first = deskServeToken(cache);
    writeFileSync(path.join(cache, TOKEN_FILE), 'short\n', { mode: 0o600 });
    const next = deskServeToken(cache);
    expect(next.token).not.toBe(first.token);
    expect(next.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(deskServeToken(cache).token).toBe(next.token);
  });

  test.skipIf(process.platform === 'win32')('a file others could read is not trusted', () => {
    const first = deskServeToken(cache);
    chmodSync(path.join(cache, TOKEN_FILE), 0o644);
    const next = deskServeToken(cache);
    expect(next.token).not.toBe(first.token);
    expect(statSync(path.join(cache, TOKEN_FILE)).mode & 0o777).toBe(0o600);
  });

  test('where it cannot be kept, this run still gets a token, and says why', () => {
    // A file where the cache folder should be: nothing can be made inside it.
    writeFileSync(path.join(dir, 'blocked'), '');
    const result = deskServeToken(path.join(dir, 'blocked', 'cache'));
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(result.problem).toMatch(/could not be kept/);
  });
});
