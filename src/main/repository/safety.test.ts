import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SETTINGS_SCHEMA_VERSION, defaultSettings } from '../../shared/desk';
import {
  REFERENCE_SLUG,
  openDesk,
  readStoryFile,
  snapshot,
  storyFile,
  tempDesk,
  tempDir,
} from '../../../tests/support/temp-desk';
import { atomicWriteFileSync } from './atomic-write';
import { DeskError } from './desk';

const DEEP = 'putin-ukraine-deep-strikes-summer';
const SEARCH = { filters: {}, limit: 50 };

function settingsFile(dir: string) {
  return join(dir, '.desk', 'desk.json');
}

function writeSettings(dir: string, text: string) {
  mkdirSync(join(dir, '.desk'), { recursive: true });
  writeFileSync(settingsFile(dir), text);
}

describe('desk.json', () => {
  test('garbage: the desk opens with defaults, reports the file, leaves it alone and refuses settings changes', () => {
    const dir = tempDesk();
    const garbage = '{"name": "Kyiv desk", "baseUrl": \u0000\u0001 not json at all';
    writeSettings(dir, garbage);
    const desk = openDesk(dir);
    expect(desk.readOnly).toBe(false);
    expect(desk.settings).toEqual(defaultSettings(desk.settings.name));
    const problem = desk.problems.find((p) => p.path === '.desk/desk.json');
    expect(problem?.message).toMatch(/desk\.json cannot be read/);
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(garbage);

    expect(() => desk.updateSettings((s) => void (s.author = 'Aiko'))).toThrow(
      /desk\.json cannot be read.*fix or remove it/s,
    );
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(garbage);
    // Stories still work: only the settings are frozen.
    const { text, hash } = desk.readStory(DEEP);
    expect(desk.saveStory({ slug: DEEP, text: text + '\n', baseHash: hash }).ok).toBe(true);
    desk.close();
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(garbage);
  });

  test('valid JSON of the wrong shape is reported and kept too', () => {
    const dir = tempDesk();
    const wrong = JSON.stringify({ ...defaultSettings('Desk'), baseUrl: 'ftp://example.org/path' });
    writeSettings(dir, wrong);
    const desk = openDesk(dir);
    expect(desk.problems.find((p) => p.path === '.desk/desk.json')?.message).toMatch(/baseUrl/);
    expect(desk.settings.baseUrl).toBe('https://rbtfl.xyz');
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(wrong);
  });

  test('a version 0 (flat) file is migrated to the current schema', () => {
    const dir = tempDesk();
    const { vocabularies, schemaVersion: _v, ...rest } = defaultSettings('Old desk');
    void _v;
    const flat = {
      ...rest,
      name: 'Old desk',
      baseUrl: 'https://old.example.org',
      locale: 'de',
      author: 'Jan',
      ...vocabularies,
      types: ['story', 'brief', 'column'],
    };
    writeSettings(dir, JSON.stringify(flat));
    const desk = openDesk(dir);
    expect(desk.problems).toEqual([]);
    expect(desk.readOnly).toBe(false);
    expect(desk.settings).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      name: 'Old desk',
      baseUrl: 'https://old.example.org',
      locale: 'de',
      author: 'Jan',
      vocabularies: { ...vocabularies, types: ['story', 'brief', 'column'] },
    });
    const onDisk = JSON.parse(readFileSync(settingsFile(dir), 'utf8'));
    expect(onDisk).toEqual(desk.settings);
    expect(onDisk).not.toHaveProperty('types');
    // The migrated desk is an ordinary desk: its settings change, new stories use them.
    desk.updateSettings((s) => void (s.author = 'Jana'));
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8')).author).toBe('Jana');
    expect(desk.createStory({ slug: 'berlin-budget' }).text).toContain(
      'Canonical: https://old.example.org/de/n/berlin-budget',
    );
  });

  test('a newer schema version opens read-only: every write throws, nothing is touched', () => {
    const dir = tempDesk();
    const future = JSON.stringify(
      { ...defaultSettings('Future'), schemaVersion: 99, newField: { x: 1 } },
      null,
      2,
    );
    writeSettings(dir, future);
    // A story naming an entity the desk does not have yet: a writable desk would create its file.
    writeFileSync(
      storyFile(dir, DEEP),
      readStoryFile(dir, DEEP).replace('- Entities: ', '- Entities: Mette Frederiksen, '),
    );
    const before = snapshot(dir);
    const desk = openDesk(dir);
    expect(desk.readOnly).toBe(true);
    const problem = desk.problems.find((p) => p.path === '.desk/desk.json');
    expect(problem?.message).toMatch(/newer StoryDesk/);
    expect(problem?.message).toMatch(/99/);
    expect(problem?.message).toMatch(/read-only/);
    expect(desk.listStories()).toHaveLength(11);
    expect(desk.readStory(DEEP).text).toBe(readStoryFile(dir, DEEP));

    const { text, hash } = desk.readStory(DEEP);
    const attempts: [string, () => unknown][] = [
      ['save', () => desk.saveStory({ slug: DEEP, text: text + 'x', baseHash: hash })],
      ['create', () => desk.createStory({ slug: 'new-story' })],
      ['delete', () => desk.deleteStory(DEEP)],
      ['rename', () => desk.renameStory({ from: DEEP, to: 'other-slug' })],
      ['import', () => desk.importStories([{ name: 'x.md', text }], 'replace')],
      ['settings', () => desk.updateSettings((s) => void (s.author = 'x'))],
      ['entity kind', () => desk.setEntityKind('russia', 'place')],
      ['entity rename', () => desk.renameEntity('russia', 'Russian Federation')],
      ['entity merge', () => desk.mergeEntities('vladimir-putin', 'russia')],
    ];
    for (const [what, attempt] of attempts) {
      let error: unknown = null;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(DeskError);
      expect((error as DeskError).code, what).toBe('read-only');
      expect((error as DeskError).message, what).toMatch(/newer StoryDesk/);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(future);
  });
});

describe('stories that do not parse', () => {
  const GARBAGE = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe, 0x0a, 0xc3, 0x28,
  ]);
  const NO_LAYOUT = 'Just some notes about Kyiv.\nNo headline, no Meta line, no takes.\n';

  test('still list, with their diagnostics counted, and are named in desk.problems', () => {
    const dir = tempDesk();
    writeFileSync(storyFile(dir, 'garbage'), GARBAGE);
    writeFileSync(storyFile(dir, 'no-layout'), NO_LAYOUT);
    const desk = openDesk(dir);
    const stories = new Map(desk.listStories().map((s) => [s.slug, s]));
    expect(stories.size).toBe(13);
    for (const slug of ['garbage', 'no-layout']) {
      expect(stories.get(slug)!.errors, slug).toBeGreaterThan(0);
      expect(desk.readStory(slug).diagnostics.filter((d) => d.severity === 'error')).toHaveLength(
        stories.get(slug)!.errors,
      );
      const problem = desk.problems.find((p) => p.path === `stories/${slug}.md`);
      expect(problem?.message, slug).toMatch(/\d+ errors?, first at line \d+/);
    }
    // Kept as they were, and searchable as far as they go.
    expect(readFileSync(storyFile(dir, 'garbage'))).toEqual(GARBAGE);
    expect(readStoryFile(dir, 'no-layout')).toBe(NO_LAYOUT);
    expect(desk.search({ text: 'Kyiv', ...SEARCH }).hits.map((h) => h.slug)).toContain('no-layout');
  });

  test('a story file whose name is not a slug is reported, and every listed story can be read', () => {
    const dir = tempDesk();
    writeFileSync(join(dir, 'stories', 'My Notes.md'), readStoryFile(dir, DEEP));
    const desk = openDesk(dir);
    expect(desk.problems.map((p) => p.path)).toContain('stories/My Notes.md');
    for (const story of desk.listStories())
      expect(() => desk.readStory(story.slug), story.slug).not.toThrow();
  });

  test('are named in desk.problems again when the desk is reopened', () => {
    const dir = tempDesk();
    writeFileSync(storyFile(dir, 'no-layout'), NO_LAYOUT);
    openDesk(dir).close();
    const desk = openDesk(dir);
    expect(desk.listStories().find((s) => s.slug === 'no-layout')!.errors).toBeGreaterThan(0);
    expect(desk.problems.map((p) => p.path)).toContain('stories/no-layout.md');
  });

  test('a story broken while the desk was closed is named in desk.problems', () => {
    const dir = tempDesk();
    openDesk(dir).close();
    writeFileSync(storyFile(dir, DEEP), NO_LAYOUT);
    const desk = openDesk(dir);
    expect(desk.listStories().find((s) => s.slug === DEEP)!.errors).toBeGreaterThan(0);
    expect(desk.problems.map((p) => p.path)).toContain(`stories/${DEEP}.md`);
  });
});

describe('the index', () => {
  function indexFile(dir: string) {
    return join(dir, '.desk', 'cache', 'index.sqlite');
  }

  test('a deleted index.sqlite is rebuilt on reopen and search works', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const { text, hash } = desk.readStory(DEEP);
    desk.saveStory({
      slug: DEEP,
      text: text.replace('# Putin bets', '# Quokka bets'),
      baseHash: hash,
    });
    desk.close();
    rmSync(indexFile(dir));
    const again = openDesk(dir);
    expect(again.problems).toEqual([]);
    expect(existsSync(indexFile(dir))).toBe(true);
    expect(again.listStories()).toHaveLength(11);
    expect(again.search({ text: 'Quokka', ...SEARCH }).hits.map((h) => h.slug)).toEqual([DEEP]);
    expect(again.search({ text: 'Anchorage', ...SEARCH }).total).toBeGreaterThan(0);
    expect(again.storiesLinking(DEEP)).toHaveLength(4);
  });

  test('the whole cache folder deleted, even while another session had it open', () => {
    const dir = tempDesk();
    const first = openDesk(dir);
    expect(first.search({ text: 'Anchorage', ...SEARCH }).total).toBeGreaterThan(0);
    rmSync(join(dir, '.desk', 'cache'), { recursive: true });
    first.close();
    const desk = openDesk(dir);
    expect(desk.listStories()).toHaveLength(11);
    expect(desk.search({ text: 'Anchorage', ...SEARCH }).total).toBeGreaterThan(0);
  });

  test('a corrupt index.sqlite is reported, set aside, and rebuilt; search works', () => {
    const dir = tempDesk();
    mkdirSync(join(dir, '.desk', 'cache'), { recursive: true });
    writeFileSync(indexFile(dir), Buffer.alloc(8192, 'not a database, just garbage. '));
    const desk = openDesk(dir);
    const problem = desk.problems.find((p) => p.path === '.desk/cache/index.sqlite');
    expect(problem?.message).toMatch(/index/);
    expect(problem?.message).toMatch(/rebuilt/);
    expect(desk.listStories()).toHaveLength(11);
    const hits = desk.search({ text: 'Anchorage', ...SEARCH }).hits.map((h) => h.slug);
    expect(hits).toContain(REFERENCE_SLUG);
    // And the next open is clean.
    desk.close();
    expect(openDesk(dir).problems).toEqual([]);
  });

  test('an index whose stories changed on disk while the desk was closed catches up', () => {
    const dir = tempDesk();
    openDesk(dir).close();
    writeFileSync(
      storyFile(dir, DEEP),
      readStoryFile(dir, DEEP).replace('# Putin bets', '# Wombat bets'),
    );
    unlinkSync(storyFile(dir, REFERENCE_SLUG));
    const desk = openDesk(dir);
    expect(desk.listStories()).toHaveLength(10);
    expect(desk.search({ text: 'Wombat', ...SEARCH }).hits.map((h) => h.slug)).toEqual([DEEP]);
    expect(desk.search({ text: 'Anchorage', ...SEARCH }).hits.map((h) => h.slug)).not.toContain(
      REFERENCE_SLUG,
    );
  });
});

describe('atomicWriteFileSync', () => {
  test('writes the exact bytes and leaves no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'story.md');
    atomicWriteFileSync(path, 'first — «один»\n');
    expect(readFileSync(path, 'utf8')).toBe('first — «один»\n');
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252]);
    atomicWriteFileSync(path, bytes);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    atomicWriteFileSync(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(readdirSync(dir)).toEqual(['story.md']);
  });

  test('a failure leaves no temporary file behind and the old file as it was', () => {
    const dir = tempDir();
    // The target folder was removed: nothing is created anywhere.
    const gone = join(dir, 'gone');
    expect(() => atomicWriteFileSync(join(gone, 'story.md'), 'text')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);

    // The rename fails (the name is taken by a folder): the temporary file is cleaned up.
    const taken = join(dir, 'taken.md');
    mkdirSync(taken);
    writeFileSync(join(taken, 'inside.txt'), 'keep');
    expect(() => atomicWriteFileSync(taken, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken.md']);
    expect(readdirSync(taken)).toEqual(['inside.txt']);
  });
});
