import type { Locator, Page } from '@playwright/test';

export class StatusBar {
  readonly bar: Locator;
  readonly saveState: Locator;
  constructor(page: Page) {
    this.bar = page.getByRole('contentinfo', { name: 'Status bar' });
    this.saveState = this.bar.getByRole('status').filter({ hasText: /^(Saved|Unsaved|Saving…?)$/ });
  }
}
