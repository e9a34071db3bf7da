import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// Deleted stories wait in .desk/trash/{id}/{slug}.md until restored. The id
// sorts by time, so the newest deletion is listed first.

export interface TrashItem {
  id: string;
  slug: string;
  deletedAt: string;
}

export class DeskTrash {
  constructor(private readonly dir: string) {}

  put(file: string, slug: string): string {
    const id = `${Date.now().toString(36).padStart(9, '0')}${randomBytes(2).toString('hex')}-${slug}`;
    mkdirSync(join(this.dir, id), { recursive: true });
    renameSync(file, join(this.dir, id, `${slug}.md`));
    return id;
  }

  list(): TrashItem[] {
    let ids: string[];
    try {
      ids = readdirSync(this.dir);
    } catch {
      return [];
    }
    return ids
      .map((id) => this.get(id))
      .filter((item): item is TrashItem => item !== undefined)
      .sort((a, b) => b.id.localeCompare(a.id));
  }

  get(id: string): TrashItem | undefined {
    if (!/^[a-z0-9]+-[a-z0-9-]+$/.test(id)) return undefined;
    try {
      const file = readdirSync(join(this.dir, id)).find((f) => f.endsWith('.md'));
      if (!file) return undefined;
      const deletedAt = statSync(join(this.dir, id)).mtime.toISOString();
      return { id, slug: file.slice(0, -3), deletedAt };
    } catch {
      return undefined;
    }
  }

  /** The trashed story's text; the trash entry is removed. */
  take(id: string): string {
    const item = this.get(id);
    if (!item) throw new Error('That story is no longer in the trash.');
    const text = readFileSync(join(this.dir, id, `${item.slug}.md`), 'utf8');
    rmSync(join(this.dir, id), { recursive: true, force: true });
    return text;
  }

  /** Deletes every trashed story for good; returns how many there were. */
  empty(): number {
    const items = this.list();
    for (const item of items) rmSync(join(this.dir, item.id), { recursive: true, force: true });
    return items.length;
  }
}
