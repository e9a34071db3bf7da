import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The desk's graph, shown in place of the editor (banner button "Graph"). */
export class GraphView {
  readonly region: Locator;
  readonly search: Locator;
  readonly canvas: Locator;
  readonly legend: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Desk graph' });
    this.search = this.region.getByRole('combobox', { name: 'Find in graph' });
    this.canvas = this.region.locator('.graph-canvas-host');
    this.legend = this.region.getByRole('group', { name: /^Legend/ });
    this.timeline = this.region.getByRole('group', { name: 'Time' });
  }

  static async open(page: Page): Promise<GraphView> {
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    const view = new GraphView(page);
    await expect(view.region).toBeVisible();
    await expect(view.legend).toBeVisible();
    return view;
  }

  /** Types into the search box and picks the suggestion named `label`. */
  async find(text: string, label: string): Promise<void> {
    await this.search.fill(text);
    await this.region.getByRole('option', { name: new RegExp(`^${label}`) }).click();
  }

  /** The panel of the chosen node (a region named after it). */
  panel(name: string | RegExp): Locator {
    return this.region.getByRole('region', { name, exact: typeof name === 'string' });
  }

  /** Clicks the middle of the drawing: where focusing a node puts it. */
  async clickCentre(): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the graph canvas is not laid out');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async export(label: RegExp): Promise<Download> {
    await this.region.getByRole('button', { name: 'Export', exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.region.getByRole('button', { name: label }).click();
    return download;
  }

  /** Waits until the layout has settled (the status line stops saying so). */
  async settled(): Promise<void> {
    await expect(this.region.getByRole('status')).not.toHaveText(/Laying out|Reading|Updating/, {
      timeout: 20_000,
    });
  }
}

/** The side panel's Graph tab: the open story's local graph. */
export class LocalGraphPanel {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly entities: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Graph' });
    this.panel = page.locator('#side-panel-graph');
    this.entities = this.panel.getByRole('list', { name: 'In this story' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }
}
