import { expect, type Locator, type Page } from '@playwright/test';

/** Import stories: a file input (and a drop zone), then per-file results. */
export class ImportDialog {
  readonly dialog: Locator;
  readonly results: Locator;
  readonly summary: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import stories' });
    this.results = this.dialog.getByRole('table', { name: 'Import results' });
    this.summary = this.dialog.getByRole('status').first();
  }

  /** Picks files through the "Choose files…" input, then presses Import. */
  async importFiles(files: { name: string; text: string }[]): Promise<void> {
    await this.dialog
      .getByLabel('Choose files…')
      .setInputFiles(
        files.map((f) => ({
          name: f.name,
          mimeType: 'text/markdown',
          buffer: Buffer.from(f.text),
        })),
      );
    await expect(this.dialog.getByRole('list', { name: 'Files to import' })).toContainText(
      files[0]!.name,
    );
    await this.dialog.getByRole('button', { name: /^Import( \d+ files?)?$/ }).click();
    await expect(this.results).toBeVisible();
  }

  /** The results row of one file. */
  row(name: string): Locator {
    return this.results.getByRole('row').filter({ hasText: name });
  }
}
