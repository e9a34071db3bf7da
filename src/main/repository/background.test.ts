import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseEntityFile } from '../../shared/entity';
import {
  REFERENCE_SLUG,
  openDesk,
  readTexts,
  recordEvents,
  tempDesk,
} from '../../../tests/support/temp-desk';
import type { Desk } from './desk';
import { StoryIndex } from './index/story-index';

// A big open (a cold desk of thousands of stories) lists every story at once
// and leaves the full-text index, its upkeep and the entity files it creates to
// the background. The sample desk stands in for a big one here, with the
// threshold lowered: what a search, a save, a close or the next open sees
// must be what a small desk, done all at once, would give.

const SEARCH = { filters: {}, limit: 50 };
const BIG = { backgroundFrom: 2 };

/** The sample desk without its entity files: an open creates them. */
function deskWithoutEntities(): string {
  const dir = tempDesk();
  for (const file of readdirSync(join(dir, 'entities'))) rmSync(join(dir, 'entities', file));
  return dir;
}

/** What SQLite and FTS5 find wrong with a desk's index, once the desk is closed. */
function indexProblems(dir: string, desk: Desk): string[] {
  desk.close();
  const { index, problem } = StoryIndex.open(join(dir, '.desk', 'cache', 'index.sqlite'));
  try {
    expect(problem).toBeNull();
    return index.check();
  } finally {
    index.close();
  }
}

function slugsOf(desk: Desk, text: string): string[] {
  return desk
    .search({ text, ...SEARCH })
    .hits.map((h) => h.slug)
    .sort();
}

describe('a big open', () => {
  test('lists every story at once; search covers all once whenIndexed resolves', async () => {
    const dir = deskWithoutEntities();
    const plain = openDesk(deskWithoutEntities());
    const desk = openDesk(dir, BIG);
    const events = recordEvents(desk);
    expect(desk.listStories()).toEqual(plain.listStories());
    expect(desk.facets()).toEqual(plain.facets());
    expect(desk.storiesLinking('putin-ukraine-deep-strikes-summer')).toEqual(
      plain.storiesLinking('putin-ukraine-deep-strikes-summer'),
    );
    // Meanwhile a search finds only what is indexed, and never fails.
    expect(slugsOf(plain, 'Anchorage')).toContain(REFERENCE_SLUG);
    expect(() => desk.search({ text: 'Anchorage', ...SEARCH })).not.toThrow();

    await desk.whenIndexed();
    expect(events.filter((e) => e.type === 'index.ready')).toEqual([
      { type: 'index.ready', stories: 11, ms: expect.any(Number) },
    ]);
    for (const text of ['Anchorage', 'Zelensky', 'gas storage', 'Ankara', '北京'])
      expect(slugsOf(desk, text), text).toEqual(slugsOf(plain, text));
    expect(desk.search({ text: 'Anchorage', ...SEARCH })).toEqual(
      plain.search({ text: 'Anchorage', ...SEARCH }),
    );
    await desk.whenSettled();
    expect(indexProblems(dir, desk)).toEqual([]);
  });

  test('writes the entity files it creates in the background, as an open done at once would', async () => {
    const dir = deskWithoutEntities();
    const plainDir = deskWithoutEntities();
    const plain = openDesk(plainDir);
    const desk = openDesk(dir, BIG);
    expect(desk.listEntities()).toEqual(plain.listEntities());
    await desk.whenSettled();
    const entities = (d: string) =>
      new Map([...readTexts(d)].filter(([path]) => path.startsWith('entities/')));
    expect(entities(dir)).toEqual(entities(plainDir));
    expect(entities(dir).size).toBeGreaterThan(10);
    for (const [path, text] of entities(dir))
      expect(parseEntityFile(text, path).problem, path).toBeNull();
    // Nothing left beside them.
    expect(readdirSync(join(dir, 'entities')).filter((f) => !f.endsWith('.md'))).toEqual([]);
  });

  test('a close before the background is done writes the entity files, and the next open finishes indexing', async () => {
    const dir = deskWithoutEntities();
    const plainDir = deskWithoutEntities();
    const plain = openDesk(plainDir);
    const first = openDesk(dir, BIG);
    first.close();
    const entities = (d: string) =>
      [...readTexts(d)].filter(([path]) => path.startsWith('entities/'));
    expect(entities(dir)).toEqual(entities(plainDir));

    const again = openDesk(dir);
    expect(again.problems).toEqual([]);
    await again.whenIndexed();
    expect(slugsOf(again, 'Anchorage')).toEqual(slugsOf(plain, 'Anchorage'));
    expect(again.listStories()).toEqual(plain.listStories());
    expect(indexProblems(dir, again)).toEqual([]);
  });

  test('a save while the background runs is searchable at once, and stays so', async () => {
    const dir = deskWithoutEntities();
    const desk = openDesk(dir, BIG);
    const { text, hash } = desk.readStory(REFERENCE_SLUG);
    const saved = desk.saveStory({
      slug: REFERENCE_SLUG,
      text: text.replace('# Ukraine-Russia talks', '# Quokka talks'),
      baseHash: hash,
    });
    expect(saved.ok).toBe(true);
    expect(slugsOf(desk, 'Quokka')).toEqual([REFERENCE_SLUG]);
    await desk.whenSettled();
    expect(slugsOf(desk, 'Quokka')).toEqual([REFERENCE_SLUG]);
    expect(indexProblems(dir, desk)).toEqual([]);
  });
});

describe('the entity registry kept with the index', () => {
  test('a warm open reads the registry from the index, and the files are checked after', async () => {
    const dir = tempDesk();
    const first = openDesk(dir);
    await first.whenSettled();
    const before = first.listEntities();
    first.close();

    const warm = openDesk(dir);
    expect(warm.listEntities()).toEqual(before);
    await warm.whenSettled();
    warm.close();

    // An entity file edited in place by another program: the folder does not change.
    const path = join(dir, 'entities', 'naftogaz.md');
    const edited = readTexts(dir)
      .get('entities/naftogaz.md')!
      .replace(/kind: \w+/, 'kind: place');
    writeFileSync(path, edited);
    const next = openDesk(dir);
    const events = recordEvents(next);
    await next.whenSettled();
    expect(next.getEntity('naftogaz').kind).toBe('place');
    expect(events).toContainEqual({ type: 'entities.changed', slugs: ['naftogaz'] });
  });

  test('an entity file added or removed while the desk was closed is seen at the next open', () => {
    const dir = tempDesk();
    openDesk(dir).close();
    writeFileSync(
      join(dir, 'entities', 'mette-frederiksen.md'),
      '---\nname: Mette Frederiksen\naliases: []\nkind: person\n---\n',
    );
    rmSync(join(dir, 'entities', 'naftogaz.md'));
    const desk = openDesk(dir);
    expect(desk.getEntity('mette-frederiksen').kind).toBe('person');
    expect(() => desk.getEntity('naftogaz')).toThrow();
  });
});
