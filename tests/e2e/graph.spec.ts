import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { GraphView, LocalGraphPanel } from './pages/graph-view';
import { artifactPath } from './support/chromium';

// The Graph view on the sample desk, through the real UI: the desk's graph in
// place of the editor, the open story's graph in the side panel.

const REFERENCE =
  'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';
const REFERENCE_ENTITIES = [
  'Russia',
  'Ukraine',
  'Ukraine Russia War',
  'United States',
  'Vladimir Putin',
  'Volodymyr Zelensky',
];
const REFERENCE_IDS = [
  'russia',
  'ukraine',
  'ukraine-russia-war',
  'united-states',
  'vladimir-putin',
  'volodymyr-zelensky',
];

test('find a node by search, click it, and open a story from its panel', async ({
  workbench,
  page,
}) => {
  const graph = await GraphView.open(page);
  await graph.settled();
  await graph.find('naft', 'Naftogaz');
  const panel = graph.panel('Naftogaz');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Organisation');
  await panel.getByRole('button', { name: 'Close Naftogaz' }).click();
  await expect(panel).toBeHidden();

  // Focusing a node puts it in the middle: a click there is a click on it.
  await page.waitForTimeout(700);
  await graph.clickCentre();
  await expect(panel).toBeVisible();
  const shared = panel.getByRole('list', { name: 'Strongest connections of Naftogaz' });
  await expect(shared.getByRole('button', { name: 'Russia', exact: true })).toBeVisible();

  const stories = panel.getByRole('list', { name: 'Stories mentioning Naftogaz' });
  const story = stories.getByRole('button').first();
  const title = (await story.locator('.graph-story-title').textContent())!;
  await story.click();
  await expect(graph.region).toBeHidden();
  await workbench.expectStoryOpen(title);
});

test('the local graph shows the open story’s entities', async ({ workbench, page }) => {
  await workbench.library.openStory(REFERENCE);
  const local = new LocalGraphPanel(page);
  await local.open();
  await expect(local.entities.getByRole('button')).toHaveCount(REFERENCE_ENTITIES.length);
  const names = await local.entities.getByRole('button').allTextContents();
  expect(names.sort()).toEqual(REFERENCE_ENTITIES);
  await local.entities.getByRole('button', { name: 'Vladimir Putin' }).click();
  const putin = local.panel.getByRole('region', { name: 'Vladimir Putin' });
  await expect(putin).toBeVisible();

  // From the story's graph to the desk's, on the same node.
  await putin.getByRole('button', { name: 'Show in desk graph' }).click();
  const graph = new GraphView(page);
  await expect(graph.region).toBeVisible();
  await expect(graph.panel('Vladimir Putin')).toBeVisible();
});

test('export JSON downloads the graph, with the reference story’s entities', async ({
  workbench,
  page,
}) => {
  await expect(workbench.library.searchbox).toBeVisible();
  const graph = await GraphView.open(page);
  const download = await graph.export(/JSON/);
  expect(download.suggestedFilename()).toMatch(/-graph\.json$/);
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    nodes: { id: string }[];
    edges: { source: string; target: string; weight: number; stories: string[] }[];
  };
  const ids = json.nodes.map((n) => n.id);
  expect(ids).toEqual(expect.arrayContaining(REFERENCE_IDS));
  expect(ids).not.toContain('moscow');
  expect(
    json.edges.find((e) => e.source === 'russia' && e.target === 'ukraine')?.stories,
  ).toContain('ukraine-russia-geneva-territory-talks');
});

test('the view exports as PNG and SVG, the graph as GEXF and GraphML', async ({
  workbench,
  page,
}) => {
  await expect(workbench.library.searchbox).toBeVisible();
  const graph = await GraphView.open(page);
  await graph.settled();
  const read = async (label: RegExp) => {
    const download = await graph.export(label);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };
  const png = await read(/PNG/);
  expect(png.name).toMatch(/-graph\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(png.bytes.length).toBeGreaterThan(10_000);
  writeFileSync(artifactPath('graph-export.png'), png.bytes);
  const svg = await read(/SVG/);
  expect(svg.name).toMatch(/-graph\.svg$/);
  expect(svg.bytes.toString('utf8')).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.bytes.toString('utf8')).toContain('Vladimir Putin');
  const gexf = await read(/GEXF/);
  expect(gexf.bytes.toString('utf8')).toMatch(/^<\?xml[^>]*>\n<gexf /);
  expect(gexf.bytes.toString('utf8')).toContain('<node id="russia" label="Russia">');
  const graphml = await read(/GraphML/);
  expect(graphml.bytes.toString('utf8')).toMatch(/^<\?xml[^>]*>\n<graphml /);
});

test('the palette’s Show graph opens it, Escape goes back; double-click opens the entity', async ({
  workbench,
  page,
}) => {
  const palette = await workbench.openPalette();
  await palette.search('Show graph');
  await palette.results.getByRole('option', { name: /Show graph/ }).click();
  const graph = new GraphView(page);
  await expect(graph.region).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(graph.region).toBeHidden();
  await page.keyboard.press('Control+Shift+G');
  await expect(graph.region).toBeVisible();
  await graph.settled();

  await graph.find('g7', 'G7');
  await page.waitForTimeout(700);
  const box = (await graph.canvas.boundingBox())!;
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect(graph.region).toBeHidden();
  await expect(workbench.entityPanel('G7').panel).toBeVisible();
});

test('reopening the graph draws the cached layout without laying out again', async ({
  workbench,
  page,
}) => {
  await expect(workbench.library.searchbox).toBeVisible();
  let graph = await GraphView.open(page);
  await graph.settled();
  const cached = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('storydesk.graph-positions:'));
    return key ? Object.keys(JSON.parse(localStorage.getItem(key)!) as object).length : 0;
  });
  expect(cached).toBe(33);
  await graph.region.getByRole('button', { name: 'Editor' }).click();
  await expect(graph.region).toBeHidden();

  // Watch the status line from the moment the view is back: it never says “Laying out”.
  await page.evaluate(() => {
    const w = window as unknown as { sawLayout: boolean };
    w.sawLayout = false;
    new MutationObserver(() => {
      if (document.querySelector('.graph-status')?.textContent?.includes('Laying out'))
        w.sawLayout = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  graph = await GraphView.open(page);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { sawLayout: boolean }).sawLayout)).toBe(
    false,
  );
});

test('the time slider and the filters narrow the graph', async ({ workbench, page }) => {
  await expect(workbench.library.searchbox).toBeVisible();
  const graph = await GraphView.open(page);
  await expect(graph.timeline).toContainText('33 of 33 nodes');
  const slider = graph.timeline.getByRole('slider', { name: 'Show the graph as of' });
  await slider.focus();
  await page.keyboard.press('Home');
  // On the desk's first day only that day's story is there: its 8 entities, every pair joined.
  await expect(graph.timeline).toContainText('2026-05-21');
  await expect(graph.timeline).toContainText('8 of 33 nodes · 28 connections');
  // The drawing agrees once the slider rests: its SVG has those 8 nodes and 28 edges.
  await page.waitForTimeout(600);
  const svg = readFileSync((await (await graph.export(/SVG/)).path())!, 'utf8');
  expect(svg.match(/<circle /g)).toHaveLength(8);
  expect(svg.match(/<line /g)).toHaveLength(28);
  await slider.focus();
  await page.keyboard.press('End');
  await expect(graph.timeline).toContainText('33 of 33 nodes');

  // Play replays from the first story; pause holds the date.
  await graph.timeline.getByRole('button', { name: 'Replay how the graph grew' }).click();
  await expect(graph.timeline).not.toContainText('33 of 33 nodes');
  await graph.timeline.getByRole('button', { name: 'Pause' }).click();
  const held = await slider.getAttribute('aria-valuetext');
  expect(held! < '2026-11-12').toBe(true);
  await page.waitForTimeout(400);
  await expect(slider).toHaveAttribute('aria-valuetext', held!);
  await slider.focus();
  await page.keyboard.press('End');

  await graph.region.getByRole('button', { name: 'Filters', exact: true }).click();
  await graph.region.getByRole('combobox', { name: 'Type' }).selectOption('brief');
  await expect(graph.timeline).not.toContainText('of 33 nodes');
  await graph.find('black', 'Black Sea');
  await expect(graph.panel('Black Sea')).toBeVisible();
});

test('colour by community, with story nodes', async ({ workbench, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(workbench.library.searchbox).toBeVisible();
  const graph = await GraphView.open(page);
  await graph.region.getByRole('combobox', { name: 'Colour' }).selectOption('community');
  await expect(graph.legend).toContainText('Around ');
  await graph.region.getByRole('checkbox', { name: 'Stories' }).check();
  await expect(graph.timeline).toContainText('44 of 44 nodes');
  await graph.settled();
  await graph.find('geneva', 'Ukraine-Russia talks');
  const panel = graph.panel(/^Ukraine-Russia talks inch forward/);
  await expect(panel.getByRole('button', { name: 'Open story' })).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: artifactPath('graph-global-community.png') });
  expect(await serious(page, '.graph-view')).toEqual([]);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the graph views are accessible and look right (${theme.toLowerCase()})`, async ({
    workbench,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await workbench.setTheme(theme);
    const graph = await GraphView.open(page);
    await graph.settled();
    const found = await serious(page, '.graph-view');
    await page.screenshot({ path: artifactPath(`graph-global-${theme.toLowerCase()}.png`) });
    // The filters and the export list, open.
    await graph.region.getByRole('button', { name: 'Filters', exact: true }).click();
    await graph.region.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(graph.region.getByRole('group', { name: 'Graph filters' })).toBeVisible();
    found.push(...(await serious(page, '.graph-view')));
    await page.screenshot({
      path: artifactPath(`graph-global-filters-${theme.toLowerCase()}.png`),
    });
    await graph.region.getByRole('button', { name: 'Export', exact: true }).click();
    await graph.region.getByRole('button', { name: 'Filters', exact: true }).click();
    await graph.find('russ', 'Russia');
    await expect(graph.panel('Russia')).toBeVisible();
    await page.waitForTimeout(800);
    found.push(...(await serious(page, '.graph-view')));
    await page.screenshot({ path: artifactPath(`graph-global-panel-${theme.toLowerCase()}.png`) });

    await graph.region.press('Escape'); // closes the panel
    await graph.region.press('Escape'); // back to the editor
    await expect(graph.region).toBeHidden();
    await workbench.library.openStory(REFERENCE);
    const local = new LocalGraphPanel(page);
    await local.open();
    await expect(local.entities.getByRole('button')).toHaveCount(REFERENCE_ENTITIES.length);
    await page.waitForTimeout(1500);
    await local.entities.getByRole('button', { name: 'Russia', exact: true }).click();
    await expect(local.panel.getByRole('region', { name: 'Russia' })).toBeVisible();
    found.push(...(await serious(page, '#side-panel-graph')));
    await page.screenshot({ path: artifactPath(`graph-local-${theme.toLowerCase()}.png`) });
    expect(found).toEqual([]);
  });
}

async function serious(page: import('@playwright/test').Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${include}: [${v.impact}] ${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}
