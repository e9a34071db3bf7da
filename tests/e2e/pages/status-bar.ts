import type { Locator, Page } from '@playwright/test';

export class StatusBar {
  readonly bar: Locator;
  readonly saveState: Locator;
  /** The connection to `desk serve`: empty while all is well, else what is wrong and how many drafts wait. */
  readonly connection: Locator;
  constructor(page: Page) {
    this.bar = page.getByRole('contentinfo', { name: 'Status bar' });
    this.saveState = this.bar.getByRole('status').filter({ hasText: /^(Saved|Unsaved|Saving…?)$/ });
    this.connection = this.bar.locator('.connection');
  }
}
