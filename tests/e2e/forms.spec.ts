import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { FormsPanels, type FormPanelName } from './pages/forms-panels';
import { artifactPath } from './support/chromium';

// The form panels (issue 5) through the real UI, against desk serve on a
// temporary copy of the sample desk.

const REFERENCE =
  'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';
const SLUG = 'ukraine-russia-geneva-territory-talks';
const CNN_SOURCE =
  '  Source: https://www.cnn.com/2025/07/23/europe/russia-ukraine-peace-talks-third-round-turkey-latam-intl';
const SUMMARY = 'Gulf broadcaster reads the swaps as theatre';
const AJ_SOURCE = 'https://www.aljazeera.com/news/';

test('a take added in the Takes panel reaches the text, the preview, the counts and the disk; Ctrl-Z in the editor takes the form edits back', async ({
  workbench,
  desk,
  page,
}) => {
  const original = desk.readStory(SLUG);
  const editor = await workbench.library.openStory(REFERENCE);
  const forms = new FormsPanels(page);
  const takes = await forms.takes();
  await expect(takes.counts).toHaveText('13 takes · 3 lenses · 11 regions');

  // A known outlet brings its usual region and language.
  const row = await takes.addTake('US mainstream');
  await page.keyboard.type('Al Jazeera');
  await expect(row.getByLabel('Region', { exact: true })).toHaveValue('Qatar');
  await expect(row.getByLabel('Language', { exact: true })).toHaveValue('en');
  // Tab reaches Region, Language, Summary, Quote and Source in turn.
  for (const label of ['Region', 'Language', 'Summary', 'Quote', 'Source']) {
    await page.keyboard.press('Tab');
    await expect(row.getByLabel(label, { exact: true })).toBeFocused();
  }
  await page.keyboard.type(AJ_SOURCE);

  // Written once the source reads as a URL: the real take 14 has the focus and the rest of it.
  const take = takes.take(14);
  await expect(takes.field(take, 'Source')).toBeFocused();
  await expect(takes.field(take, 'Source')).toHaveValue(AJ_SOURCE);
  await expect(takes.field(take, 'Outlet')).toHaveValue('Al Jazeera');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(takes.field(take, 'Summary')).toBeFocused();
  await page.keyboard.type(SUMMARY);
  await expect(takes.field(take, 'Summary')).toHaveValue(SUMMARY);

  await expect(takes.counts).toHaveText('14 takes · 3 lenses · 11 regions');
  await expect(editor.line('14 takes · 3 lenses · 11 regions')).toBeVisible();
  await forms.tab('Preview').click();
  await expect(workbench.preview.region).toContainText(SUMMARY);
  await expect(workbench.statusBar.saveState).toHaveText('Unsaved');
  const meta = await forms.meta();
  await expect(meta.count('Takes')).toHaveText('14');
  await expect(meta.count('Regions')).toHaveText('11');

  await page.keyboard.press('Control+s');
  await expect(workbench.statusBar.saveState).toHaveText('Saved');
  const added = original
    .replace('13 takes', '14 takes')
    .replace(
      CNN_SOURCE,
      `${CNN_SOURCE}\n- **Al Jazeera** (Qatar, en) — ${SUMMARY}\n  Source: ${AJ_SOURCE}`,
    );
  expect(added).not.toBe(original);
  await expect.poll(() => desk.readStory(SLUG)).toBe(added);

  // Alt+Up: above CNN, then across the lens boundary; the focus follows the take.
  const again = await forms.takes();
  await takes.field(take, 'Summary').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(takes.field(again.take(13), 'Outlet')).toHaveValue('Al Jazeera');
  await expect(takes.field(again.take(13), 'Summary')).toBeFocused();
  await expect(takes.field(again.take(14), 'Outlet')).toHaveValue('CNN');
  await page.keyboard.press('Alt+ArrowUp');
  const central = again.lens('Central-European analytical');
  await expect(central.getByRole('group', { name: /^Take 13: Al Jazeera$/ })).toBeVisible();
  await expect(takes.field(again.take(13), 'Summary')).toBeFocused();

  // A number, through the Numbers panel.
  const numbers = await forms.numbers();
  await numbers.add('3', 'civilians killed in Kryvyi Rih on 22 June.');
  await expect(numbers.number(7).getByRole('textbox', { name: 'Figure', exact: true })).toHaveValue(
    '3',
  );
  await forms.tab('Preview').click();
  await expect(workbench.preview.region).toContainText(
    'civilians killed in Kryvyi Rih on 22 June.',
  );

  // An entity linked nowhere is one row, at its first mention, linked in one click.
  const related = await forms.related();
  const france = related.mention('France');
  await expect(france).toContainText('2 mentions');
  await expect(france).toContainText('On 7 June the UK, France and Germany backed direct dialogue');
  // Russia is named unlinked five times but linked once: no row.
  await expect(related.mention('Russia')).toHaveCount(0);
  await france.getByRole('button', { name: 'Link “France” to France', exact: true }).click();
  await expect(france).toHaveCount(0);
  await forms.tab('Preview').click();
  await expect(
    workbench.preview.region.getByRole('link', { name: 'France', exact: true }),
  ).not.toHaveCount(0);

  // The Meta panel edits the header in the same text.
  const header = await forms.meta();
  await header.select('Status').selectOption('editing');
  await expect(header.select('Status')).toHaveValue('editing');
  await page.keyboard.press('Control+s');
  await expect(workbench.statusBar.saveState).toHaveText('Saved');
  const saved = desk.readStory(SLUG);
  expect(saved.startsWith('---\nstatus: editing\n---\n')).toBe(true);
  expect(saved).toContain('\n- 3, civilians killed in Kryvyi Rih on 22 June.\n');
  expect(saved).toContain('[France](/ja/entity/france)');

  // Every form edit is in the editor's undo history.
  await editor.content.click();
  for (let i = 0; i < 30; i++) await page.keyboard.press('Control+z');
  await expect(editor.line('13 takes · 3 lenses · 11 regions')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(workbench.statusBar.saveState).toHaveText('Saved');
  await expect.poll(() => desk.readStory(SLUG)).toBe(original);
});

test('a value the text cannot hold is refused in the field, and nothing is written', async ({
  workbench,
  page,
}) => {
  await workbench.library.openStory(REFERENCE);
  const takes = await new FormsPanels(page).takes();
  const source = takes.field(takes.take(5), 'Source');
  await source.fill('ftp://example.org/');
  await expect(source).toHaveAttribute('aria-invalid', 'true');
  await expect(takes.take(5).getByRole('alert')).not.toBeEmpty();
  await expect(workbench.statusBar.saveState).toHaveText('Saved');
  await source.press('Escape');
  await expect(source).toHaveValue('https://www.reuters.com/world/europe/');
});

test('takes move by drag and drop; a removed take comes back from the toast; a missing region starts a take for it', async ({
  workbench,
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1100 });
  await workbench.library.openStory(REFERENCE);
  const takes = await new FormsPanels(page).takes();
  // Both ends of the drag on screen.
  await takes.region
    .locator('[data-take="2"]')
    .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const outlets = () =>
    takes.region
      .getByLabel('Outlet', { exact: true })
      .evaluateAll((els) => els.slice(0, 3).map((e) => (e as HTMLInputElement).value));
  const [cambridge, wikipedia, baidu] = await outlets();

  await takes.region
    .locator('[data-take="2"] .take-grip')
    .dragTo(takes.region.locator('[data-take="1"]'), { targetPosition: { x: 40, y: 4 } });
  await expect.poll(outlets).toEqual([cambridge, baidu, wikipedia]);

  await takes.take(2).getByRole('button', { name: 'Remove take 2' }).click();
  await expect.poll(outlets).toEqual([cambridge, wikipedia, expect.any(String)]);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(outlets).toEqual([cambridge, baidu, wikipedia]);

  await takes.region.getByRole('button', { name: 'Start a take for Japan' }).click();
  const row = takes.region.getByRole('group', { name: 'New take in unlabelled' });
  await expect(row.getByLabel('Outlet', { exact: true })).toBeFocused();
  await expect(row.getByLabel('Region', { exact: true })).toHaveValue('Japan');
});

test('a related slug not in the desk is marked missing, and one click creates its stub', async ({
  workbench,
  desk,
  page,
}) => {
  await workbench.library.openStory(REFERENCE);
  const related = await new FormsPanels(page).related();
  const input = related.region.getByRole('combobox', { name: 'Add related story' });
  await input.fill('baltic-ferry-talks');
  await input.press('Enter');
  const item = related.region
    .getByRole('list', { name: 'Related stories' })
    .getByRole('listitem')
    .filter({ hasText: 'baltic-ferry-talks' });
  await expect(item).toContainText('not in the desk');
  await item.getByRole('button', { name: 'Create a stub story baltic-ferry-talks' }).click();
  await expect(item).not.toContainText('not in the desk');
  await expect.poll(() => existsSync(desk.storyPath('baltic-ferry-talks'))).toBe(true);
  await expect(item).toContainText('Baltic ferry talks');
  expect(desk.readStory('baltic-ferry-talks')).toContain('# Baltic ferry talks\n');
});

test('typing in the editor shows in the open form; typing in a field keeps its caret', async ({
  workbench,
  page,
}) => {
  const editor = await workbench.library.openStory(REFERENCE);
  const meta = await new FormsPanels(page).meta();
  await editor.clickBefore('talks inch forward');
  await editor.type('peace ');
  await expect(meta.field('Title')).toHaveValue(/^Ukraine-Russia peace talks inch forward/);

  // In the middle of the Dek: each keystroke goes to the text and the caret stays put.
  const dek = meta.field('Dek');
  await dek.click();
  await dek.press('Control+Home');
  await page.keyboard.type('Late news: ');
  await expect(dek).toHaveValue(/^Late news: After Abu Dhabi and Geneva/);
  await expect(editor.line(/^> Late news: After Abu Dhabi/)).toBeVisible();
  await expect(dek).toBeFocused();
});

async function axe(page: Page, include: string, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map(
    (v) =>
      `${label}: [${v.impact}] ${v.id}: ${v.help} — ` +
      v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | '),
  );
}

const PANELS: FormPanelName[] = ['Takes', 'Numbers', 'Related', 'Meta'];

for (const theme of ['light', 'dark'] as const) {
  test(`form panels: axe and screenshots (${theme})`, async ({ workbench, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1500, height: 950 });
    await workbench.setTheme(theme === 'light' ? 'Light' : 'Dark');
    await workbench.library.openStory(REFERENCE);
    const forms = new FormsPanels(page);
    const found: string[] = [];
    for (const name of PANELS) {
      await forms.tab(name).click();
      const region = forms.region(name);
      await expect(region).toBeVisible();
      await expect(region.locator('input, textarea, select').first()).toBeVisible();
      found.push(...(await axe(page, '.right-panel', `${name} (${theme})`)));
      await page.screenshot({ path: artifactPath(`forms-${name.toLowerCase()}-${theme}.png`) });
    }
    expect(found).toEqual([]);
  });
}
