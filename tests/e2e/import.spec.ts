import { expect, test } from './fixtures';
import { ImportDialog } from './pages/import-dialog';

// Importing through the browser's file input: each file gets its own result,
// each lands in the desk byte for byte (a file that is not yet a story too,
// with its problems counted: nothing is lost), and a story opens from the results.

test('import files by the file input: per-file results, and the story opens', async ({
  workbench,
  desk,
  page,
}) => {
  const story = desk
    .readStory('ukraine-russia-geneva-territory-talks')
    .replace(/^# .*$/m, '# Night shift: an imported story')
    .replace(/Canonical: (\S+)\/[^/\s]+$/m, 'Canonical: $1/night-shift-import');
  const palette = await workbench.openPalette();
  await palette.run('import', /Import files/);
  const dialog = new ImportDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await dialog.importFiles([
    { name: 'night-shift-import.md', text: story },
    { name: 'loose-notes.md', text: 'Notes from the call, not a story yet.\n' },
  ]);
  await expect(dialog.summary).toHaveText('2 imported');
  await expect(dialog.row('night-shift-import.md')).toContainText(/imported.*none/);
  await expect(dialog.row('loose-notes.md')).toContainText(/imported.*\d+ errors?/);
  expect(desk.readStory('night-shift-import')).toBe(story);
  expect(desk.readStory('loose-notes')).toBe('Notes from the call, not a story yet.\n');

  await dialog
    .row('night-shift-import.md')
    .getByRole('button', { name: 'night-shift-import' })
    .click();
  await workbench.expectStoryOpen('Night shift: an imported story');
  await expect(workbench.library.story('Night shift: an imported story')).toBeVisible();
});
