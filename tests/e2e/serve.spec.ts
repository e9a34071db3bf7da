import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

// The app in a browser: `desk serve` on a fresh copy of the sample desk, the
// built renderer in Chromium, every call over the HTTP transport.

const ROOT = path.resolve(__dirname, '../..');
const VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

let server: ChildProcess;
let pageUrl: string;

test.beforeAll(async () => {
  // The first run in a fresh checkout builds the renderer first.
  test.setTimeout(180_000);
  const desk = path.join(mkdtempSync(path.join(tmpdir(), 'desk-e2e-')), 'night-desk');
  cpSync(path.join(ROOT, 'resources', 'sample-desk'), desk, { recursive: true });
  server = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/desk.mjs'), 'serve', '--repo', desk, '--port', '0', '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout! }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`desk serve exited with ${code}`)));
  });
  const match =
    /^StoryDesk is serving night-desk at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
  if (!match) throw new Error(`desk serve printed: ${line}`);
  pageUrl = match[1]!;
});

test.afterAll(async () => {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  expect(await exited).toBe(0);
});

function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(pageUrl).origin) && !r.url().startsWith('data:'))
      problems.push(`request to ${r.url()}`);
  });
  return problems;
}

test('the sample story renders through the HTTP transport', async ({ page }) => {
  const problems = watch(page);
  await page.goto(pageUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no',
  );
  await expect(page.locator('.shell-about')).toHaveText(`${VERSION} · http`);
  // The token left the address bar for this tab's session storage…
  expect(page.url()).toBe(new URL('/', pageUrl).href);
  // …so a reload still reaches the desk.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);
});

test('without the token the page reaches no desk', async ({ page }) => {
  await page.goto(new URL('/', pageUrl).href);
  await expect(page.getByRole('alert')).toContainText('No desk to show');
});
