import type { Locator } from '@playwright/test';
import type { WorkbenchPage } from './workbench-page';
import type { EditorPane } from './editor-pane';

/** The library on the left: a search box over a list of stories. */
export class Library {
  readonly region: Locator;
  readonly searchbox: Locator;
  readonly stories: Locator;

  constructor(private readonly wb: WorkbenchPage) {
    this.region = wb.page.getByRole('navigation', { name: 'Library' });
    this.searchbox = this.region.getByRole('searchbox', { name: 'Search stories' });
    this.stories = this.region.getByRole('listbox', { name: 'Stories' });
  }

  story(title: string | RegExp): Locator {
    return this.stories.getByRole('option', { name: title });
  }

  /** Clicks the story's title; resolves when its tab is the active one. */
  async openStory(title: string): Promise<EditorPane> {
    await this.story(title).getByText(title, { exact: true }).click();
    return this.wb.expectStoryOpen(title);
  }
}
