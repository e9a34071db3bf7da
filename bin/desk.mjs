#!/usr/bin/env node
// The `desk` command. It runs the TypeScript sources through tsx, so that
// `npm install` is the whole set-up: there is nothing to build first.
import { register } from 'tsx/cjs/api';
import { createRequire } from 'node:module';

register();
const { main } = createRequire(import.meta.url)('../src/main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
