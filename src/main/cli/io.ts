import { readFileSync, statSync } from 'node:fs';

// What the CLI reads and where it writes, passed in so tests run commands in
// process and see exactly what a terminal would.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
};

/** A failure that ends the command with one clear line and exit code 2. */
export class UsageError extends Error {}

/** Read a story file as UTF-8 text, turning every way it can fail into one clear line. */
export function readStoryFile(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    if (code === 'EACCES') throw new UsageError(`${path}: permission denied`);
    throw new UsageError(`${path}: cannot be read (${code ?? (e as Error).message})`);
  }
  if (stat.isDirectory()) throw new UsageError(`${path}: is a directory, not a story file`);
  if (!stat.isFile()) throw new UsageError(`${path}: is not a regular file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(
      `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  if (bytes.subarray(0, 8000).includes(0))
    throw new UsageError(`${path}: is a binary file, not a story`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new UsageError(`${path}: is not UTF-8 text`);
  }
}
