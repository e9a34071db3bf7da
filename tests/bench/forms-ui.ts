import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/chromium.mjs';
import { CHROMIUM_ARGS } from '../e2e/support/chromium';
import { copySampleDesk, ensureRendererBuilt, startDeskServer } from '../e2e/support/desk-server';
import { makeLargeStory } from './fixtures';

// A keystroke in a take's Summary field of the Takes panel until the editor's
// text, the preview and the counts show it (issue 5), in Chromium against
// desk serve, on the reference story and on the 300-take story. Measured in
// the page: from the keydown (capture, before anyone handles it) to the first
// moment all three hold, checked after the keystroke's task and its
// microtasks (React's render of the panel included), then on every mutation.
// Baseline from the same run: the same keystrokes typed in the editor with
// the Preview tab showing (no form panel), until the preview shows them.

const KEYSTROKES = 100;
const REFERENCE_TITLE =
  'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no';
const LARGE_SLUG = 'forms-bench-large';
const LARGE_TITLE = 'Forms bench: three hundred takes';

interface Arm {
  summary: string;
  take: number;
  previewKey: string;
  counts: string | null;
}

/** Installed in the page: arm() before a keystroke, then await window.__formBench.result. */
function installProbe(): void {
  type Probe = { result: Promise<number> | null; arm(a: Arm): void };
  const w = window as unknown as { __formBench: Probe };
  const editorView = () => {
    const host = [...document.querySelectorAll('*')].find((el) =>
      el.shadowRoot?.querySelector('.cm-content'),
    );
    const content = host!.shadowRoot!.querySelector('.cm-content') as unknown as {
      cmTile: { root: { view: { state: { doc: { toString(): string } } } } };
    };
    return content.cmTile.root.view;
  };
  w.__formBench = {
    result: null,
    arm(a: Arm) {
      const view = editorView();
      const preview = document.querySelector('.sd-preview')!;
      const counts = document.querySelector('[data-counts]');
      const host = [...document.querySelectorAll('*')].find((el) =>
        el.shadowRoot?.querySelector('.cm-content'),
      )!;
      w.__formBench.result = new Promise<number>((resolve) => {
        let t0 = -1;
        let done = false;
        const holds = () =>
          view.state.doc.toString().includes(`— ${a.summary}\n`) &&
          (preview.querySelector(`[data-take="${a.previewKey}"]`)?.textContent ?? '').includes(
            a.summary,
          ) &&
          (a.counts === null || (counts?.textContent ?? '') === a.counts);
        const finish = () => {
          if (done || t0 < 0 || !holds()) return;
          done = true;
          const t = performance.now() - t0;
          observer.disconnect();
          resolve(t);
        };
        const observer = new MutationObserver(finish);
        // Never wait forever: a keystroke that does not show is a failure, reported as such.
        setTimeout(() => {
          if (done) return;
          done = true;
          observer.disconnect();
          const take = preview.querySelector(`[data-take="${a.previewKey}"]`)?.textContent ?? '';
          console.error(
            JSON.stringify({
              t0,
              editor: view.state.doc.toString().includes(`— ${a.summary}\n`),
              preview: take.includes(a.summary),
              counts: counts?.textContent,
              want: a.counts,
              tail: take.slice(-80),
            }),
          );
          resolve(-1);
        }, 5000);
        observer.observe(preview, { subtree: true, childList: true, characterData: true });
        observer.observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true });
        if (counts)
          observer.observe(counts, { subtree: true, childList: true, characterData: true });
        window.addEventListener(
          'keydown',
          () => {
            t0 = performance.now();
            // After this task and its microtasks: React has rendered the panel by then.
            const channel = new MessageChannel();
            channel.port1.onmessage = finish;
            channel.port2.postMessage(0);
          },
          { capture: true, once: true },
        );
      });
    },
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function openStory(page: Page, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('');
  await page.getByRole('option').getByText(title, { exact: true }).click();
  await page
    .getByRole('tablist', { name: 'Open stories' })
    .getByRole('tab', { name: title })
    .waitFor();
}

async function typeMeasured(
  page: Page,
  base: string,
  arm: Omit<Arm, 'summary'>,
): Promise<number[]> {
  const times: number[] = [];
  let summary = base;
  for (let i = 0; i < KEYSTROKES; i++) {
    const ch = 'abcdefghi '[i % 10]!;
    summary += ch;
    await page.evaluate(
      (a) => (window as unknown as { __formBench: { arm(a: Arm): void } }).__formBench.arm(a),
      {
        ...arm,
        summary,
      },
    );
    await page.keyboard.type(ch);
    const t = await page.evaluate(
      () => (window as unknown as { __formBench: { result: Promise<number> } }).__formBench.result,
    );
    if (t < 0) throw new Error(`keystroke ${i + 1} (“${ch}”) did not show within 5 s`);
    times.push(t);
  }
  return times;
}

async function measureStory(
  page: Page,
  title: string,
): Promise<{ form: number[]; editor: number[] }> {
  await openStory(page, title);
  const tablist = page.getByRole('tablist', { name: 'Side panel views' });
  await tablist.getByRole('tab', { name: 'Takes', exact: true }).click();
  const region = page.getByRole('region', { name: 'Takes form' });
  const summary = region
    .getByRole('group', { name: /^Take 1: / })
    .getByLabel('Summary', { exact: true });
  await summary.waitFor();
  await summary.click();
  await summary.press('Control+End');
  const base = await summary.inputValue();
  const counts = (await region.locator('[data-counts]').textContent()) ?? '';
  // tsx keeps function names with an `__name` helper the page does not have.
  await page.evaluate('globalThis.__name = (target) => target');
  await page.evaluate(installProbe);
  const form = await typeMeasured(page, base, { take: 0, previewKey: '0.0', counts });

  // Baseline: the same keystrokes in the editor, the Preview tab showing.
  await tablist.getByRole('tab', { name: 'Preview', exact: true }).click();
  const after = base + 'abcdefghi '.repeat(KEYSTROKES / 10);
  await page.evaluate((needle) => {
    const host = [...document.querySelectorAll('*')].find((el) =>
      el.shadowRoot?.querySelector('.cm-content'),
    )!;
    const view = (
      host.shadowRoot!.querySelector('.cm-content') as unknown as {
        cmTile: {
          root: {
            view: {
              state: { doc: { toString(): string } };
              dispatch(s: unknown): void;
              focus(): void;
            };
          };
        };
      }
    ).cmTile.root.view;
    const at = view.state.doc.toString().indexOf(needle) + needle.length;
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  }, `— ${after}`);
  const editor = await typeMeasured(page, after, { take: 0, previewKey: '0.0', counts: null });
  return { form, editor };
}

export async function benchFormsUi(): Promise<Record<string, number>> {
  await ensureRendererBuilt();
  const desk = copySampleDesk();
  const large = makeLargeStory(300, 12)
    .replace(/^# .*$/m, `# ${LARGE_TITLE}`)
    .replace(/\/n\/ukraine-russia-geneva-territory-talks$/m, `/n/${LARGE_SLUG}`);
  writeFileSync(join(desk, 'stories', `${LARGE_SLUG}.md`), large);
  const server = await startDeskServer(desk);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    page.on('crash', () => console.error('forms-ui: the page crashed'));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`forms-ui: ${m.text()}`);
    });
    page.on('pageerror', (e) => console.error(`forms-ui: page error: ${e.message}`));
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search stories' }).waitFor();
    const ref = await measureStory(page, REFERENCE_TITLE);
    const big = await measureStory(page, LARGE_TITLE);
    return {
      formEditP50Ms: round(quantile(ref.form, 0.5)),
      formEditP95Ms: round(quantile(ref.form, 0.95)),
      formEditLargeP50Ms: round(quantile(big.form, 0.5)),
      formEditLargeP95Ms: round(quantile(big.form, 0.95)),
      editorTypeP50Ms: round(quantile(ref.editor, 0.5)),
      editorTypeP95Ms: round(quantile(ref.editor, 0.95)),
      editorTypeLargeP50Ms: round(quantile(big.editor, 0.5)),
      editorTypeLargeP95Ms: round(quantile(big.editor, 0.95)),
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dirname(desk), { recursive: true, force: true });
  }
}
