import { expect, type Locator, type Page } from '@playwright/test';
import { Library } from './library';
import { EditorPane } from './editor-pane';
import { PreviewPane } from './preview-pane';
import { StatusBar } from './status-bar';
import { CommandPalette } from './command-palette';
import { RenameStoryDialog } from './rename-story-dialog';
import { ConflictView } from './conflict-view';
import { EntityPanel } from './entity-panel';
import { Notifications } from './notifications';

/** The whole workbench window: library, tabs, editor, side panel, status bar. */
export class WorkbenchPage {
  readonly library: Library;
  readonly editor: EditorPane;
  readonly preview: PreviewPane;
  readonly statusBar: StatusBar;
  readonly notifications: Notifications;
  readonly openTabs: Locator;

  constructor(readonly page: Page) {
    this.library = new Library(this);
    this.editor = new EditorPane(page);
    this.preview = new PreviewPane(page);
    this.statusBar = new StatusBar(page);
    this.notifications = new Notifications(page);
    this.openTabs = page.getByRole('tablist', { name: 'Open stories' });
  }

  static async open(page: Page, url: string): Promise<WorkbenchPage> {
    await page.goto(url);
    const wb = new WorkbenchPage(page);
    await expect(wb.library.searchbox).toBeVisible();
    return wb;
  }

  tab(title: string | RegExp): Locator {
    return this.openTabs.getByRole('tab', { name: title });
  }

  async expectStoryOpen(title: string | RegExp): Promise<EditorPane> {
    await expect(this.tab(title)).toHaveAttribute('aria-selected', 'true');
    await expect(this.editor.content).toBeVisible();
    return this.editor;
  }

  async openPalette(): Promise<CommandPalette> {
    await this.page.keyboard.press('Control+k');
    const palette = new CommandPalette(this);
    await expect(palette.dialog).toBeVisible();
    return palette;
  }

  /** F2 in the editor: the Rename story dialog for the active story. */
  async renameActiveStory(): Promise<RenameStoryDialog> {
    await this.editor.content.focus();
    await this.page.keyboard.press('F2');
    const dialog = new RenameStoryDialog(this);
    await expect(dialog.dialog).toBeVisible();
    return dialog;
  }

  conflict(): ConflictView {
    return new ConflictView(this.page);
  }

  entityPanel(name: string | RegExp): EntityPanel {
    return new EntityPanel(this.page, name);
  }

  async setTheme(theme: 'Light' | 'Dark' | 'System'): Promise<void> {
    const radio = this.page
      .getByRole('radiogroup', { name: 'Theme' })
      .getByRole('radio', { name: `${theme} theme` });
    await radio.click();
    await expect(radio).toBeChecked();
  }

  async reload(): Promise<WorkbenchPage> {
    await this.page.reload();
    await expect(this.library.searchbox).toBeVisible();
    return this;
  }
}
