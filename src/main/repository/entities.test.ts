import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseEntityFile } from '../../shared/entity';
import { parseStory, slugify } from '../../shared/story';
import {
  REFERENCE_SLUG,
  openDesk,
  readStoryFile,
  readTexts,
  recordEvents,
  snapshot,
  tempDesk,
  tempDir,
} from '../../../tests/support/temp-desk';
import { DeskError, type Desk } from './desk';

const DEEP = 'putin-ukraine-deep-strikes-summer';

function entityFile(dir: string, slug: string) {
  return join(dir, 'entities', `${slug}.md`);
}

function readEntity(dir: string, slug: string) {
  const read = parseEntityFile(readFileSync(entityFile(dir, slug), 'utf8'), slug);
  expect(read.problem, `entities/${slug}.md`).toBeNull();
  return read.entity;
}

/** The story text with its Entities line's names replaced by `change(names)`. */
function withEntities(text: string, change: (names: string[]) => string[]): string {
  return text.replace(
    /^- Entities: (.*)$/m,
    (_line, list: string) => `- Entities: ${change(list.split(', ')).join(', ')}`,
  );
}

function entitiesOf(text: string): string[] {
  return parseStory(text).facts.entities.map((e) => e.name);
}

/** Save a change to a story through the desk, as the editor would. */
function edit(desk: Desk, slug: string, change: (text: string) => string): string {
  const { text, hash } = desk.readStory(slug);
  const next = change(text);
  expect(desk.saveStory({ slug, text: next, baseHash: hash })).toMatchObject({ ok: true });
  return next;
}

function thrown(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    return e as DeskError;
  }
  throw new Error('expected a DeskError, but the call returned');
}

describe('the entity registry', () => {
  test('opening the sample desk creates no entity and rewrites none', () => {
    const dir = tempDesk();
    const before = snapshot(join(dir, 'entities'));
    expect(before.size).toBe(33);
    const desk = openDesk(dir);
    expect(snapshot(join(dir, 'entities'))).toEqual(before);
    const entities = desk.listEntities();
    expect(entities).toHaveLength(33);
    // No two entities share a name or an alias.
    const names = entities.flatMap((e) => [e.name, ...e.aliases].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    // Every name in every Entities line resolves to one of them.
    const slugs = new Set(entities.map((e) => e.slug));
    for (const story of desk.listStories())
      for (const slug of story.entities)
        expect(slugs.has(slug), `${story.slug}: ${slug}`).toBe(true);
    expect(desk.getEntity('russia').stories.length).toBe(11);
    desk.close();
    // A warm reopen is the same.
    expect(openDesk(dir).listEntities()).toHaveLength(33);
    expect(snapshot(join(dir, 'entities'))).toEqual(before);
  });

  test('a story naming a new entity creates its file with name and kind', () => {
    const dir = tempDir();
    const desk = openDesk(dir, { create: true });
    const events = recordEvents(desk);
    const text = readFileSync(join(tempDesk(), 'stories', `${REFERENCE_SLUG}.md`), 'utf8');
    expect(desk.saveStory({ slug: REFERENCE_SLUG, text, baseHash: null }).ok).toBe(true);

    expect(readEntity(dir, 'vladimir-putin')).toEqual({
      name: 'Vladimir Putin',
      aliases: [],
      kind: 'other',
      notes: '',
    });
    // Every name of the Entities line has its file, under its slug.
    expect(readdirSync(join(dir, 'entities')).sort()).toEqual(
      [
        'russia.md',
        'ukraine-russia-war.md',
        'ukraine.md',
        'united-states.md',
        'vladimir-putin.md',
        'volodymyr-zelensky.md',
      ].sort(),
    );
    // Prose link texts that differ from the name became aliases.
    expect(readEntity(dir, 'russia').aliases).toEqual(['Moscow']);
    expect(readEntity(dir, 'ukraine').aliases).toEqual(['Kyiv']);
    expect(desk.getEntity('vladimir-putin')).toMatchObject({
      name: 'Vladimir Putin',
      kind: 'other',
      stories: [REFERENCE_SLUG],
      problem: null,
    });
    const changed = events.flatMap((e) => (e.type === 'entities.changed' ? e.slugs : []));
    expect(changed).toContain('vladimir-putin');
  });

  test('a new name on the sample desk gets one new file; the others are untouched', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = snapshot(join(dir, 'entities'));
    edit(desk, DEEP, (t) =>
      withEntities(t, (names) => [...names, 'Mette Frederiksen', 'Bärbel Bas', 'Russia']),
    );
    expect(readEntity(dir, 'mette-frederiksen')).toMatchObject({
      name: 'Mette Frederiksen',
      kind: 'other',
    });
    expect(readEntity(dir, 'barbel-bas').name).toBe('Bärbel Bas');
    const after = snapshot(join(dir, 'entities'));
    expect(after.size).toBe(35);
    for (const [path, hash] of before) expect(after.get(path), path).toBe(hash);
    expect(desk.listStories().find((s) => s.slug === DEEP)!.entities).toContain(
      'mette-frederiksen',
    );
  });

  test('a prose link whose text differs from the name becomes an alias, and then resolves', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const russiaBefore = readEntity(dir, 'russia');
    expect(russiaBefore.aliases).toEqual(['Moscow']);
    edit(desk, DEEP, (t) =>
      t.replace(
        '## Why it matters\n\n',
        '## Why it matters\n\n[The Kremlin](/ja/entity/russia) says little. [russia](/ja/entity/russia) too.\n\n',
      ),
    );
    expect(readEntity(dir, 'russia')).toEqual({
      ...russiaBefore,
      aliases: ['Moscow', 'The Kremlin'],
    });
    expect(readFileSync(entityFile(dir, 'russia'), 'utf8')).toMatch(/^---\nname: Russia\n/);
    expect(desk.getEntity('russia').aliases).toEqual(['Moscow', 'The Kremlin']);

    // The alias now names Russia in an Entities line: no new entity.
    const count = readdirSync(join(dir, 'entities')).length;
    edit(desk, REFERENCE_SLUG, (t) => withEntities(t, (names) => [...names, 'the kremlin']));
    expect(readdirSync(join(dir, 'entities')).length).toBe(count);
    expect(existsSync(entityFile(dir, 'the-kremlin'))).toBe(false);
    const reference = desk.listStories().find((s) => s.slug === REFERENCE_SLUG)!;
    expect(reference.entities.filter((e) => e === 'russia')).toEqual(['russia']);
  });

  test('setKind changes the kind line only', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = readFileSync(entityFile(dir, 'naftogaz'), 'utf8');
    expect(before).toContain('kind: organisation\n');
    const entity = desk.setEntityKind('naftogaz', 'place');
    expect(entity.kind).toBe('place');
    expect(readFileSync(entityFile(dir, 'naftogaz'), 'utf8')).toBe(
      before.replace('kind: organisation\n', 'kind: place\n'),
    );
    expect(desk.getEntity('naftogaz').kind).toBe('place');
    desk.close();
    expect(openDesk(dir).getEntity('naftogaz').kind).toBe('place');
  });

  test('setKind of an unknown entity is a clear error', () => {
    const desk = openDesk(tempDesk());
    const error = thrown(() => desk.setEntityKind('atlantis', 'place'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('atlantis');
  });
});

describe('renaming an entity', () => {
  test('the file moves, every link and Entities line follows, the old name becomes an alias', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = readTexts(dir);
    const old = readEntity(dir, 'vladimir-putin');
    const mentioning = desk.getEntity('vladimir-putin').stories;
    expect(mentioning.length).toBeGreaterThanOrEqual(6);

    const renamed = desk.renameEntity('vladimir-putin', 'Vladimir V. Putin');
    expect(renamed).toMatchObject({
      slug: 'vladimir-v-putin',
      name: 'Vladimir V. Putin',
      kind: 'person',
    });

    expect(existsSync(entityFile(dir, 'vladimir-putin'))).toBe(false);
    expect(readEntity(dir, 'vladimir-v-putin')).toEqual({
      name: 'Vladimir V. Putin',
      aliases: ['Vladimir Putin'],
      kind: old.kind,
      notes: old.notes,
    });
    const after = readTexts(dir);
    for (const [path, text] of before) {
      if (path === 'entities/vladimir-putin.md') continue;
      let expected = text;
      if (path.startsWith('stories/'))
        expected = withEntities(
          text.replaceAll('(/ja/entity/vladimir-putin)', '(/ja/entity/vladimir-v-putin)'),
          (names) => names.map((n) => (n === 'Vladimir Putin' ? 'Vladimir V. Putin' : n)),
        );
      expect(after.get(path), path).toBe(expected);
    }
    expect([...after.keys()].filter((p) => !before.has(p))).toEqual([
      'entities/vladimir-v-putin.md',
    ]);
    expect([...desk.getEntity('vladimir-v-putin').stories].sort()).toEqual([...mentioning].sort());
    expect(() => desk.getEntity('vladimir-putin')).toThrow(DeskError);
    expect(desk.listEntities()).toHaveLength(33);
  });

  test('a rename that keeps the slug rewrites the Entities lines only', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = readTexts(dir);
    desk.renameEntity('nato', 'Nato');
    expect(readEntity(dir, 'nato')).toMatchObject({
      name: 'Nato',
      aliases: expect.arrayContaining(['NATO']),
    });
    for (const [path, text] of before) {
      if (!path.startsWith('stories/')) continue;
      const expected = withEntities(text, (names) => names.map((n) => (n === 'NATO' ? 'Nato' : n)));
      expect(readFileSync(join(dir, path), 'utf8'), path).toBe(expected);
    }
  });

  test('renaming onto another entity name is refused: merge instead', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = snapshot(dir);
    const error = thrown(() => desk.renameEntity('vladimir-putin', 'Russia'));
    expect(error.code).toBe('exists');
    expect(error.message).toMatch(/merge/);
    expect(thrown(() => desk.renameEntity('vladimir-putin', '  ')).code).toBe('invalid');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('merging entities', () => {
  test('links and Entities lines move in every story, both names stay as aliases, the merged file goes', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = readTexts(dir);
    const source = readEntity(dir, 'vladimir-putin');
    const target = readEntity(dir, 'russia');
    const sourceStories = desk.getEntity('vladimir-putin').stories;

    const merged = desk.mergeEntities('vladimir-putin', 'russia');
    expect(merged.slug).toBe('russia');
    expect(existsSync(entityFile(dir, 'vladimir-putin'))).toBe(false);
    const russia = readEntity(dir, 'russia');
    expect(russia.name).toBe('Russia');
    expect(russia.kind).toBe(target.kind);
    expect(russia.aliases).toEqual(expect.arrayContaining(['Moscow', 'Vladimir Putin']));
    expect(russia.notes).toContain(target.notes.trim());
    expect(russia.notes).toContain(source.notes.trim());
    expect(() => desk.getEntity('vladimir-putin')).toThrow(DeskError);

    for (const [path, text] of before) {
      if (!path.startsWith('stories/')) continue;
      const now = readFileSync(join(dir, path), 'utf8');
      expect(now, path).not.toContain('/ja/entity/vladimir-putin)');
      // The Entities line lists Russia once and Putin no more; the rest is as it was.
      const names = entitiesOf(now);
      expect(
        names.filter((n) => n === 'Russia'),
        path,
      ).toEqual(['Russia']);
      expect(names, path).not.toContain('Vladimir Putin');
      const expected = withEntities(
        text.replaceAll('(/ja/entity/vladimir-putin)', '(/ja/entity/russia)'),
        (list) => list.filter((n) => n !== 'Vladimir Putin'),
      );
      expect(now, path).toBe(expected);
    }
    for (const story of desk.listStories())
      expect(new Set(story.entities).size, story.slug).toBe(story.entities.length);
    expect(desk.getEntity('russia').stories).toEqual(expect.arrayContaining(sourceStories));
    expect(desk.listEntities()).toHaveLength(32);
  });

  test('a duplicate entity made by a story merges back; no story lists it twice', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    // A colleague wrote "Putin" and linked it to a slug of its own.
    const edited = edit(desk, DEEP, (t) =>
      withEntities(
        t.replace(
          '## Why it matters\n\n',
          '## Why it matters\n\n[Putin](/ja/entity/putin) waits.\n\n',
        ),
        (names) => ['Putin', ...names],
      ),
    );
    expect(readEntity(dir, 'putin').name).toBe('Putin');
    expect(entitiesOf(edited)).toEqual(expect.arrayContaining(['Putin', 'Vladimir Putin']));

    desk.mergeEntities('putin', 'vladimir-putin');
    const now = readStoryFile(dir, DEEP);
    expect(now).toBe(
      withEntities(edited.replace('(/ja/entity/putin)', '(/ja/entity/vladimir-putin)'), (names) =>
        names.filter((n) => n !== 'Putin'),
      ),
    );
    expect(existsSync(entityFile(dir, 'putin'))).toBe(false);
    expect(readEntity(dir, 'vladimir-putin').aliases).toContain('Putin');
  });

  test('merging when the Entities line starts with two names of the merged pair', () => {
    // "Kremlin" is its own entity; "Moscow" is already Russia's alias: after the merge
    // all three names are Russia, and the line lists it once.
    const dir = tempDesk();
    const desk = openDesk(dir);
    const edited = edit(desk, DEEP, (t) =>
      withEntities(t, (names) => ['Kremlin', 'Moscow', ...names]),
    );
    expect(entitiesOf(edited).slice(0, 4)).toEqual([
      'Kremlin',
      'Moscow',
      'Ukraine Russia War',
      'Russia',
    ]);
    expect(existsSync(entityFile(dir, 'kremlin'))).toBe(true);

    desk.mergeEntities('kremlin', 'russia');
    const names = entitiesOf(readStoryFile(dir, DEEP));
    expect(names.filter((n) => n === 'Russia')).toEqual(['Russia']);
    expect(names).not.toContain('Kremlin');
    expect(names).not.toContain('Moscow');
    expect(existsSync(entityFile(dir, 'kremlin'))).toBe(false);
    expect(readEntity(dir, 'russia').aliases).toEqual(
      expect.arrayContaining(['Moscow', 'Kremlin']),
    );
  });

  test('any Entities line: the merged pair ends up listed once, everything else as it was', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    let round = 0;
    fc.assert(
      fc.property(
        fc
          .uniqueArray(
            fc.constantFrom('Russia', 'Moscow', 'K', 'Ukraine', 'Kyiv', 'NATO', 'Qatar'),
            {
              minLength: 1,
              maxLength: 7,
            },
          )
          .filter((names) => names.includes('K')),
        (template) => {
          // A fresh entity each round ("Kremlin Staff 3"), merged into Russia, whose alias is Moscow.
          const k = `Kremlin Staff ${++round}`;
          const line = template.map((n) => (n === 'K' ? k : n));
          const before = edit(desk, DEEP, (t) => withEntities(t, () => line));
          desk.mergeEntities(slugify(k), 'russia');
          const old = (n: string) => n === k || n === 'Moscow';
          let replaced = false;
          const expected = line.includes('Russia')
            ? line.filter((n) => !old(n))
            : line.flatMap((n) =>
                !old(n) ? [n] : replaced ? [] : ((replaced = true), ['Russia']),
              );
          expect(readStoryFile(dir, DEEP)).toBe(withEntities(before, () => expected));
        },
      ),
      { numRuns: 40 },
    );
  });

  test('merging into itself or an unknown entity is refused', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = snapshot(dir);
    expect(thrown(() => desk.mergeEntities('russia', 'russia')).code).toBe('invalid');
    expect(thrown(() => desk.mergeEntities('atlantis', 'russia')).code).toBe('not-found');
    expect(thrown(() => desk.mergeEntities('russia', 'atlantis')).code).toBe('not-found');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('mentions', () => {
  test('each prose mention comes with its sentence, links read as text', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const mentions = desk.entityMentions('russia');
    expect(mentions.map((m) => m.slug).sort()).toEqual(desk.getEntity('russia').stories.sort());
    const reference = mentions.find((m) => m.slug === REFERENCE_SLUG)!;
    expect(reference.title).toBe(
      'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no',
    );
    expect(reference.sentences).toEqual([
      'On 5 June Russia and Ukraine exchanged 185-for-185 prisoners.',
      'Moscow reads the negotiating table as confirmation that territorial gains are frozen in place, no withdrawal from occupied regions is on offer, and the Anchorage venue proposal signals that only a US-Russia bilateral track carries weight.',
    ]);
    for (const m of mentions)
      for (const s of m.sentences) {
        expect(s, m.slug).not.toMatch(/\]\(|\n/);
        expect(s.length).toBeLessThanOrEqual(320);
      }
  });

  test('a story that names the entity only in its Entities line is listed with no sentences', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    edit(desk, DEEP, (t) => withEntities(t, (names) => [...names, 'Naftogaz']));
    const mention = desk.entityMentions('naftogaz').find((m) => m.slug === DEEP);
    expect(mention).toEqual({ slug: DEEP, title: expect.any(String), sentences: [] });
  });

  test('Japanese prose ends a sentence at 。 without a space', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    edit(desk, DEEP, (t) =>
      t.replace(
        '## Why it matters\n\n',
        '## Why it matters\n\n前置きの文です。[ロシア](/ja/entity/russia)は交渉を拒否した。ウクライナは反発した。\n\n',
      ),
    );
    const mention = desk.entityMentions('russia').find((m) => m.slug === DEEP)!;
    expect(mention.sentences).toContain('ロシアは交渉を拒否した。');
  });
});

describe('a corrupt entity file', () => {
  const BAD =
    "---\nname: Naftogaz\naliases: [Naftohaz\nkind: organisation\n---\nUkraine's state energy company.\n";

  test('is reported in desk.problems and left byte for byte untouched', () => {
    const dir = tempDesk();
    writeFileSync(entityFile(dir, 'naftogaz'), BAD);
    const desk = openDesk(dir);
    const problem = desk.problems.find((p) => p.path === 'entities/naftogaz.md');
    expect(problem?.message).toMatch(/YAML/);
    expect(desk.getEntity('naftogaz').problem).toMatch(/YAML/);
    // A story that adds an alias for it does not rewrite the file either.
    edit(desk, DEEP, (t) =>
      t.replace(
        '## Why it matters\n\n',
        '## Why it matters\n\n[Naftohaz](/ja/entity/naftogaz) is broke.\n\n',
      ),
    );
    expect(readFileSync(entityFile(dir, 'naftogaz'), 'utf8')).toBe(BAD);
    desk.close();
    const again = openDesk(dir);
    expect(again.problems.map((p) => p.path)).toContain('entities/naftogaz.md');
    expect(readFileSync(entityFile(dir, 'naftogaz'), 'utf8')).toBe(BAD);
  });

  test('setKind, rename and merge refuse it rather than lose what it holds', () => {
    const dir = tempDesk();
    writeFileSync(entityFile(dir, 'naftogaz'), BAD);
    const desk = openDesk(dir);
    const before = readTexts(dir);
    for (const attempt of [
      () => desk.setEntityKind('naftogaz', 'place'),
      () => desk.renameEntity('naftogaz', 'Naftogaz of Ukraine'),
      () => desk.mergeEntities('naftogaz', 'ukraine'),
      () => desk.mergeEntities('ukraine', 'naftogaz'),
    ]) {
      const error = thrown(attempt);
      expect(error.message).toContain('entities/naftogaz.md');
    }
    expect(readTexts(dir)).toEqual(before);
    expect(desk.getEntity('naftogaz').kind).toBe('other');
  });
});
