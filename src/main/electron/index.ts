import { statSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { parseShellArgs } from './args';
import { rendererCsp } from './csp';
import { guardWebContents, hardenSession } from './guards';
import { createShellHandlers } from './handlers';
import { createValidatedIpcMain, serveApiOverIpc } from './ipc';
import { isAppUrl, rendererLocation } from './renderer-location';
import { openMainWindow } from './window';

// The Electron shell: lifecycle and wiring only. What the app does lives
// behind api.ts; this file decides where things are and who may call.

const APP_NAME = 'StoryDesk';

// Every renderer sandboxed, whatever a future window's options forget.
app.enableSandbox();

const location = rendererLocation({
  mainDir: __dirname,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  allowDevServer: !app.isPackaged,
});
const isOwnPage = (url: string) => isAppUrl(location, url);

// Built, main is out/main/index.js and resources/ sits at the project root;
// packaged, resources are copied beside the app.
const resourcesDir = app.isPackaged
  ? process.resourcesPath
  : path.join(__dirname, '..', '..', 'resources');
const sampleDeskDir = path.join(resourcesDir, 'sample-desk');

const { repo } = parseShellArgs(process.argv);
const deskDir = repo === null ? sampleDeskDir : path.resolve(repo);
if (!isDirectory(deskDir)) {
  console.error(`StoryDesk: ${deskDir} is not a folder; pass --repo the folder of a desk.`);
  app.exit(1);
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isOwnPage));

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(() => {
  hardenSession(
    session.defaultSession,
    rendererCsp('header', { dev: location.kind === 'dev-server' }),
  );
  serveApiOverIpc(
    createValidatedIpcMain(ipcMain, isOwnPage),
    createShellHandlers({
      name: APP_NAME,
      version: app.getVersion(),
      transport: 'electron',
      sampleDeskDir,
    }),
  );
  const open = () =>
    openMainWindow({
      location,
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      icon: path.join(resourcesDir, 'icon.png'),
    });
  open();
  // macOS keeps the app alive without windows; the dock icon reopens one.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
});

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
