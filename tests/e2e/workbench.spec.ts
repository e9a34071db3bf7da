import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { artifactPath } from './support/chromium';
import type { Page } from '@playwright/test';

const REFERENCE =
  'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';
const REFERENCE_SLUG = 'ukraine-russia-geneva-territory-talks';
const DEEP_STRIKES = 'Putin bets on a summer of deep strikes as the ground war stalls';
const DEEP_STRIKES_SLUG = 'putin-ukraine-deep-strikes-summer';

test('typing into the Summary changes the preview', async ({ workbench }) => {
  const editor = await workbench.library.openStory(REFERENCE);
  await expect(workbench.preview.region).not.toContainText('Zanzibar');
  await editor.clickBefore('diplomatic track is moving');
  await editor.type('Zanzibar ');
  await expect(workbench.statusBar.saveState).toHaveText('Unsaved');
  await expect(workbench.preview.region).toContainText('Zanzibar diplomatic track');
});

test('Ctrl+S writes the typed word to disk, and a reload shows the saved text', async ({
  workbench,
  desk,
}) => {
  const original = desk.readStory(REFERENCE_SLUG);
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.clickBefore('diplomatic track is moving');
  await editor.type('Zanzibar ');
  await expect(workbench.statusBar.saveState).toHaveText('Unsaved');
  await editor.save();
  await expect(workbench.statusBar.saveState).toHaveText('Saved');

  const expected = original.replace(
    'diplomatic track is moving',
    'Zanzibar diplomatic track is moving',
  );
  expect(expected).not.toBe(original);
  await expect.poll(() => desk.readStory(REFERENCE_SLUG)).toBe(expected);

  await workbench.reload();
  const tab = workbench.tab(REFERENCE);
  if (!(await tab.isVisible())) await workbench.library.openStory(REFERENCE);
  await workbench.expectStoryOpen(REFERENCE);
  await expect(workbench.editor.content).toContainText('Zanzibar diplomatic track is moving');
  await expect(workbench.statusBar.saveState).toHaveText('Saved');
  expect(desk.readStory(REFERENCE_SLUG)).toBe(expected);
});

test('a broken Meta count is marked, and its quick fix recounts it', async ({
  workbench,
  page,
}) => {
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.selectWord('13', '· ');
  await editor.type('12');
  await expect(editor.line('12 takes')).toBeVisible();
  const mark = editor.content.locator('.cm-lintRange-error, .cm-lintRange-warning').first();
  await expect(mark).toBeVisible();
  await mark.hover();
  const fix = page
    .locator('.cm-tooltip-lint')
    .getByRole('button', { name: 'Recount the Meta line' });
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(editor.line('13 takes')).toBeVisible();
  await expect(editor.content).not.toContainText('12 takes');
});

test('an entity link autocompletes from "[Zel"', async ({ workbench }) => {
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.clickBefore('diplomatic track is moving');
  await editor.type('[Zel');
  const option = editor.completions.getByRole('option', { name: /Volodymyr Zelensky/ });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  // CodeMirror ignores Enter for 75 ms after the list opens, so that a fast
  // typist's newline is never taken as a pick; a person would wait that long.
  await workbench.page.waitForTimeout(150);
  await workbench.page.keyboard.press('Enter');
  await expect(editor.completions).toBeHidden();
  await expect(editor.content).toContainText(
    '[Volodymyr Zelensky](/ja/entity/volodymyr-zelensky)diplomatic track',
  );
});

test('Ctrl-click on an entity link opens the entity panel', async ({ workbench }) => {
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.ctrlClick('Russia', 'On 5 June [');
  const entity = workbench.entityPanel('Russia');
  await expect(entity.panel).toBeVisible();
});

test('the palette opens a story from part of its title', async ({ workbench }) => {
  const palette = await workbench.openPalette();
  const editor = await palette.openStory('deep strikes', DEEP_STRIKES);
  await expect(editor.content).toContainText(DEEP_STRIKES);
});

test('renaming a story rewrites the links to it', async ({ workbench, desk }) => {
  const linking = readdirSync(path.join(desk.root, 'stories')).filter(
    (f) =>
      f !== `${DEEP_STRIKES_SLUG}.md` &&
      linksTo(readFileSync(path.join(desk.root, 'stories', f), 'utf8'), DEEP_STRIKES_SLUG),
  );
  expect(linking).toContain(`${REFERENCE_SLUG}.md`);

  await workbench.library.openStory(DEEP_STRIKES);
  const dialog = await workbench.renameActiveStory();
  await expect(dialog.linkCount()).toHaveText(
    `${linking.length} ${linking.length === 1 ? 'story links' : 'stories link'} here`,
  );
  await dialog.renameTo('putin-deep-strikes-2026');

  const editor = await workbench.library.openStory(REFERENCE);
  // The prose link, in the preview (the editor only renders the lines in view)…
  await expect(
    workbench.preview.region.locator('a[href="/ja/n/putin-deep-strikes-2026"]').first(),
  ).toBeVisible();
  await expect(
    workbench.preview.region.locator(`a[href="/ja/n/${DEEP_STRIKES_SLUG}"]`),
  ).toHaveCount(0);
  // …and the Related line, at the end of the editor's text.
  await editor.content.focus();
  await workbench.page.keyboard.press('Control+End');
  await expect(editor.line(/^- Related:/)).toContainText('[[putin-deep-strikes-2026]]');
  await expect(editor.line(/^- Related:/)).not.toContainText(`[[${DEEP_STRIKES_SLUG}]]`);
  const onDisk = desk.readStory(REFERENCE_SLUG);
  expect(linksTo(onDisk, DEEP_STRIKES_SLUG)).toBe(false);
  expect(onDisk).toContain('/ja/n/putin-deep-strikes-2026');
  expect(onDisk).toContain('[[putin-deep-strikes-2026]]');
  expect(
    linking.every(
      (f) => !linksTo(readFileSync(path.join(desk.root, 'stories', f), 'utf8'), DEEP_STRIKES_SLUG),
    ),
  ).toBe(true);
});

test('a change on disk under unsaved edits shows the conflict view; Keep theirs takes it', async ({
  workbench,
  desk,
}) => {
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.clickBefore('diplomatic track is moving');
  await editor.type('Mine ');
  await expect(workbench.statusBar.saveState).toHaveText('Unsaved');

  const theirs = desk
    .readStory(REFERENCE_SLUG)
    .replace('diplomatic track is moving', 'Theirs diplomatic track is moving');
  desk.writeStory(REFERENCE_SLUG, theirs);

  const conflict = workbench.conflict();
  await expect(conflict.region).toBeVisible();
  await conflict.keepTheirs();
  await expect(workbench.editor.content).toContainText('Theirs diplomatic track is moving');
  await expect(workbench.editor.content).not.toContainText('Mine ');
  expect(desk.readStory(REFERENCE_SLUG)).toBe(theirs);
});

/** A desk link in prose (/ja/n/slug) or in a Related line ([[slug]]). */
function linksTo(text: string, slug: string): boolean {
  return text.includes(`/ja/n/${slug})`) || text.includes(`[[${slug}]]`);
}

async function axe(page: Page, include: string, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const lines = bad.map(
    (v) =>
      `${label}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes) — ` +
      v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(' ')} ${JSON.stringify(n.any[0]?.data ?? '')}`)
        .join(' | '),
  );
  for (const l of lines) console.log(l);
  return lines;
}

for (const theme of ['light', 'dark'] as const) {
  test(`accessibility and screenshots (${theme})`, async ({ workbench, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1400, height: 900 });
    await workbench.setTheme(theme === 'light' ? 'Light' : 'Dark');
    const found: string[] = [];

    await page.screenshot({ path: artifactPath(`workbench-empty-${theme}.png`) });

    const editor = await workbench.library.openStory(REFERENCE);
    await expect(workbench.preview.region).toContainText('Summary');
    found.push(...(await axe(page, 'body', 'library+editor+preview')));
    await page.screenshot({ path: artifactPath(`workbench-editor-${theme}.png`) });

    const palette = await workbench.openPalette();
    found.push(...(await axe(page, '[role="dialog"]', 'palette')));
    await page.screenshot({ path: artifactPath(`workbench-palette-${theme}.png`) });
    await palette.close();

    await editor.ctrlClick('Russia', 'On 5 June [');
    const entity = workbench.entityPanel('Russia');
    await expect(entity.panel).toBeVisible();
    found.push(...(await axe(page, 'aside.sd-entity', 'entity panel')));
    await page.screenshot({ path: artifactPath(`workbench-entity-${theme}.png`) });

    expect(found).toEqual([]);
  });
}
