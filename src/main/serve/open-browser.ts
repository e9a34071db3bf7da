import { spawn } from 'node:child_process';

// Opens a URL in the user's default browser, best effort: where there is no
// desktop (a server, CI) nothing happens and the printed URL is the way in.

export function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin'
      ? { file: 'open', args: [url] }
      : process.platform === 'win32'
        ? // `start` is a cmd built-in; its first quoted argument is a window title.
          { file: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] }
        : process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']
          ? { file: 'xdg-open', args: [url] }
          : null;
  if (!command) return;
  try {
    const child = spawn(command.file, command.args, {
      stdio: 'ignore',
      detached: true,
      windowsHide: true,
    });
    child.once('error', () => {});
    child.unref();
  } catch {
    // No opener installed: the URL on stdout still works.
  }
}
