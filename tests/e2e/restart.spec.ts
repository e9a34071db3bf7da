import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { startDeskServer } from './support/desk-server';

// `desk serve` stopped while someone types, and started again on the same desk
// and port: the open page says the server is gone, keeps every keystroke (in
// memory and in this browser's storage), and once the server is back journals
// it and saves exactly the editor's text. Reloading the page while the server
// is down loses nothing either.

const REFERENCE =
  'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';
const SLUG = 'ukraine-russia-geneva-territory-talks';
const AT = 'diplomatic track is moving';

/** The draft journal's text for the story, or null when it holds none. */
function journaled(root: string): string | null {
  try {
    return (
      JSON.parse(readFileSync(path.join(root, '.desk', 'drafts', `${SLUG}.json`), 'utf8')) as {
        text: string;
      }
    ).text;
  } catch {
    return null;
  }
}

test('the server stopped and restarted loses no typed text', async ({ workbench, desk }) => {
  const original = desk.readStory(SLUG);
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.clickBefore(AT);
  await editor.type('Before ');
  const before = original.replace(AT, `Before ${AT}`);
  await expect.poll(() => journaled(desk.root)).toBe(before);

  await desk.server.stop();
  await editor.type('during the outage, ');
  await expect(workbench.statusBar.connection).toContainText(/Reconnecting|Offline/);
  await expect(workbench.statusBar.connection).toContainText('1 draft waiting');
  await editor.type('and after it ');
  await expect(workbench.statusBar.saveState).toHaveText('Unsaved');
  const typed = original.replace(AT, `Before during the outage, and after it ${AT}`);
  expect(journaled(desk.root)).toBe(before);

  const again = await startDeskServer(desk.root, { port: desk.server.port });
  try {
    // The desk's token: the same address, so the open page reaches it.
    expect(again.url).toBe(desk.url);
    await expect(workbench.statusBar.connection).toBeEmpty({ timeout: 40_000 });
    await expect.poll(() => journaled(desk.root)).toBe(typed);

    await editor.save();
    await expect(workbench.statusBar.saveState).toHaveText('Saved');
    expect(desk.readStory(SLUG)).toBe(typed);
    await expect(editor.content).toContainText(`Before during the outage, and after it ${AT}`);
    await expect.poll(() => journaled(desk.root)).toBeNull();
  } finally {
    await again.stop();
  }
});

test('a page reloaded while the server is down offers its text back when it is up', async ({
  workbench,
  desk,
  page,
}) => {
  const original = desk.readStory(SLUG);
  const editor = await workbench.library.openStory(REFERENCE);
  await editor.clickBefore(AT);
  await editor.type('Journaled ');
  await expect.poll(() => journaled(desk.root)).toBe(original.replace(AT, `Journaled ${AT}`));

  await desk.server.stop();
  await editor.type('and only in this browser ');
  await expect(workbench.statusBar.connection).toContainText('1 draft waiting');
  // The page comes from the server: with it down, a reload shows the browser's error page.
  await page.reload().catch(() => {});

  const again = await startDeskServer(desk.root, { port: desk.server.port });
  try {
    await workbench.reload();
    const offer = workbench.notifications.toast(`Recovered draft of “${REFERENCE}”`);
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'Restore' }).click();
    const typed = original.replace(AT, `Journaled and only in this browser ${AT}`);
    await expect(editor.content).toContainText(`Journaled and only in this browser ${AT}`);
    await expect(workbench.statusBar.saveState).toHaveText('Unsaved');
    await editor.content.focus();
    await editor.save();
    await expect(workbench.statusBar.saveState).toHaveText('Saved');
    expect(desk.readStory(SLUG)).toBe(typed);
  } finally {
    await again.stop();
  }
});

test('a server started with a new token refuses the open page, which says what to do', async ({
  workbench,
  desk,
}) => {
  const editor = await workbench.library.openStory(REFERENCE);
  await desk.server.stop();
  // A new token for the next run: the desk's kept one is gone.
  rmSync(path.join(desk.root, '.desk', 'cache', 'serve-token'));
  const again = await startDeskServer(desk.root, { port: desk.server.port });
  try {
    expect(again.url).not.toBe(desk.url);
    await expect(workbench.statusBar.connection).toContainText(
      'Refused: open the address desk serve printed',
      { timeout: 40_000 },
    );
    await expect(
      workbench.notifications.toast('The server no longer accepts this page'),
    ).toBeVisible();
    // Typing goes on, and what is typed waits in the browser.
    await editor.clickBefore(AT);
    await editor.type('Kept ');
    await expect(workbench.statusBar.connection).toContainText('1 draft waiting');
  } finally {
    await again.stop();
  }
});

test('the Graph asked for while the server is down says it could not load; a reload once the server is back opens it', async ({
  workbench,
  desk,
  page,
}) => {
  await workbench.library.openStory(REFERENCE);
  await desk.server.stop();
  // The Graph's code is a chunk of its own, fetched when first shown: now it cannot come.
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'The graph could not be loaded' });
  await expect(failure).toContainText('Is the StoryDesk server still running?');
  const again = await startDeskServer(desk.root, { port: desk.server.port });
  try {
    await failure.getByRole('button', { name: 'Reload the page' }).click();
    await expect(page.getByRole('textbox', { name: 'Story text' })).toBeVisible();
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Desk graph' })).toBeVisible();
    await expect(failure).toHaveCount(0);
  } finally {
    await again.stop();
  }
});
