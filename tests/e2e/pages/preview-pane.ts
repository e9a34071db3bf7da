import type { Locator, Page } from '@playwright/test';

/** The side panel's Preview: the story as readers will see it. */
export class PreviewPane {
  readonly region: Locator;
  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Preview' });
  }
}
