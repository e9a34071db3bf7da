// `npm start`: the desktop app where Electron's binary is installed, and the
// browser app (`desk serve`) where it is not, so a fresh checkout always
// starts something. `--repo DIR` opens that desk instead of the sample.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinaryPath } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

const electron = electronBinaryPath();
if (electron) startElectron(electron);
else startBrowser();

function startElectron(binary) {
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
  // Set, it would make the binary a plain Node and the app would not open.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(binary, ['.', ...forwarded], { cwd: root, stdio: 'inherit', env });
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowser() {
  console.log(
    "Electron's binary is not installed here (it could not be downloaded); serving StoryDesk in your browser instead.",
  );
  // Until `desk serve` exists, that line is all there is to say.
  if (!existsSync(path.join(root, 'src', 'main', 'serve', 'index.ts'))) return;
  const serve = spawn(process.execPath, [path.join(root, 'bin', 'desk.mjs'), 'serve', ...args], {
    stdio: 'inherit',
  });
  serve.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
