import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The files need not exist: ESLint lints the text as if it lived at filePath.
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.mjs` });

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages;
}
const layerErrors = async (filePath: string, code: string) =>
  (await lint(filePath, code)).filter((m) => m.ruleId === 'local/layers' && m.severity === 2);

describe('local/layers rejects imports against the arrows', () => {
  it.each([
    ['src/shared/x.ts', "import fs from 'node:fs';"],
    ['src/shared/x.ts', "import { readFile } from 'fs/promises';"],
    ['src/shared/x.ts', "import { app } from 'electron';"],
    ['src/shared/x.ts', "import Database from 'better-sqlite3';"],
    ['src/shared/story/x.ts', "export * from '../../main/repository/y';"],
    ['src/shared/x.ts', "export const load = () => import('node:path');"],
    ['src/shared/x.ts', '/// <reference types="node" />'],
    ['src/main/repository/x.ts', "import { app } from 'electron';"],
    ['src/main/repository/x.ts', "const { app } = require('electron');"],
    ['src/main/repository/x.ts', "import { w } from '../electron/window';"],
    ['src/main/cli/x.ts', "import { BrowserWindow } from 'electron';"],
    ['src/main/serve/x.ts', "import { run } from '../cli/main';"],
    ['src/main/electron/x.ts', "import App from '../../renderer/App';"],
    ['src/preload/x.ts', "import { shell } from 'electron';"],
    ['src/preload/x.ts', "import { openDesk } from '../main/repository/desk';"],
    ['src/preload/x.ts', "import path from 'node:path';"],
    ['src/renderer/x.tsx', "import x from '../../main/cli/y';"],
    ['src/renderer/views/x.tsx', "import x from '../../main/cli/y';"],
    ['src/renderer/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/x.tsx', "import path from 'path';"],
    ['src/renderer/x.tsx', "import Database from 'better-sqlite3';"],
    ['src/renderer/x.tsx', "import { api } from '../preload/index';"],
    ['src/main/cli/x.ts', "import { fixture } from '../../../tests/fixtures/f';"],
  ])('%s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it('says why', async () => {
    const [error] = await layerErrors('src/shared/x.ts', "import fs from 'node:fs';");
    expect(error?.message).toMatch(/'node:fs' may not be imported in src\/shared: .*browsers/);
  });

  it.each(['src/unknownlayer/x.ts', 'src/main/x.ts', 'src/x.ts'])(
    '%s is in no layer',
    async (filePath) => {
      const [error] = await layerErrors(filePath, 'export const x = 1;');
      expect(error?.message).toMatch(/is in no layer/);
    },
  );
});

describe('local/layers accepts imports along the arrows', () => {
  it.each([
    ['src/shared/x.ts', "import { z } from 'zod';"],
    ['src/shared/x.ts', "import { parse } from 'yaml';"],
    ['src/shared/x.ts', "import MarkdownIt from 'markdown-it';"],
    ['src/shared/x.ts', "import Graph from 'graphology'; import l from 'graphology-layout';"],
    ['src/shared/render/x.ts', "import { parseStory } from '../story/parse';"],
    [
      'src/main/repository/x.ts',
      "import fs from 'node:fs'; import Database from 'better-sqlite3';",
    ],
    ['src/main/repository/x.ts', "import { Story } from '../../shared/story/model';"],
    [
      'src/main/cli/x.ts',
      "import { open } from '../repository/desk'; import { serve } from '../serve/server';",
    ],
    [
      'src/main/serve/x.ts',
      "import http from 'node:http'; import { open } from '../repository/desk';",
    ],
    ['src/main/electron/x.ts', "import { app, BrowserWindow } from 'electron';"],
    [
      'src/main/electron/x.ts',
      "import { open } from '../repository/desk'; import icon from '../../../resources/icon.png?asset';",
    ],
    [
      'src/preload/x.ts',
      "import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';",
    ],
    [
      'src/preload/x.ts',
      "import type { WebContents } from 'electron'; import { methods } from '../shared/api';",
    ],
    [
      'src/renderer/x.tsx',
      "import { useState } from 'react'; import { methods } from '../shared/api';",
    ],
    [
      'src/renderer/x.tsx',
      "import css from './app.css?inline'; import { View } from './views/View';",
    ],
    ['src/main/cli/x.test.ts', "import { app } from 'electron';"],
  ])('%s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});

describe('tests', () => {
  // Assembled, so that a search of the tree for focused tests does not find these samples.
  const only = ['.', 'only'].join('');
  it.each([`it${only}('a', () => {});`, `test.describe${only}('a', () => {});`])(
    'ban %s',
    async (code) => {
      const messages = await lint('tests/unit/x.test.ts', code);
      expect(messages.map((m) => m.message)).toContain(
        'no .only: it silently skips every other test in the run.',
      );
    },
  );
});
