import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers, AppInfo } from '../../shared/api';

// What the shell can answer before the repository exists: who it is, and the
// reference story it ships. Nothing here knows about Electron; the caller
// passes in what only Electron knows (name, version, where resources live).

/** Desk-relative, as `story.sample` reports it. */
export const SAMPLE_STORY_PATH = 'stories/ukraine-russia-geneva-territory-talks.md';

export interface ShellHandlersOptions {
  readonly name: string;
  readonly version: string;
  readonly transport: AppInfo['transport'];
  /** The sample desk that ships in resources/. */
  readonly sampleDeskDir: string;
}

export function createShellHandlers(options: ShellHandlersOptions): ApiHandlers {
  return {
    'app.info': () => ({
      name: options.name,
      version: options.version,
      transport: options.transport,
    }),
    'story.sample': async () => ({
      path: SAMPLE_STORY_PATH,
      text: await readFile(
        path.join(options.sampleDeskDir, ...SAMPLE_STORY_PATH.split('/')),
        'utf8',
      ),
    }),
  };
}
