// `npm test`: typecheck, lint, unit tests (vitest), Chromium, Playwright (e2e + electron).
// Streams each step, stops at the first failure, then prints a summary table and, last,
// `N passed, N failed[, N skipped]` over unit + Playwright tests, counted from their JSON reports.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'tests/artifacts/reports');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const SPEC = /\.(spec|test)\.[cm]?[jt]sx?$/;

function exec(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`${cmd}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function specFiles(dir) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true }).filter((f) => SPEC.test(f));
}

const onPath = (name) =>
  (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, name)));

async function unit() {
  const file = path.join(reports, 'vitest.json');
  rmSync(file, { force: true });
  const code = await exec(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const r = readJson(file);
  const counts = r && {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
  return { code, counts };
}

function chromium() {
  try {
    process.env.CHROMIUM_PATH = ensureChromium();
    console.log(`Chromium: ${process.env.CHROMIUM_PATH}`);
    return { code: 0, note: process.env.CHROMIUM_PATH };
  } catch (error) {
    console.error(error.message);
    return { code: 1 };
  }
}

// Tests per project in Playwright's JSON report, to catch spec files that yield no tests.
function testsPerProject(suites, into = {}) {
  for (const s of suites ?? []) {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests ?? []) into[t.projectName] = (into[t.projectName] ?? 0) + 1;
    }
    testsPerProject(s.suites, into);
  }
  return into;
}

async function playwright(extraArgs) {
  const dirs = { e2e: 'tests/e2e', electron: 'tests/electron' };
  const found = Object.fromEntries(Object.entries(dirs).map(([p, d]) => [p, specFiles(d).length]));
  for (const [project, n] of Object.entries(found)) {
    if (n === 0)
      console.log(`${dirs[project]} has no specs yet: the ${project} project runs nothing.`);
  }
  if (found.e2e + found.electron === 0)
    return { code: 0, counts: { passed: 0, failed: 0, skipped: 0 } };

  const file = path.join(reports, 'playwright.json');
  rmSync(file, { force: true });
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: file };
  let cmd = bin('playwright');
  let args = ['test', '--reporter=list,json', ...extraArgs];
  // Electron windows need a display; headless CI has none, so give it a virtual one.
  if (process.platform === 'linux' && !process.env.DISPLAY && onPath('xvfb-run')) {
    args = ['-a', '-s', '-screen 0 1920x1080x24', cmd, ...args];
    cmd = 'xvfb-run';
  }
  let code = await exec(cmd, args, env);
  const r = readJson(file);
  const counts = r && {
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  };
  if (r && extraArgs.length === 0) {
    const ran = testsPerProject(r.suites);
    for (const [project, n] of Object.entries(found)) {
      if (n > 0 && !ran[project]) {
        console.error(
          `${dirs[project]} has ${n} spec file(s) but Playwright found no tests in them.`,
        );
        code ||= 1;
      }
    }
  }
  return { code, counts };
}

const STEPS = {
  typecheck: () => exec('npm', ['run', '--silent', 'typecheck']),
  lint: () => exec('npm', ['run', '--silent', 'lint']),
  unit,
  chromium,
  playwright,
};

/** Runs the named steps in order; returns the exit code. Extra args go to Playwright. */
export async function run(names, extraArgs = []) {
  mkdirSync(reports, { recursive: true });
  const rows = [];
  let failed = null;
  for (const name of names) {
    if (failed) {
      rows.push({ name, status: 'not run' });
      continue;
    }
    console.log(`\n━━ ${name} ━━`);
    const start = Date.now();
    const out = await STEPS[name](extraArgs);
    const result = typeof out === 'number' ? { code: out } : out;
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    rows.push({ name, status: result.code === 0 ? 'ok' : 'FAILED', seconds, ...result });
    if (result.code !== 0) {
      failed = name;
      console.error(`\nstep '${name}' failed (exit ${result.code}); later steps not run.`);
    }
  }

  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log(`\n${'step'.padEnd(12)}${'status'.padEnd(9)}${'time'.padStart(7)}  tests`);
  for (const row of rows) {
    for (const k of Object.keys(total)) total[k] += row.counts?.[k] ?? 0;
    const detail = row.counts
      ? `${row.counts.passed} passed, ${row.counts.failed} failed, ${row.counts.skipped} skipped`
      : (row.note ?? '');
    const time = row.seconds ? `${row.seconds}s` : '';
    console.log(`${row.name.padEnd(12)}${row.status.padEnd(9)}${time.padStart(7)}  ${detail}`);
  }
  if (failed) console.log(`FAILED at step '${failed}'.`);
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
  );
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await run(['typecheck', 'lint', 'unit', 'chromium', 'playwright']);
}
