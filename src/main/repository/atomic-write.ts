import {
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

// A crash at any instant leaves the file either as it was or as it is being
// saved: the bytes go to a temporary file in the same folder (same file
// system, so the rename is atomic), are flushed to the disk, and only then
// take the file's name. The folder is flushed too, so the rename survives a
// power cut.

export function atomicWriteFileSync(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd = -1;
  try {
    // The saved file keeps the permissions it had: a private story stays private.
    fd = openSync(temp, 'wx', existingMode(path) ?? 0o644);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(temp, path);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already gone or never made: nothing to clean.
    }
    throw e;
  }
  syncDirectory(dir);
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

function syncDirectory(dir: string): void {
  let fd = -1;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename stands.
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
