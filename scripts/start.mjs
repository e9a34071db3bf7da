// `npm start`: the desktop app where Electron's binary is installed, and the
// browser app (`desk serve`) where it is not, so a fresh checkout always
// starts something. `--repo DIR` opens that desk instead of the sample.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinaryPath } from './electron-binary.mjs';
import { electronSqliteBinding } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

const electron = electronBinaryPath();
if (electron) await startElectron(electron);
else startBrowser();

async function startElectron(binary) {
  const electronVite = path.join(
    path.dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const build = spawnSync(process.execPath, [electronVite, 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  // Electron runs from the project root, so a relative desk path is resolved
  // here, against the folder the user typed it in.
  const forwarded = args.map((arg, i) => {
    if (args[i - 1] === '--repo') return path.resolve(arg);
    if (arg.startsWith('--repo=')) return `--repo=${path.resolve(arg.slice('--repo='.length))}`;
    return arg;
  });
  const env = { ...process.env };
  try {
    env.STORYDESK_SQLITE_BINDING = await electronSqliteBinding();
  } catch (error) {
    console.error(
      `StoryDesk could not build its database module for Electron: ${error.message ?? error}`,
    );
    process.exit(1);
  }
  // Set, it would make the binary a plain Node and the app would not open.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(binary, ['.', ...forwarded], { cwd: root, stdio: 'inherit', env });
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowser() {
  console.log(
    "Electron's binary is not installed here (it could not be downloaded); serving StoryDesk in your browser instead.",
  );
  // `npm start` runs this from the project root; npm keeps the folder the user
  // typed the command in as INIT_CWD, and a relative --repo means that one.
  const cwd = process.env.INIT_CWD || process.cwd();
  const serve = spawn(process.execPath, [path.join(root, 'bin', 'desk.mjs'), 'serve', ...args], {
    cwd,
    stdio: 'inherit',
  });
  // Ctrl-C reaches both processes through the terminal; a signal sent to this
  // one alone (a process manager, a test) is passed on, so the server always
  // closes cleanly. It absorbs the duplicate.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => serve.kill(signal));
  serve.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
