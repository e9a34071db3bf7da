// The child of src/main/repository/crash.test.ts: saves large stories with the
// repository's own atomicWriteFileSync, in an endless loop, until the test
// kills it (SIGKILL) at a random moment. Each file alternates between two known
// texts, {name}.a.md and {name}.b.md in TEXTS_DIR; the alternation carries on
// from whatever a previous (killed) writer left on disk.
//
//   node tests/support/crash-writer.mjs TEXTS_DIR STORIES_DIR NAME...
//
// Prints `ready` once loaded, then waits for a `go` line on stdin (so a test can
// start the next writer while the current one runs), then prints `saved` after
// each completed save (stdout to a pipe is synchronous on Linux, so a printed
// line is a finished save).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const [textsDir, storiesDir, ...names] = process.argv.slice(2);
if (!textsDir || !storiesDir || names.length === 0) {
  console.error('usage: crash-writer.mjs TEXTS_DIR STORIES_DIR NAME...');
  process.exit(2);
}
const { atomicWriteFileSync } = await tsImport(
  '../../src/main/repository/atomic-write.ts',
  import.meta.url,
);
const texts = names.map((name) => [
  readFileSync(join(textsDir, `${name}.a.md`), 'utf8'),
  readFileSync(join(textsDir, `${name}.b.md`), 'utf8'),
]);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
const next = names.map((name, i) =>
  readFileSync(join(storiesDir, `${name}.md`), 'utf8') === texts[i][0] ? 1 : 0,
);
for (let i = 0; ; i = (i + 1) % names.length) {
  atomicWriteFileSync(join(storiesDir, `${names[i]}.md`), texts[i][next[i]]);
  next[i] = 1 - next[i];
  process.stdout.write('saved\n');
}
