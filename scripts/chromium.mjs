// Finds a Chromium for the browser tests. Usable as a module (findChromium, ensureChromium)
// and as a CLI that prints the path, installing Debian's chromium when it can (root on
// Debian). No browser is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const INSTALL_HINT =
  "No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.";

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function playwrightCache() {
  const dir =
    process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), '.cache/ms-playwright');
  if (!existsSync(dir)) return [];
  const revision = (name) => Number(name.split('-')[1]) || 0;
  return readdirSync(dir)
    .filter((d) => /^chromium-\d+$/.test(d))
    .sort((a, b) => revision(b) - revision(a))
    .flatMap((d) =>
      ['chrome-linux64', 'chrome-linux'].map((sub) => path.join(dir, d, sub, 'chrome')),
    );
}

function onPath(names) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return names.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

/** The first Chromium found, or null. Throws if CHROMIUM_PATH is set but unusable. */
export function findChromium() {
  const forced = process.env.CHROMIUM_PATH;
  if (forced) {
    if (executable(forced)) return forced;
    throw new Error(`CHROMIUM_PATH=${forced} is not an executable file.`);
  }
  const candidates = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    ...playwrightCache(),
    ...onPath(['google-chrome', 'google-chrome-stable', 'chrome', 'chromium', 'chromium-browser']),
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find(executable) ?? null;
}

/** findChromium(), else install Debian's chromium when root on Debian; throws INSTALL_HINT. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const aptGet = onPath(['apt-get']).find(executable);
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version') && aptGet) {
    console.log('No Chromium found: installing Debian chromium with apt-get.');
    spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}

// By file name, not import.meta.url: Playwright's loader compiles this file to CommonJS,
// where import.meta cannot appear.
if (path.basename(process.argv[1] ?? '') === 'chromium.mjs') {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
