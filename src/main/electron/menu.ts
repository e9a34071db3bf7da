import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { electronTransport } from '../../shared/api';

// The application menu: the same commands as the palette, by id. A click
// sends the id to the focused window, whose command registry runs it, so the
// menu, the palette and the shortcuts can never disagree on what an action does.

type Send = (id: string) => void;

function command(
  label: string,
  id: string,
  send: Send,
  accelerator?: string,
): MenuItemConstructorOptions {
  return { label, accelerator, click: () => send(id) };
}

export function installMenu(focused: () => BrowserWindow | null): void {
  const send: Send = (id) => focused()?.webContents.send(electronTransport.commandChannel, id);
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('New Story…', 'story.new', send, 'CmdOrCtrl+N'),
        command('Open Story…', 'story.open', send, 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('Save', 'story.save', send, 'CmdOrCtrl+S'),
        command('Save All', 'story.saveAll', send, 'CmdOrCtrl+Alt+S'),
        { type: 'separator' },
        command('Import Files…', 'story.import', send),
        command('Export…', 'story.export', send, 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Close Tab', 'story.close', send, 'CmdOrCtrl+W'),
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Go to Line…', 'edit.gotoLine', send, 'CmdOrCtrl+G'),
        command('Go to Section…', 'edit.outline', send, 'CmdOrCtrl+Shift+O'),
        command('Next Problem', 'edit.nextProblem', send, 'F8'),
        command('Previous Problem', 'edit.previousProblem', send, 'Shift+F8'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Command Palette…', 'go.palette', send, 'CmdOrCtrl+K'),
        command('Search Stories', 'go.search', send, 'CmdOrCtrl+Shift+F'),
        { type: 'separator' },
        command('Toggle Sidebar', 'view.toggleSidebar', send, 'CmdOrCtrl+B'),
        command('Toggle Preview', 'view.togglePreview', send, 'CmdOrCtrl+Alt+P'),
        command('Problems', 'go.problems', send),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            command('Follow the System', 'view.theme.system', send),
            command('Light', 'view.theme.light', send),
            command('Dark', 'view.theme.dark', send),
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged
          ? []
          : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Story',
      submenu: [
        command('Rename…', 'story.rename', send, 'F2'),
        command('Move to Trash', 'story.delete', send),
        command('Trash…', 'story.trash', send),
        { type: 'separator' },
        command('Mark as Draft', 'story.status.draft', send),
        command('Mark as Editing', 'story.status.editing', send),
        command('Send to Fact-check', 'story.status.fact-check', send),
        command('Mark as Ready', 'story.status.ready', send),
        command('Mark as Published', 'story.status.published', send),
      ],
    },
    {
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', 'help.shortcuts', send, 'CmdOrCtrl+/'),
        { type: 'separator' },
        { role: 'about' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
