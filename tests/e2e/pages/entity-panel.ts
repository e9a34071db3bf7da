import type { Locator, Page } from '@playwright/test';

/** The entity panel in the side panel: a complementary region "Entity: <name>". */
export class EntityPanel {
  readonly panel: Locator;
  constructor(page: Page, name: string | RegExp) {
    this.panel = page.getByRole('complementary', {
      name: typeof name === 'string' ? `Entity: ${name}` : name,
    });
  }
}
