import type { LaunchOptions } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findChromium, INSTALL_HINT } from '../../../scripts/chromium.mjs';

// --no-sandbox: CI runs as root. The network flags: this machine's closed network refuses
// Chromium's background connections to Google's hosts, many at a time, at every start.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The system Chromium (scripts/chromium.mjs), remembered in CHROMIUM_PATH so Playwright's
 * workers inherit it. Undefined when none is found: launching then fails, never skips.
 */
export function chromiumPath(): string | undefined {
  const found = findChromium();
  if (!found) {
    console.error(INSTALL_HINT);
    return undefined;
  }
  process.env.CHROMIUM_PATH = found;
  return found;
}

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), args: CHROMIUM_ARGS };
}

/** Where a test saves what it captures (tests/artifacts/ is git-ignored); creates the folder. */
export function artifactPath(...parts: string[]): string {
  // __dirname, not import.meta: Playwright compiles specs to CommonJS (no "type": "module").
  const file = path.resolve(__dirname, '../../artifacts', ...parts);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
