import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { atomicWriteFileSync } from './atomic-write';

// The draft journal: the editor's unsaved text, written as the user types, so
// that a crash or a lost connection loses nothing. A draft goes when its story
// is saved or the user discards it.

export const Draft = z.object({
  slug: z.string(),
  text: z.string(),
  /** The hash of the file the draft was based on, to tell whether the file moved on since. */
  baseHash: z.string().nullable(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export class DeskDrafts {
  constructor(private readonly dir: string) {}

  private path(slug: string) {
    return join(this.dir, `${slug}.json`);
  }

  put(input: { slug: string; text: string; baseHash: string | null }): void {
    const draft: Draft = { ...input, updatedAt: new Date().toISOString() };
    atomicWriteFileSync(this.path(input.slug), JSON.stringify(draft));
  }

  list(): Draft[] {
    let files: string[];
    try {
      files = readdirSync(this.dir);
    } catch {
      return [];
    }
    const drafts: Draft[] = [];
    for (const file of files) {
      if (!file.endsWith('.json')) continue;
      try {
        const parsed = Draft.safeParse(JSON.parse(readFileSync(join(this.dir, file), 'utf8')));
        if (parsed.success) drafts.push(parsed.data);
      } catch {
        // A torn or foreign file in the journal is skipped, never deleted.
      }
    }
    return drafts.sort((a, b) => a.slug.localeCompare(b.slug));
  }

  discard(slug: string): void {
    if (existsSync(this.path(slug))) unlinkSync(this.path(slug));
  }

  move(from: string, to: string): void {
    if (!existsSync(this.path(from))) return;
    let draft;
    try {
      draft = Draft.safeParse(JSON.parse(readFileSync(this.path(from), 'utf8')));
    } catch {
      return; // A torn or foreign file is skipped, never deleted, as in list().
    }
    if (!draft.success) return;
    this.put({ ...draft.data, slug: to });
    unlinkSync(this.path(from));
  }
}
