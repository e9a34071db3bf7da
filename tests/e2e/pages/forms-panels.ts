import { expect, type Locator, type Page } from '@playwright/test';

// The side panel's form views: Takes, Numbers, Related and Meta. Every control
// is found by the label a desk editor reads.

export type FormPanelName = 'Takes' | 'Numbers' | 'Related' | 'Meta';

export class FormsPanels {
  constructor(readonly page: Page) {}

  tab(name: FormPanelName | 'Preview'): Locator {
    return this.page
      .getByRole('tablist', { name: 'Side panel views' })
      .getByRole('tab', { name, exact: true });
  }

  region(name: FormPanelName): Locator {
    return this.page.getByRole('region', { name: `${name} form` });
  }

  private async show(name: FormPanelName): Promise<Locator> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
    const region = this.region(name);
    await expect(region).toBeVisible();
    return region;
  }

  async takes(): Promise<TakesForm> {
    return new TakesForm(await this.show('Takes'));
  }

  async numbers(): Promise<NumbersForm> {
    return new NumbersForm(await this.show('Numbers'));
  }

  async related(): Promise<RelatedForm> {
    return new RelatedForm(await this.show('Related'));
  }

  async meta(): Promise<MetaForm> {
    return new MetaForm(await this.show('Meta'));
  }
}

export class TakesForm {
  constructor(readonly region: Locator) {}

  lens(name: string): Locator {
    return this.region.getByRole('region', { name: `Lens ${name}`, exact: true });
  }

  /** Take `n` (1-based, in text order), as a group of fields. */
  take(n: number): Locator {
    return this.region.getByRole('group', { name: new RegExp(`^Take ${n}: `) });
  }

  /** A field of a take by its label (Outlet, Region and Language offer suggestions: comboboxes). */
  field(take: Locator, label: string): Locator {
    return take.getByLabel(label, { exact: true });
  }

  /** Clicks "Add take" in a lens group: the new take's row, its Outlet focused. */
  async addTake(lens: string): Promise<Locator> {
    await this.lens(lens).getByRole('button', { name: 'Add take', exact: true }).click();
    const row = this.region.getByRole('group', { name: `New take in ${lens}` });
    await expect(row.getByLabel('Outlet', { exact: true })).toBeFocused();
    return row;
  }

  get counts(): Locator {
    return this.region.locator('[data-counts]');
  }
}

export class NumbersForm {
  constructor(readonly region: Locator) {}

  number(n: number): Locator {
    return this.region.getByRole('group', { name: new RegExp(`^Number ${n}: `) });
  }

  get newNumber(): Locator {
    return this.region.getByRole('form', { name: 'New number' });
  }

  async add(figure: string, note: string): Promise<void> {
    const form = this.newNumber;
    await form.getByRole('textbox', { name: 'Figure', exact: true }).fill(figure);
    await form.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
    await form.getByRole('button', { name: 'Add number' }).click();
  }
}

export class RelatedForm {
  constructor(readonly region: Locator) {}

  get mentions(): Locator {
    return this.region.getByRole('list', { name: 'Unlinked mentions' });
  }

  /** The row of an entity the story names but links nowhere. */
  mention(name: string): Locator {
    return this.mentions
      .getByRole('listitem')
      .filter({
        has: this.region
          .page()
          .getByRole('button', { name: `Link “${name}” to ${name}`, exact: true }),
      });
  }
}

export class MetaForm {
  constructor(readonly region: Locator) {}

  field(label: 'Title' | 'Dek' | 'Assignee'): Locator {
    return this.region.getByRole('textbox', { name: label, exact: true });
  }

  select(label: 'Type' | 'Status'): Locator {
    return this.region.getByRole('combobox', { name: label, exact: true });
  }

  get date(): Locator {
    return this.region.getByLabel('Date', { exact: true });
  }

  count(label: 'Takes' | 'Lenses' | 'Regions'): Locator {
    return this.region.locator(`[data-count="${label.toLowerCase()}"]`);
  }
}
