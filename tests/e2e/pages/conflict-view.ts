import { expect, type Locator, type Page } from '@playwright/test';

/** Shown when the file changed on disk under unsaved edits. */
export class ConflictView {
  readonly region: Locator;
  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Conflict' });
  }

  async keepTheirs(): Promise<void> {
    await this.region.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(this.region).toBeHidden();
  }
}
