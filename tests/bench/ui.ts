import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../../scripts/chromium.mjs';
import { CHROMIUM_ARGS } from '../e2e/support/chromium';
import {
  ROOT,
  copySampleDesk,
  ensureRendererBuilt,
  startDeskServer,
  type DeskServer,
} from '../e2e/support/desk-server';
import { generateDesk } from './desk-generator';
import { makeLargeStory } from './fixtures';

// The workbench in Debian Chromium against `desk serve` (`npm run bench --
// --only ui`). Every figure is measured inside the page with performance.now:
// a keystroke's time starts in a capture-phase keydown listener on the window
// (before the editor or the search box sees the key) and ends in the
// MutationObserver callback that first finds the keystroke's effect in the
// DOM (the typed text in the editor, in the preview; the library list
// re-rendered for the new query). Playwright only presses the keys, one at a
// time with a pause between them, as a fast typist would; its round trips are
// never in a figure.

const REFERENCE_TITLE =
  'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';
const LARGE_SLUG = 'bench-large-story';
const LARGE_TITLE = 'Bench: the reference story with 300 takes in 12 lenses';
/** Where typing goes: inside the Summary's prose, so the preview re-renders that section. */
const TYPE_BEFORE = 'diplomatic track is moving';
const KEYSTROKES = 100;
/** Keystrokes typed first and not counted: the first ones compile and warm what typing runs. */
const WARMUP = 5;
/** Between keystrokes: a fast typist's 12 characters a second. */
const KEY_GAP_MS = 80;
const LOADS = 5;
const VIEWPORT = { width: 1400, height: 900 };
/** Typed into the library's search box on the big desk, one keystroke at a time (Backspace clears). */
const LIBRARY_QUERIES = ['ukraine', 'gas storage', 'summit', 'zelensky', 'brussels'];

export interface UiBenchOptions {
  /** Stories in the desk the library filter runs on. */
  stories: number;
}

type Figures = Record<string, number>;

export async function benchUi(options: UiBenchOptions): Promise<Figures> {
  const log = (message: string) => console.error(`  ui: ${message}`);
  log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (2-core timings are noisy)`,
  );
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  await ensureRendererBuilt();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const temp: string[] = [];
  const servers: DeskServer[] = [];
  try {
    const figures: Figures = {};

    // The sample desk, with the large story beside the reference.
    const sample = copySampleDesk();
    temp.push(join(sample, '..'));
    const large = makeLargeStory(300, 12).replace(/^# .*$/m, `# ${LARGE_TITLE}`);
    writeFileSync(join(sample, 'stories', `${LARGE_SLUG}.md`), large);
    const server = await startDeskServer(sample);
    servers.push(server);

    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await interactive(browser, server.url));
    log(`interactive, fresh loads: ${loads.map((v) => v.toFixed(0)).join(', ')} ms`);
    figures.interactiveMs = percentile(loads, 0.5);

    const page = await openWorkbench(browser, server.url);
    const ref = await typeAndMeasure(page, REFERENCE_TITLE);
    figures.previewP50Ms = percentile(ref.preview, 0.5);
    figures.previewP95Ms = percentile(ref.preview, 0.95);
    figures.typingP50Ms = percentile(ref.editor, 0.5);
    figures.typingP95Ms = percentile(ref.editor, 0.95);
    await openFromLibrary(page, 'Bench: the reference story', LARGE_TITLE);
    const big = await typeAndMeasure(page, LARGE_TITLE);
    figures.previewLargeP50Ms = percentile(big.preview, 0.5);
    figures.previewLargeP95Ms = percentile(big.preview, 0.95);
    figures.typingLargeP95Ms = percentile(big.editor, 0.95);
    figures.largeStoryKb = Buffer.byteLength(large) / 1024;
    await page.context().close();

    // The library filter on a generated desk, indexed beforehand so that the server
    // does no background work while the keys are pressed.
    const root = mkdtempSync(join(tmpdir(), 'storydesk-bench-ui-'));
    temp.push(root);
    const t0 = performance.now();
    const generated = generateDesk(join(root, 'desk'), options.stories);
    const { Desk } = await import('../../src/main/repository/desk');
    const desk = Desk.open(generated.root);
    await desk.whenSettled();
    desk.close();
    log(`generated and indexed ${options.stories} stories in ${ms(performance.now() - t0)} ms`);
    const bigServer = await startDeskServer(generated.root);
    servers.push(bigServer);
    const library = await filterLibrary(browser, bigServer.url, options.stories);
    log(
      `library filter: ${library.list.length} keystrokes, ${library.fullText.length} full-text answers measured`,
    );
    figures.libraryFilterP50Ms = percentile(library.list, 0.5);
    figures.libraryFilterP95Ms = percentile(library.list, 0.95);
    figures.libraryFullTextP50Ms = percentile(library.fullText, 0.5);
    figures.libraryFullTextP95Ms = percentile(library.fullText, 0.95);
    figures.rendererBundleKb = bundleKb();

    for (const [key, value] of Object.entries(figures)) figures[key] = round(value);
    return figures;
  } finally {
    await browser.close();
    for (const s of servers) await s.stop();
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
}

// -- Interactive -------------------------------------------------------------

/**
 * One fresh load (a new browser context: empty cache and storage, so the desk's
 * first start opens the reference story): milliseconds from navigation start
 * until the frame in which the editor holds the reference story, editable, is painted.
 */
async function interactive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    // A string, not a function: tsx would wrap a named inner function in a helper
    // that does not exist in the page.
    // Checked before each frame; once the story is there, the time is taken after that frame
    // is painted (a message posted from its animation frame arrives after the paint).
    await page.addInitScript(`
      const painted = new MessageChannel();
      painted.port1.onmessage = () => { window.__readyAt = performance.now(); };
      const check = () => {
        const content = document.querySelector('.editor-mount')?.shadowRoot?.querySelector('.cm-content');
        if (content?.getAttribute('contenteditable') === 'true' && content.textContent.includes(${JSON.stringify(REFERENCE_TITLE)}))
          painted.port2.postMessage(null);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    `);
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __readyAt?: number }).__readyAt,
      undefined,
      { timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

// -- Typing and the preview -----------------------------------------------------

async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Story text' }).waitFor();
  return page;
}

async function openFromLibrary(page: Page, query: string, title: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search stories' });
  await search.fill(query);
  await page
    .getByRole('listbox', { name: 'Stories' })
    .getByRole('option', { name: title })
    .getByText(title, { exact: true })
    .click();
  await page.getByRole('tab', { name: title, selected: true }).waitFor();
}

/**
 * Types KEYSTROKES letters and spaces into the Summary of the story open under
 * `title`; per keystroke, the time until the editor's DOM and the preview's
 * DOM hold the text typed so far.
 */
async function typeAndMeasure(
  page: Page,
  title: string,
): Promise<{ editor: number[]; preview: number[] }> {
  await page.getByRole('tab', { name: title, selected: true }).waitFor();
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('heading', { name: title }).waitFor();
  const at = await page.evaluate((needle) => {
    const content = document
      .querySelector('.editor-mount')!
      .shadowRoot!.querySelector('.cm-content')!;
    for (const line of Array.from(content.querySelectorAll('.cm-line'))) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf(needle);
        if (i < 0) continue;
        (line as HTMLElement).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + 1, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, TYPE_BEFORE);
  if (!at) throw new Error(`"${TYPE_BEFORE}" is not on a rendered line of “${title}”`);
  await page.mouse.click(at.x, at.y);

  await page.evaluate(() => {
    const content = document
      .querySelector('.editor-mount')!
      .shadowRoot!.querySelector('.cm-content')!;
    const preview = document.querySelector('.sd-preview')!;
    const s = {
      t0: 0,
      typed: '',
      editorPending: false,
      previewPending: false,
      editor: [] as number[],
      preview: [] as number[],
      missed: 0,
    };
    (window as unknown as { __typing: typeof s }).__typing = s;
    addEventListener(
      'keydown',
      (e) => {
        if (s.editorPending || s.previewPending) s.missed++;
        s.t0 = performance.now();
        s.typed += e.key;
        s.editorPending = s.previewPending = true;
      },
      true,
    );
    const options = { childList: true, subtree: true, characterData: true };
    new MutationObserver(() => {
      if (s.editorPending && content.textContent!.includes(s.typed)) {
        s.editor.push(performance.now() - s.t0);
        s.editorPending = false;
      }
    }).observe(content, options);
    new MutationObserver(() => {
      if (s.previewPending && preview.textContent!.includes(s.typed)) {
        s.preview.push(performance.now() - s.t0);
        s.previewPending = false;
      }
    }).observe(preview, options);
  });

  const text = 'the quick brown fox jumps over a lazy dog ';
  for (let i = 0; i < WARMUP + KEYSTROKES; i++) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]!);
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const s = (
      window as unknown as {
        __typing: { editor: number[]; preview: number[]; missed: number };
      }
    ).__typing;
    return { editor: s.editor, preview: s.preview, missed: s.missed };
  });
  const want = WARMUP + KEYSTROKES;
  if (result.editor.length !== want || result.preview.length !== want)
    throw new Error(
      `typing into “${title}”: ${want} keystrokes, but the editor showed ${result.editor.length} and the preview ${result.preview.length} (${result.missed} overtaken)`,
    );
  // Leave the story as it was, so the next run finds the same text (nothing is saved).
  await page.keyboard.press('Control+z');
  return { editor: result.editor.slice(WARMUP), preview: result.preview.slice(WARMUP) };
}

// -- The library filter ---------------------------------------------------------

/**
 * On the big desk: per keystroke in the library's search box (letters, and
 * Backspace to clear between queries), the time until the list shows stories
 * for the text now in the box (its data-query says which text its rows
 * answer: the titles that match come in the keystroke's frame), and until the
 * full-text index's answer is in (aria-busy off again; not every keystroke
 * asks it: one letter alone is a title filter only).
 */
async function filterLibrary(
  browser: Browser,
  url: string,
  stories: number,
): Promise<{ list: number[]; fullText: number[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const nav = page.getByRole('navigation', { name: 'Library' });
    await nav.getByText(`${stories} stories`, { exact: true }).waitFor({ timeout: 120_000 });
    const search = nav.getByRole('searchbox', { name: 'Search stories' });
    await search.click();
    await page.evaluate(() => {
      const s = {
        t0: 0,
        listPending: false,
        textPending: false,
        list: [] as number[],
        fullText: [] as number[],
        missed: 0,
      };
      (window as unknown as { __filter: typeof s }).__filter = s;
      const box = document.getElementById('library-search') as HTMLInputElement;
      box.addEventListener(
        'keydown',
        () => {
          if (s.listPending) s.missed++;
          s.t0 = performance.now();
          s.listPending = s.textPending = true;
        },
        true,
      );
      new MutationObserver(() => {
        const list = document.getElementById('stories-list');
        if (!list || list.dataset.query !== box.value) return;
        const now = performance.now();
        const busy = list.getAttribute('aria-busy') === 'true';
        if (s.listPending) {
          s.list.push(now - s.t0);
          s.listPending = false;
          // Not busy: this keystroke asks the full-text index nothing.
          if (!busy) s.textPending = false;
        } else if (s.textPending && !busy) {
          s.fullText.push(now - s.t0);
          s.textPending = false;
        }
      }).observe(document.getElementById('stories-list')!.parentElement!, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    });
    const settle = () =>
      page.waitForFunction(
        () => {
          const s = (
            window as unknown as { __filter: { listPending: boolean; textPending: boolean } }
          ).__filter;
          return !s.listPending && !s.textPending;
        },
        undefined,
        { timeout: 20_000 },
      );
    // Each keystroke once the last one's answers are in: every figure is one keystroke's own.
    const press = async (key: string) => {
      await page.keyboard.press(key);
      await settle();
      await page.waitForTimeout(KEY_GAP_MS);
    };
    for (const query of LIBRARY_QUERIES) {
      for (const ch of query) await press(ch === ' ' ? 'Space' : ch);
      for (let i = 0; i < query.length; i++) await press('Backspace');
    }
    const s = await page.evaluate(
      () =>
        (window as unknown as { __filter: { list: number[]; fullText: number[]; missed: number } })
          .__filter,
    );
    if (s.missed) throw new Error(`library filter: ${s.missed} keystrokes overtaken`);
    return { list: s.list.slice(WARMUP), fullText: s.fullText };
  } finally {
    await context.close();
  }
}

// -- Helpers ------------------------------------------------------------------

function bundleKb(): number {
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
  let bytes = 0;
  for (const [, src] of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g))
    bytes += readFileSync(join(ROOT, 'out/renderer', src!)).length;
  return bytes / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function ms(value: number): number {
  return Math.round(value);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
