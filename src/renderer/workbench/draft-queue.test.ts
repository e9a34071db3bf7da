import { describe, expect, test } from 'vitest';
import { DraftQueue, queuedDraftsInBrowser, type DraftStorage } from './draft-queue';

/** Web Storage over a Map; `full` makes every write throw as a full quota does. */
class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('DraftQueue', () => {
  test('what one page queues, the next page on the same desk finds; other desks do not', () => {
    const storage = new MemoryStorage();
    const a = new DraftQueue('/desks/night', storage);
    a.set('story-a', { text: 'typed offline\n', baseHash: 'h1' });
    a.set('story-b', { text: 'new story\n', baseHash: null });
    a.set('story-a', { text: 'typed offline, more\n', baseHash: 'h1' });

    const reloaded = new DraftQueue('/desks/night', storage);
    expect(reloaded.entries()).toEqual([
      ['story-a', { text: 'typed offline, more\n', baseHash: 'h1' }],
      ['story-b', { text: 'new story\n', baseHash: null }],
    ]);
    expect(new DraftQueue('/desks/day', storage).size).toBe(0);
    expect(queuedDraftsInBrowser(storage)).toBe(2);
  });

  test('a delivered draft leaves storage; a newer one typed meanwhile stays', () => {
    const storage = new MemoryStorage();
    const q = new DraftQueue('/d', storage);
    q.set('s', { text: 'one', baseHash: null });
    const sent = q.get('s')!;
    q.set('s', { text: 'one two', baseHash: null });
    expect(q.delete('s', sent)).toBe(false);
    expect(new DraftQueue('/d', storage).get('s')).toEqual({ text: 'one two', baseHash: null });
    expect(q.delete('s', q.get('s'))).toBe(true);
    expect(storage.items.size).toBe(0);
    expect(new DraftQueue('/d', storage).size).toBe(0);
  });

  test('no storage, a full one, or garbage in it: the queue still works in memory', () => {
    const none = new DraftQueue('/d', null);
    none.set('s', { text: 't', baseHash: null });
    expect(none.size).toBe(1);

    const storage = new MemoryStorage();
    storage.full = true;
    const full = new DraftQueue('/d', storage);
    full.set('s', { text: 't', baseHash: null });
    expect(full.get('s')).toEqual({ text: 't', baseHash: null });

    storage.full = false;
    storage.items.set('storydesk.queued-drafts:/g', '{not json');
    storage.items.set(
      'storydesk.queued-drafts:/h',
      '{"ok":{"text":"t","baseHash":null},"bad":{"text":1}}',
    );
    expect(new DraftQueue('/g', storage).size).toBe(0);
    expect(new DraftQueue('/h', storage).entries()).toEqual([
      ['ok', { text: 't', baseHash: null }],
    ]);
  });
});
