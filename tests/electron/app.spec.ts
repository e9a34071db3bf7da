import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// The built desktop app, driven through Playwright's Electron launcher. Where
// Electron's binary could not be installed the whole file skips, and the
// report says why in one line.

const root = path.resolve(__dirname, '..', '..');
const mainScript = path.join(root, 'out', 'main', 'index.js');
const sampleStory = path.join(
  root,
  'resources',
  'sample-desk',
  'stories',
  'ukraine-russia-geneva-territory-talks.md',
);
const headline = readFileSync(sampleStory, 'utf8').split('\n', 1)[0]!.replace(/^# /, '');

const NO_BINARY =
  'Electron binary not installed (it cannot be downloaded here); the Electron e2e suite runs where it is.';

let app: ElectronApplication;
let page: Page;
/** A copy of the sample desk, so the test never touches the user's own. */
let desk: string;

test.beforeAll(async () => {
  // Imported dynamically: Playwright compiles this file to CommonJS, and a
  // static import of an .mjs file is compiled along with it into a module
  // Node then refuses to run.
  const { electronBinaryPath } = await import('../../scripts/electron-binary.mjs');
  const binary = electronBinaryPath();
  if (binary === null) {
    // The list reporter shows a skip without its reason, so the reason is
    // also printed: it is the one line this suite has to say here.
    console.log(NO_BINARY);
    test.skip(true, NO_BINARY);
    return;
  }
  if (!existsSync(mainScript)) {
    const electronVite = path.join(
      path.dirname(require.resolve('electron-vite/package.json')),
      'bin',
      'electron-vite.js',
    );
    execFileSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  }
  desk = mkdtempSync(path.join(tmpdir(), 'storydesk-electron-'));
  cpSync(path.join(root, 'resources', 'sample-desk'), desk, { recursive: true });
  for (const file of readdirSync(path.join(desk, 'stories')))
    chmodSync(path.join(desk, 'stories', file), 0o644);
  const { electronSqliteBinding } = await import('../../scripts/electron-native.mjs');
  app = await _electron.launch({
    executablePath: binary,
    // Chromium refuses to start as root with its OS sandbox on (CI containers
    // run as root). The renderer's `sandbox: true` still holds either way.
    args: [mainScript, '--repo', desk, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, STORYDESK_SQLITE_BINDING: await electronSqliteBinding() },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
});

test('opens one StoryDesk window on the desk, opens a story, types and saves', async () => {
  await expect(page).toHaveTitle('StoryDesk');
  await page.getByRole('listbox', { name: 'Stories' }).getByText(headline).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Story text' });
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.type(' (updated)');
  await expect(preview.getByRole('heading', { level: 1 })).toContainText('(updated)');
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText('Saved');
  const saved = readFileSync(path.join(desk, 'stories', 'ukraine-russia-geneva-territory-talks.md'), 'utf8');
  expect(saved.split('\n', 1)[0]).toBe(`# ${headline} (updated)`);
  const titles = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.getTitle()),
  );
  expect(titles).toEqual(['StoryDesk']);
});

test('the page sees the bridge and nothing of Node', async () => {
  // contextBridge refuses to run without context isolation, so the bridge
  // being there at all proves isolation is on.
  const globals = await page.evaluate(() => ({
    bridge: Object.keys((window as { storydesk?: object }).storydesk ?? {}),
    require: typeof (window as { require?: unknown }).require,
    process: typeof (window as { process?: unknown }).process,
    module: typeof (window as { module?: unknown }).module,
  }));
  expect(globals).toEqual({
    bridge: ['invoke', 'onEvent', 'onCommand'],
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('the bridge answers the contract and refuses what is not in it', async () => {
  const replies = await page.evaluate(async () => {
    const bridge = (
      window as unknown as { storydesk: { invoke(m: string, i?: unknown): Promise<unknown> } }
    ).storydesk;
    const refused = (call: Promise<unknown>) =>
      call.then(
        () => 'answered',
        () => 'refused',
      );
    return {
      info: await bridge.invoke('app.info'),
      badInput: await bridge.invoke('story.sample', { path: '/etc/passwd' }),
      unknown: await refused(bridge.invoke('fs.read', '/etc/passwd')),
    };
  });
  expect(replies.info).toMatchObject({
    ok: true,
    value: { name: 'StoryDesk', transport: 'electron' },
  });
  expect(replies.badInput).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  expect(replies.unknown).toBe('refused');
});

test('the page cannot navigate away or open windows', async () => {
  const before = page.url();
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // A refused navigation leaves nothing to wait for; give it the time one would take to start.
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
