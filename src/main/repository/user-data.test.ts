import { describe, expect, it } from 'vitest';
import { appDataDir, userDataDir } from './user-data';

// Where Electron's app.getPath('userData') points, per platform, without Electron.

describe('userDataDir', () => {
  it('is $XDG_CONFIG_HOME/StoryDesk on Linux, else ~/.config/StoryDesk', () => {
    const linux = { platform: 'linux' as const, home: '/home/ana' };
    expect(userDataDir('StoryDesk', { ...linux, env: {} })).toBe('/home/ana/.config/StoryDesk');
    expect(userDataDir('StoryDesk', { ...linux, env: { XDG_CONFIG_HOME: '' } })).toBe(
      '/home/ana/.config/StoryDesk',
    );
    expect(userDataDir('StoryDesk', { ...linux, env: { XDG_CONFIG_HOME: '/cfg' } })).toBe(
      '/cfg/StoryDesk',
    );
  });

  it('is ~/Library/Application Support/StoryDesk on macOS', () => {
    expect(userDataDir('StoryDesk', { platform: 'darwin', home: '/Users/ana', env: {} })).toBe(
      '/Users/ana/Library/Application Support/StoryDesk',
    );
  });

  it('is %APPDATA%\\StoryDesk on Windows', () => {
    const win = { platform: 'win32' as const, home: 'C:\\Users\\ana' };
    expect(userDataDir('StoryDesk', { ...win, env: { APPDATA: 'D:\\Roaming' } })).toBe(
      'D:\\Roaming\\StoryDesk',
    );
    expect(appDataDir({ ...win, env: {} })).toBe('C:\\Users\\ana\\AppData\\Roaming');
  });

  it('uses this machine when given nothing', () => {
    expect(userDataDir()).toMatch(/StoryDesk$/);
  });
});
