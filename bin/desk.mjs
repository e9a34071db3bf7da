#!/usr/bin/env node
// The `desk` command. It runs the TypeScript sources through tsx, so that
// `npm install` is the whole set-up: there is nothing to build first.
import { register } from 'tsx/cjs/api';
import { createRequire } from 'node:module';

register();
// `desk ls | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = createRequire(import.meta.url)('../src/main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
