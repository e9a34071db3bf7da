// `npm run test:e2e [-- playwright args]`: find Chromium, then run Playwright (all projects).
import { run } from './test.mjs';

process.exitCode = await run(['chromium', 'playwright'], process.argv.slice(2));
