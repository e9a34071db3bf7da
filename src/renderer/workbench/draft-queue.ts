// Drafts the server could not take (it was away, or refused this page): the
// newest text per story, kept in this browser's localStorage per desk, so a
// page reloaded, closed or crashed before the server came back loses none of
// it. The next start on that desk hands them to the draft journal, which
// offers each back. Storage may be missing or full (a privacy setting, a
// quota): the queue then lives in memory only, as long as the page.

export interface QueuedDraft {
  readonly text: string;
  readonly baseHash: string | null;
}

/** The part of the Web Storage API the queue uses (tests pass their own). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'storydesk.queued-drafts:';

export class DraftQueue {
  private readonly drafts = new Map<string, QueuedDraft>();
  private readonly key: string;

  /** The queue of the desk at `root`, with whatever an earlier page left in `storage`. */
  constructor(
    root: string,
    private readonly storage: DraftStorage | null = defaultStorage(),
  ) {
    this.key = PREFIX + root;
    for (const [slug, draft] of readStored(this.storage, this.key)) this.drafts.set(slug, draft);
  }

  get size(): number {
    return this.drafts.size;
  }

  get(slug: string): QueuedDraft | undefined {
    return this.drafts.get(slug);
  }

  entries(): [string, QueuedDraft][] {
    return [...this.drafts];
  }

  set(slug: string, draft: QueuedDraft): void {
    this.drafts.set(slug, draft);
    this.store();
  }

  /** Drops `slug`'s draft; with `only`, only while it is still that one (newer text stays). */
  delete(slug: string, only?: QueuedDraft): boolean {
    if (only && this.drafts.get(slug) !== only) return false;
    if (!this.drafts.delete(slug)) return false;
    this.store();
    return true;
  }

  private store(): void {
    if (!this.storage) return;
    try {
      if (this.drafts.size === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(Object.fromEntries(this.drafts)));
    } catch {
      // Full or refused: the drafts stay in memory, and go to the server when it answers.
    }
  }
}

/** How many drafts this browser keeps for any desk: what a page that cannot open its desk can still say. */
export function queuedDraftsInBrowser(storage: DraftStorage | null = defaultStorage()): number {
  if (!storage) return 0;
  let n = 0;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) n += readStored(storage, key).length;
    }
  } catch {
    return n;
  }
  return n;
}

function readStored(storage: DraftStorage | null, key: string): [string, QueuedDraft][] {
  if (!storage) return [];
  try {
    const data = JSON.parse(storage.getItem(key) ?? '{}') as Record<string, unknown>;
    const out: [string, QueuedDraft][] = [];
    for (const [slug, value] of Object.entries(data)) {
      const d = value as Partial<QueuedDraft> | null;
      if (
        d &&
        typeof d.text === 'string' &&
        (typeof d.baseHash === 'string' || d.baseHash === null)
      )
        out.push([slug, { text: d.text, baseHash: d.baseHash }]);
    }
    return out;
  } catch {
    return [];
  }
}

function defaultStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
