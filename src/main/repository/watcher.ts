import { watch, type FSWatcher } from 'node:fs';

// Notices story files changed by other programs (an editor, a git pull) and
// asks the desk to look again. Events for one file are coalesced: editors
// write in bursts, and one look after the burst is enough.

const SETTLE_MS = 60;

export class StoryWatcher {
  private readonly watcher: FSWatcher;
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(dir: string, onChange: (slug: string) => void) {
    this.watcher = watch(dir, { persistent: false }, (_event, filename) => {
      const name = filename?.toString();
      if (!name || !name.endsWith('.md') || name.startsWith('.')) return;
      const slug = name.slice(0, -3);
      clearTimeout(this.pending.get(slug));
      this.pending.set(
        slug,
        setTimeout(() => {
          this.pending.delete(slug);
          try {
            onChange(slug);
          } catch (e) {
            console.error(`Could not re-read stories/${name}:`, e);
          }
        }, SETTLE_MS),
      );
    });
    this.watcher.on('error', (e) => console.error('The story watcher stopped:', e));
  }

  close(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    this.watcher.close();
  }
}
