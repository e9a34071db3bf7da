// Whether Electron's binary is installed, found without `require('electron')`:
// that module downloads the binary when it is missing, which fails (and
// stalls) where the download is blocked. It reads the same two things
// electron's own index.js reads: path.txt, written by its install step, and
// the file it names under dist/.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable, or null when it is not installed. */
export function electronBinaryPath() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  let executable = null;
  try {
    executable = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // Absent until electron's install step has downloaded the binary.
  }
  // electron's index.js lets this variable point at a binary installed elsewhere.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, executable || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!executable) return null;
  const binary = path.join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

export function hasElectronBinary() {
  return electronBinaryPath() !== null;
}
