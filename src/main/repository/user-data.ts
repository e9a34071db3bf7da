import { homedir } from 'node:os';
import path from 'node:path';

// Where StoryDesk keeps the user's own files (the sample desk it copies on a
// first run), computed as Electron's app.getPath('userData') computes it, so
// the desktop app and `desk serve` open the same sample desk without either
// needing the other's runtime.

export interface UserDataEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
}

const here = (): UserDataEnvironment => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
});

/**
 * Electron's `appData`: %APPDATA% on Windows, ~/Library/Application Support
 * on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function appDataDir(environment: UserDataEnvironment = here()): string {
  const { platform, env, home } = environment;
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (platform === 'win32') return env['APPDATA'] || p.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support');
  // As Chromium's GetXDGDirectory: the variable when set and not empty.
  return env['XDG_CONFIG_HOME'] || p.join(home, '.config');
}

/**
 * Electron's `userData`: the app's own folder inside `appData`. The name must
 * be the one Electron uses (package.json's productName, else its name, unless
 * the app calls app.setName), or the two shells see different folders.
 */
export function userDataDir(
  appName = 'StoryDesk',
  environment: UserDataEnvironment = here(),
): string {
  const p = environment.platform === 'win32' ? path.win32 : path.posix;
  return p.join(appDataDir(environment), appName);
}
