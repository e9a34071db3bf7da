import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../../scripts/chromium.mjs';
import { CHROMIUM_ARGS } from '../e2e/support/chromium';
import {
  ROOT,
  copySampleDesk,
  ensureRendererBuilt,
  startDeskServer,
} from '../e2e/support/desk-server';

// `npm run screenshot`: docs/workbench.png, the README's picture of the real
// workbench (desk serve on a copy of the sample desk, in Chromium) with the
// reference story open in the editor and the preview, light theme. Written
// only when this is run; ImageMagick's `convert` makes it a small palette PNG.

const OUT = path.join(ROOT, 'docs', 'workbench.png');
const SUMMARY = 'diplomatic track is moving';

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  await ensureRendererBuilt();
  const desk = copySampleDesk();
  const server = await startDeskServer(desk);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const scratch = mkdtempSync(path.join(tmpdir(), 'storydesk-shot-'));
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 860 },
      colorScheme: 'light',
    });
    await page.goto(server.url);
    // A first start opens the reference story; wait until the preview shows it.
    await page.getByRole('textbox', { name: 'Story text' }).waitFor();
    await page.getByRole('region', { name: 'Preview' }).getByText(SUMMARY).first().waitFor();
    // The caret in the Summary, so the editor shows where one types.
    await page.getByRole('textbox', { name: 'Story text' }).focus();
    await page.keyboard.press('Control+Home');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const raw = path.join(scratch, 'raw.png');
    await page.screenshot({ path: raw });
    // 256 colours without dithering keep text crisp at a fraction of the size.
    execFileSync('convert', [raw, '-strip', '+dither', '-colors', '256', `PNG8:${OUT}`]);
    console.error(
      `wrote ${path.relative(ROOT, OUT)} (${Math.round(statSync(OUT).size / 1024)} KB)`,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(path.dirname(desk), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
