import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { artifactPath } from './support/chromium';

// The trash: a deleted story waits there, restorable, until the trash is emptied; emptying
// asks once more, then deletes the files for good.

const SLUG = 'ukraine-russia-geneva-territory-talks';
const TITLE = 'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';

test('a story moved to the trash is listed there, and emptying the trash deletes it for good', async ({
  workbench,
  desk,
  page,
}) => {
  await workbench.library.openStory(TITLE);
  let palette = await workbench.openPalette();
  await palette.run('trash', 'Move story to trash');
  await expect(workbench.tab(TITLE)).toHaveCount(0);

  palette = await workbench.openPalette();
  await palette.run('trash', /Show trash/);
  const dialog = page.getByRole('dialog', { name: 'Trash' });
  const list = dialog.getByRole('list', { name: 'Stories in the trash' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(SLUG);

  await dialog.getByRole('button', { name: 'Empty trash…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Delete 1 story for good?');
  await dialog.screenshot({ path: artifactPath('trash-confirm.png') });
  await dialog.getByRole('button', { name: 'Keep them' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await dialog.getByRole('button', { name: 'Empty trash…' }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(dialog.getByText('The trash is empty.')).toBeVisible();
  expect(readdirSync(path.join(desk.root, '.desk', 'trash'))).toEqual([]);
  expect(readdirSync(path.join(desk.root, 'stories'))).not.toContain(`${SLUG}.md`);
});
