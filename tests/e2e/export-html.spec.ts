import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifactPath } from './support/chromium';

// `desk export --format html` as a reader gets it: a standalone page, opened
// in Chromium from disk, with nothing loaded from anywhere else.

const ROOT = path.resolve(__dirname, '../..');
const REFERENCE = path.resolve(
  ROOT,
  '../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md',
);

function exportHtml(): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'desk-export-')), 'story.html');
  execFileSync(process.execPath, [
    path.join(ROOT, 'bin/desk.mjs'),
    'export',
    REFERENCE,
    '--format',
    'html',
    '-o',
    out,
  ]);
  return out;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the exported page shows the whole story (${scheme})`, async ({ page }) => {
    const file = exportHtml();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(pathToFileURL(file).href);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no',
    );
    for (const heading of [
      'Summary',
      'The split',
      'By the numbers',
      'Why it matters',
      'What to watch',
      'Across the graph',
    ])
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Regional takes/ })).toBeVisible();
    for (const lens of ['unlabelled', 'Central-European analytical', 'US mainstream'])
      await expect(page.getByRole('heading', { level: 3, name: lens })).toBeVisible();
    await expect(page.locator('article.take')).toHaveCount(13);
    await expect(page.locator('blockquote')).toHaveCount(2);
    await expect(page.getByText('185-for-185', { exact: true })).toBeVisible();
    // Desk links are made absolute for a reader; entity links keep their slug.
    await expect(page.locator('a[data-entity="russia"]').first()).toHaveAttribute(
      'href',
      'https://rbtfl.xyz/ja/entity/russia',
    );
    await expect(
      page.getByRole('link', { name: /rbtfl\.xyz\/ja\/n\/ukraine-russia-geneva-territory-talks/ }),
    ).toBeVisible();

    // Nothing but the file itself was loaded, and the policy forbids scripts.
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain(`http-equiv="Content-Security-Policy"`);
    expect(html).not.toMatch(/<script/i);

    await page.screenshot({ path: artifactPath(`export-html-${scheme}.png`), fullPage: true });
  });
}
