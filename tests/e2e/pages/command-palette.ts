import { expect, type Locator } from '@playwright/test';
import type { WorkbenchPage } from './workbench-page';
import type { EditorPane } from './editor-pane';

/** Ctrl+K: commands, stories and entities. Every query is scoped to its dialog. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(private readonly wb: WorkbenchPage) {
    this.dialog = wb.page.getByRole('dialog', { name: 'Command palette' });
    this.input = this.dialog.getByRole('combobox', {
      name: 'Search commands, stories and entities',
    });
    this.results = this.dialog.getByRole('listbox', { name: 'Results' });
  }

  async search(text: string): Promise<this> {
    await this.input.fill(text);
    return this;
  }

  /** Types part of a story's title, picks it; resolves with the editor showing it. */
  async openStory(query: string, title: string): Promise<EditorPane> {
    await this.search(query);
    const option = this.results
      .getByRole('group', { name: 'Stories' })
      .getByRole('option', { name: new RegExp(escape(title)) });
    await expect(option).toBeVisible();
    await option.click();
    await expect(this.dialog).toBeHidden();
    return this.wb.expectStoryOpen(title);
  }

  /** Types part of a command's title and runs it. */
  async run(query: string, title: string | RegExp): Promise<void> {
    await this.search(query);
    const option = this.results
      .getByRole('group', { name: 'Commands' })
      .getByRole('option', { name: title });
    await expect(option).toBeVisible();
    await option.click();
    await expect(this.dialog).toBeHidden();
  }

  async close(): Promise<void> {
    await this.wb.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
