// better-sqlite3 is a native module: `npm install` builds it for Node (CLI,
// `desk serve`, tests). Electron needs it built for Electron's ABI, so a copy
// is rebuilt for each Electron version into node_modules/.cache and the app is
// pointed at it; the Node build is never touched. Runs only where Electron's
// binary exists, never in postinstall (Electron's headers may be unreachable).

import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

/** The path of better-sqlite3's binding built for this project's Electron; builds it once per version. */
export async function electronSqliteBinding() {
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const cache = path.join(
    root,
    'node_modules',
    '.cache',
    'storydesk',
    `electron-${electronVersion}`,
  );
  const binding = path.join(
    cache,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (existsSync(binding)) return binding;
  mkdirSync(path.join(cache, 'node_modules'), { recursive: true });
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, path.join(cache, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}build${path.sep}`),
  });
  writeFileSync(
    path.join(cache, 'package.json'),
    JSON.stringify({ name: 'storydesk-electron-native', private: true }),
  );
  console.error(`Building better-sqlite3 for Electron ${electronVersion} (once per version)…`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: cache,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  if (!existsSync(binding)) throw new Error(`the build left no ${binding}`);
  return binding;
}
