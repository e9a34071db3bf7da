import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Desk } from './desk';
import { deskLayout } from './layout';

// The sample desk a first start opens. The app ships it read-only in
// resources/; the user gets a copy of their own (in the user-data folder), so
// what they write there is theirs and survives an update of the app.

/** The folders of resources/sample-desk that make a desk; the rest is scaffolded. */
const SHIPPED = ['stories', 'entities'] as const;

/**
 * Copies `resourcesDir/sample-desk` to `targetDir` when there is nothing
 * there yet, and never touches a desk that exists: a non-empty `targetDir`
 * is left as it is. Then fills in whatever of .desk/ and .gitignore is
 * missing. Returns `targetDir`.
 *
 * The copy is made beside the target and renamed into place, so a crash
 * mid-copy never leaves a half sample desk that a later start would take for
 * the user's; two first starts at once (the app and `desk serve`) end with
 * one copy.
 */
export function ensureSampleDesk(resourcesDir: string, targetDir: string): string {
  const source = path.join(resourcesDir, 'sample-desk');
  if (!isNonEmptyDir(targetDir)) {
    if (!existsSync(path.join(source, 'stories')))
      throw new Error(`The sample desk is missing from ${source}; reinstall StoryDesk.`);
    mkdirSync(path.dirname(targetDir), { recursive: true });
    const staging = `${targetDir}.copying-${process.pid}-${Date.now()}`;
    try {
      mkdirSync(staging);
      for (const folder of SHIPPED) {
        const from = path.join(source, folder);
        if (existsSync(from))
          cpSync(from, path.join(staging, folder), { recursive: true, errorOnExist: true });
      }
      // An empty target (made by hand, or by a previous run that failed) is replaced.
      if (existsSync(targetDir)) rmdirSync(targetDir);
      renameSync(staging, targetDir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another start won the race: its copy is as good as ours.
      if (!isNonEmptyDir(targetDir)) throw error;
    }
  }
  Desk.scaffold(deskLayout(targetDir));
  return targetDir;
}

function isNonEmptyDir(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // A file where the desk should be, or a folder we cannot read: say so rather than guess.
    throw error;
  }
}
