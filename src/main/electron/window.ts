import { BrowserWindow, nativeTheme } from 'electron';
import type { RendererLocation } from './renderer-location';

export interface MainWindowOptions {
  readonly location: RendererLocation;
  readonly preload: string;
  readonly icon: string;
}

export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'StoryDesk',
    width: 1200,
    height: 860,
    minWidth: 480,
    minHeight: 360,
    icon: options.icon,
    // Shown once painted, on the page's own paper colour (app.css), so the
    // user never sees a flash of another.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1113' : '#f7f5f0',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  const loaded =
    options.location.kind === 'file'
      ? window.loadFile(options.location.file)
      : window.loadURL(options.location.url);
  loaded.catch((error: unknown) => console.error('StoryDesk: the window failed to load.', error));
  return window;
}
