import { statSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { electronTransport } from '../../shared/api';
import { createDeskHandlers } from '../repository/api-handlers';
import { Desk } from '../repository/desk';
import { ensureSampleDesk } from '../repository/sample-desk';
import { parseShellArgs } from './args';
import { rendererCsp } from '../../shared/csp';
import { guardWebContents, hardenSession } from './guards';
import { installMenu } from './menu';
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

const { repo } = parseShellArgs(process.argv);
// The sample desk is copied to the user's data folder on first run, so what
// the user writes there is theirs and survives updates of the app.
const deskDir =
  repo === null
    ? ensureSampleDesk(resourcesDir, path.join(app.getPath('userData'), 'sample-desk'))
    : path.resolve(repo);
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
  let desk: Desk;
  try {
    // npm start builds better-sqlite3 for Electron and says where (scripts/electron-native.mjs).
    desk = Desk.open(deskDir, {
      watch: true,
      sqliteBinding: process.env['STORYDESK_SQLITE_BINDING'],
    });
  } catch (error) {
    dialog.showErrorBox(
      'StoryDesk cannot open this desk',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  app.on('will-quit', () => desk.close());
  serveApiOverIpc(
    createValidatedIpcMain(ipcMain, isOwnPage),
    createDeskHandlers(desk, { name: APP_NAME, version: app.getVersion(), transport: 'electron' }),
  );
  // Every window hears every repository event: a change on disk, an import's progress.
  desk.events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows())
      if (!window.webContents.isDestroyed())
        window.webContents.send(electronTransport.eventChannel, event);
  });
  installMenu(() => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null);
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
