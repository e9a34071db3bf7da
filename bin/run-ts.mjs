#!/usr/bin/env node
// Runs a TypeScript entry point of this project under Node, compiling on the
// fly with tsx: the CLI and the benchmarks need no build step.
import { register } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts FILE.ts [args...]');
  process.exit(2);
}
register();
registerCjs();
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(resolve(entry)).href);
