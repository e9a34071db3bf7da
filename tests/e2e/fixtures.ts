import { test as base, expect } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  copySampleDesk,
  ensureRendererBuilt,
  startDeskServer,
  type DeskServer,
} from './support/desk-server';
import { WorkbenchPage } from './pages/workbench-page';

export interface Desk {
  root: string;
  url: string;
  server: DeskServer;
  storyPath(slug: string): string;
  readStory(slug: string): string;
  writeStory(slug: string, text: string): void;
}

export const test = base.extend<{ desk: Desk; workbench: WorkbenchPage }, { renderer: void }>({
  renderer: [
    // Playwright reads a fixture's dependencies from its first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await ensureRendererBuilt();
      await use();
    },
    { scope: 'worker', auto: true, timeout: 300_000 },
  ],
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const root = copySampleDesk();
    const server = await startDeskServer(root);
    const storyPath = (slug: string) => path.join(root, 'stories', `${slug}.md`);
    await use({
      root,
      url: server.url,
      server,
      storyPath,
      readStory: (slug) => readFileSync(storyPath(slug), 'utf8'),
      writeStory: (slug, text) => writeFileSync(storyPath(slug), text),
    });
    await server.stop();
    rmSync(path.dirname(root), { recursive: true, force: true });
  },
  workbench: async ({ page, desk }, use) => {
    await use(await WorkbenchPage.open(page, desk.url));
  },
});

export { expect };
