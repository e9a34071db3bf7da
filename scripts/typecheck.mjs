// Type-checks every layer config referenced by tsconfig.json, each with its own lib/types,
// two at a time (2-core machines). Not `tsc -b`: a layer that has no files yet (TS18003)
// must not fail the run, and the configs are noEmit, not composite.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
// tsconfig.json may hold comments; only its "path" strings are needed.
const configs = [
  ...readFileSync(path.join(root, 'tsconfig.json'), 'utf8').matchAll(/"path":\s*"([^"]+)"/g),
].map((m) => m[1]);

function check(config) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [tsc, '-p', config, '--pretty', String(Boolean(process.stdout.isTTY))],
      { cwd: root },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const errors = out.match(/error.*?TS\d+/g) ?? [];
      const empty = code !== 0 && errors.length > 0 && errors.every((e) => e.endsWith('TS18003'));
      resolve({
        config,
        code: empty ? 0 : code,
        out: empty ? '' : out,
        note: empty ? 'no files yet' : '',
      });
    });
  });
}

const queue = [...configs];
const results = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let c; (c = queue.shift());) {
      const r = await check(c);
      results.push(r);
      process.stdout.write(r.out);
      console.log(
        `typecheck ${r.config}: ${r.code === 0 ? 'ok' : 'FAILED'}${r.note ? ` (${r.note})` : ''}`,
      );
    }
  }),
);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
