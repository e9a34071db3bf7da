import { expect, type Locator } from '@playwright/test';
import type { WorkbenchPage } from './workbench-page';

/** The Rename story dialog (F2); queries are scoped to the dialog. */
export class RenameStoryDialog {
  readonly dialog: Locator;
  readonly slug: Locator;
  readonly confirm: Locator;

  constructor(private readonly wb: WorkbenchPage) {
    this.dialog = wb.page.getByRole('dialog', { name: 'Rename story' });
    this.slug = this.dialog.getByRole('textbox', { name: /^New slug/ });
    this.confirm = this.dialog.getByRole('button', { name: 'Rename', exact: true });
  }

  linkCount(): Locator {
    return this.dialog.getByText(/\d+ stor(y|ies) links? here/);
  }

  async renameTo(slug: string): Promise<WorkbenchPage> {
    await this.slug.fill(slug);
    await expect(this.confirm).toBeEnabled();
    await this.confirm.click();
    await expect(this.dialog).toBeHidden();
    return this.wb;
  }
}
