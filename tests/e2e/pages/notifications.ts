import type { Locator, Page } from '@playwright/test';

/** The notifications region: toasts, each with its title and action buttons. */
export class Notifications {
  readonly region: Locator;
  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Notifications' });
  }

  /** The toast whose text holds `title`. */
  toast(title: string | RegExp): Locator {
    return this.region.locator('.toast').filter({ hasText: title });
  }
}
