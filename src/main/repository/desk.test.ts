import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dispatch } from '../../shared/api';
import { defaultSettings } from '../../shared/desk';
import { parseStory } from '../../shared/story';
import {
  REFERENCE_SLUG,
  openDesk,
  readStoryFile,
  readTexts,
  recordEvents,
  sha256,
  snapshot,
  storyFile,
  tempDesk,
  tempDir,
} from '../../../tests/support/temp-desk';
import { createDeskHandlers } from './api-handlers';
import { Desk, DeskError } from './desk';

const DEEP = 'putin-ukraine-deep-strikes-summer';
const SEARCH = { filters: {}, limit: 50 };

/** The DeskError a call throws (fails the test when it throws something else or nothing). */
function deskError(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    return e as DeskError;
  }
  throw new Error('expected a DeskError, but the call returned');
}

/** The reference story under another slug (its Canonical line changed). */
function referenceAs(slug: string, dir: string): string {
  return readStoryFile(dir, REFERENCE_SLUG).replace(`/ja/n/${REFERENCE_SLUG}`, `/ja/n/${slug}`);
}

describe('opening and creating a desk', () => {
  test('create on an empty folder scaffolds folders, default settings and .gitignore', () => {
    const dir = tempDir();
    const desk = openDesk(dir, { create: true });
    for (const sub of ['stories', 'entities', '.desk', '.desk/cache', '.desk/drafts'])
      expect(existsSync(join(dir, sub)), sub).toBe(true);
    const settings = JSON.parse(readFileSync(join(dir, '.desk/desk.json'), 'utf8'));
    expect(settings.baseUrl).toBe('https://rbtfl.xyz');
    expect(settings.locale).toBe('ja');
    expect(settings.schemaVersion).toBe(defaultSettings('x').schemaVersion);
    expect(desk.settings.baseUrl).toBe('https://rbtfl.xyz');
    expect(desk.settings.locale).toBe('ja');
    const gitignore = readFileSync(join(dir, '.gitignore'), 'utf8').split('\n');
    expect(gitignore).toContain('.desk/cache/');
    expect(gitignore).toContain('.desk/drafts/');
    expect(desk.problems).toEqual([]);
    expect(desk.readOnly).toBe(false);
    expect(desk.listStories()).toEqual([]);
  });

  test('create on a folder that does not exist yet makes it', () => {
    const dir = join(tempDir(), 'new-desk');
    const desk = openDesk(dir, { create: true });
    expect(existsSync(join(dir, 'stories'))).toBe(true);
    expect(desk.settings.name).toBe('new-desk');
  });

  test('create leaves an existing .gitignore and settings alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    mkdirSync(join(dir, '.desk'));
    const settings = { ...defaultSettings('Kyiv desk'), locale: 'uk' };
    const json = JSON.stringify(settings);
    writeFileSync(join(dir, '.desk/desk.json'), json);
    const desk = openDesk(dir, { create: true });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    expect(readFileSync(join(dir, '.desk/desk.json'), 'utf8')).toBe(json);
    expect(desk.settings.name).toBe('Kyiv desk');
    expect(desk.settings.locale).toBe('uk');
  });

  test('a folder without stories/ is not a desk unless asked to create one', () => {
    const dir = tempDir();
    const error = deskError(() => Desk.open(dir));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/not a desk/);
    expect(error.message).toMatch(/stories/);
    // Nothing was made in the folder by the failed open.
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a folder that does not exist is a clear error', () => {
    const dir = join(tempDir(), 'nowhere');
    const error = deskError(() => Desk.open(dir));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(dir);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('listing and reading stories', () => {
  test('the sample desk lists its 11 stories with their metadata and counts', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const stories = desk.listStories();
    expect(stories).toHaveLength(11);
    expect(new Set(stories.map((s) => s.slug))).toEqual(
      new Set(readdirSync(join(dir, 'stories')).map((f) => f.replace(/\.md$/, ''))),
    );
    for (const s of stories) {
      expect(s.title, s.slug).not.toBe('');
      expect(s.date, s.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.status, s.slug).toBe('draft');
      expect(s.takes, s.slug).toBeGreaterThan(0);
      expect(s.errors, s.slug).toBe(0);
      expect(typeof s.warnings).toBe('number');
    }
    const reference = stories.find((s) => s.slug === REFERENCE_SLUG)!;
    expect(reference.title).toBe(
      'Ukraine-Russia talks inch forward: prisoner swaps yes, a summit and territory no',
    );
    expect(reference.date).toBe('2026-06-05');
    expect(reference.type).toBe('story');
    expect(reference.takes).toBe(13);
    expect(reference.lenses).toHaveLength(3);
    expect(reference.regions).toHaveLength(11);
    expect(reference.heads).toEqual(['How Wars Actually End', 'Who Decides']);
    // Newest first.
    const dates = stories.map((s) => s.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('a front-matter status and assignee show in the list; errors and warnings are counted', () => {
    const dir = tempDesk();
    const deep = readStoryFile(dir, DEEP);
    writeFileSync(storyFile(dir, DEEP), `---\nstatus: fact-check\nassignee: Aiko\n---\n${deep}`);
    const reference = readStoryFile(dir, REFERENCE_SLUG);
    writeFileSync(
      storyFile(dir, REFERENCE_SLUG),
      reference
        .replace('13 takes', '12 takes')
        .replace(
          '(Global, en) — \n  Source: https://www.reuters.com/world/europe/\n',
          '(Global, en) — \n',
        ),
    );
    const desk = openDesk(dir);
    const stories = new Map(desk.listStories().map((s) => [s.slug, s]));
    expect(stories.get(DEEP)!.status).toBe('fact-check');
    expect(stories.get(DEEP)!.assignee).toBe('Aiko');
    const broken = stories.get(REFERENCE_SLUG)!;
    const diagnostics = parseStory(readStoryFile(dir, REFERENCE_SLUG)).diagnostics;
    expect(broken.errors).toBe(diagnostics.filter((d) => d.severity === 'error').length);
    expect(broken.warnings).toBe(diagnostics.filter((d) => d.severity === 'warning').length);
    expect(broken.errors + broken.warnings).toBeGreaterThanOrEqual(2);
    expect(
      desk
        .search({ text: '', filters: { status: 'fact-check' }, limit: 50 })
        .hits.map((h) => h.slug),
    ).toEqual([DEEP]);
  });

  test('read returns the exact text and its sha256', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const bytes = readFileSync(storyFile(dir, REFERENCE_SLUG));
    const story = desk.readStory(REFERENCE_SLUG);
    expect(story.slug).toBe(REFERENCE_SLUG);
    expect(story.text).toBe(bytes.toString('utf8'));
    expect(story.hash).toBe(sha256(bytes));
    expect(story.diagnostics).toEqual([]);
  });

  test('reading a missing story or an invalid slug is a clear error', () => {
    const desk = openDesk(tempDesk());
    expect(deskError(() => desk.readStory('no-such-story')).code).toBe('not-found');
    const invalid = deskError(() => desk.readStory('../desk'));
    expect(invalid.code).toBe('invalid');
    expect(invalid.message).toMatch(/not a valid slug/);
  });
});

describe('creating stories', () => {
  test('a new story from the template parses, with the desk base URL and locale in its Canonical line', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const events = recordEvents(desk);
    const created = desk.createStory({
      slug: 'kyiv-blackout-winter',
      title: 'Kyiv braces for a dark winter',
    });
    const onDisk = readFileSync(storyFile(dir, 'kyiv-blackout-winter'));
    expect(created.text).toBe(onDisk.toString('utf8'));
    expect(created.hash).toBe(sha256(onDisk));
    const { story, facts } = parseStory(created.text);
    expect(story.title).toBe('Kyiv braces for a dark winter');
    expect(facts.slug).toBe('kyiv-blackout-winter');
    expect(facts.baseUrl).toBe('https://rbtfl.xyz');
    expect(facts.locale).toBe('ja');
    expect(created.text).toContain('\nCanonical: https://rbtfl.xyz/ja/n/kyiv-blackout-winter');
    // Every line the layout requires is there: no missing-* diagnostics.
    expect(created.diagnostics.map((d) => d.code).filter((c) => c.startsWith('missing'))).toEqual(
      [],
    );
    const listed = desk.listStories().find((s) => s.slug === 'kyiv-blackout-winter');
    expect(listed?.title).toBe('Kyiv braces for a dark winter');
    expect(events).toContainEqual({
      type: 'story.changed',
      slug: 'kyiv-blackout-winter',
      change: 'added',
      hash: created.hash,
      external: false,
    });
  });

  test('the Canonical line follows the desk settings', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    desk.updateSettings((s) => {
      s.baseUrl = 'https://news.example.org';
      s.locale = 'pt-br';
    });
    const created = desk.createStory({ slug: 'lisbon-summit' });
    const { facts } = parseStory(created.text);
    expect(facts.baseUrl).toBe('https://news.example.org');
    expect(facts.locale).toBe('pt-br');
    expect(facts.slug).toBe('lisbon-summit');
    // The settings persisted.
    desk.close();
    expect(openDesk(dir).settings.locale).toBe('pt-br');
  });

  test('an invalid slug is rejected with a clear message and nothing is written', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = snapshot(join(dir, 'stories'));
    for (const slug of ['Kyiv Winter', 'kyiv--winter', '-kyiv', 'kyiv/winter', '', 'kyiv_winter']) {
      const error = deskError(() => desk.createStory({ slug }));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(/not a valid slug/);
      expect(error.message).toMatch(/lowercase letters, digits and single hyphens/);
    }
    expect(snapshot(join(dir, 'stories'))).toEqual(before);
  });

  test('a duplicate slug is rejected and the existing story is untouched', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = readFileSync(storyFile(dir, DEEP));
    const error = deskError(() => desk.createStory({ slug: DEEP }));
    expect(error.code).toBe('exists');
    expect(error.message).toContain(DEEP);
    expect(readFileSync(storyFile(dir, DEEP))).toEqual(before);
  });
});

describe('saving stories', () => {
  test('a save with the right baseHash writes exactly the bytes and returns the new hash', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const events = recordEvents(desk);
    const { text, hash } = desk.readStory(DEEP);
    // Non-ASCII, CRLF-free, no trailing newline: the bytes go down as given.
    const next = text.replace('# Putin bets', '# Путин bets — «ставка»') + '\n\n';
    const result = desk.saveStory({ slug: DEEP, text: next, baseHash: hash });
    expect(result).toEqual({ ok: true, hash: sha256(Buffer.from(next, 'utf8')) });
    expect(readFileSync(storyFile(dir, DEEP))).toEqual(Buffer.from(next, 'utf8'));
    expect(desk.readStory(DEEP).hash).toBe(sha256(Buffer.from(next, 'utf8')));
    expect(desk.listStories().find((s) => s.slug === DEEP)!.title).toBe(
      'Путин bets — «ставка» on a summer of deep strikes as the ground war stalls',
    );
    expect(events).toContainEqual({
      type: 'story.changed',
      slug: DEEP,
      change: 'changed',
      hash: sha256(next),
      external: false,
    });
    // The returned hash is the next save's baseHash.
    const again = desk.saveStory({ slug: DEEP, text, baseHash: (result as { hash: string }).hash });
    expect(again.ok).toBe(true);
    expect(readStoryFile(dir, DEEP)).toBe(text);
  });

  test('a save with a stale baseHash is a conflict with both texts, and writes nothing', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const events = recordEvents(desk);
    const read = desk.readStory(DEEP);
    // Someone else changes the file after the editor read it.
    const theirs = read.text.replace('deep strikes', 'long-range strikes');
    writeFileSync(storyFile(dir, DEEP), theirs);
    const before = snapshot(dir);
    const mine = read.text.replace('# Putin', '# Vladimir Putin');
    const result = desk.saveStory({ slug: DEEP, text: mine, baseHash: read.hash });
    expect(result).toEqual({
      ok: false,
      conflict: { slug: DEEP, mine, theirs, theirsHash: sha256(theirs) },
    });
    expect(snapshot(dir)).toEqual(before);
    expect(events).toContainEqual({ type: 'conflict', slug: DEEP });
    expect(events.some((e) => e.type === 'story.changed')).toBe(false);
  });

  test('saving over a story deleted since it was read is a conflict; nothing is written', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const read = desk.readStory(DEEP);
    unlinkSync(storyFile(dir, DEEP));
    const result = desk.saveStory({ slug: DEEP, text: read.text, baseHash: read.hash });
    expect(result).toEqual({
      ok: false,
      conflict: { slug: DEEP, mine: read.text, theirs: null, theirsHash: null },
    });
    expect(existsSync(storyFile(dir, DEEP))).toBe(false);
  });

  test('a new story saved with baseHash null is written; null over an existing file is a conflict', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const text = referenceAs('brand-new-story', dir);
    expect(desk.saveStory({ slug: 'brand-new-story', text, baseHash: null })).toEqual({
      ok: true,
      hash: sha256(text),
    });
    expect(readStoryFile(dir, 'brand-new-story')).toBe(text);
    const before = readFileSync(storyFile(dir, DEEP));
    const clash = desk.saveStory({ slug: DEEP, text, baseHash: null });
    expect(clash.ok).toBe(false);
    expect(readFileSync(storyFile(dir, DEEP))).toEqual(before);
  });

  test('search finds words after a save and forgets removed ones (the index follows each save)', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    expect(desk.search({ text: 'Quokkaville', ...SEARCH }).total).toBe(0);
    const { text, hash } = desk.readStory(DEEP);
    const next = text.replace(
      '## Why it matters\n\n',
      '## Why it matters\n\nThe Quokkaville depot burned for three days.\n\n',
    );
    const saved = desk.saveStory({ slug: DEEP, text: next, baseHash: hash });
    expect(saved.ok).toBe(true);
    expect(desk.search({ text: 'Quokkaville', ...SEARCH }).hits.map((h) => h.slug)).toEqual([DEEP]);
    const back = desk.saveStory({ slug: DEEP, text, baseHash: (saved as { hash: string }).hash });
    expect(back.ok).toBe(true);
    expect(desk.search({ text: 'Quokkaville', ...SEARCH }).total).toBe(0);
    // A brand-new story is searchable at once too.
    desk.saveStory({
      slug: 'zaporizhzhia-plant',
      text: referenceAs('zaporizhzhia-plant', dir).replace(
        '# Ukraine-Russia talks',
        '# Enerhodar talks',
      ),
      baseHash: null,
    });
    expect(desk.search({ text: 'Enerhodar', ...SEARCH }).hits.map((h) => h.slug)).toEqual([
      'zaporizhzhia-plant',
    ]);
  });
});

describe('renaming stories', () => {
  const TO = 'putin-summer-strikes';

  test('rename moves the file, its Canonical line, and every link to it, and nothing else', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = readTexts(dir);
    const linking = desk.storiesLinking(DEEP);
    expect([...linking].sort()).toEqual([
      'black-sea-grain-corridor-insurance',
      'putin-zelensky-talks-rebuff',
      'ukraine-russia-energy-strike-war',
      REFERENCE_SLUG,
    ]);
    // The reference story links it both in prose and in its Related line.
    const reference = readStoryFile(dir, REFERENCE_SLUG);
    expect(reference).toContain(`[front stalled](/ja/n/${DEEP})`);
    expect(reference).toContain(`[[${DEEP}]]`);

    const result = desk.renameStory({ from: DEEP, to: TO });
    expect([...result.rewritten].sort()).toEqual([...linking].sort());

    expect(existsSync(storyFile(dir, DEEP))).toBe(false);
    const original = before.get(`stories/${DEEP}.md`)!;
    expect(readStoryFile(dir, TO)).toBe(
      original.replace(
        `Canonical: https://rbtfl.xyz/ja/n/${DEEP}`,
        `Canonical: https://rbtfl.xyz/ja/n/${TO}`,
      ),
    );
    expect(parseStory(readStoryFile(dir, TO)).facts.slug).toBe(TO);

    const nowReference = readStoryFile(dir, REFERENCE_SLUG);
    expect(nowReference).toContain(`[front stalled](/ja/n/${TO})`);
    expect(nowReference).toContain(`[[${TO}]]`);

    // Every other file: byte for byte what it was, but for the links to the old slug.
    const after = readTexts(dir);
    expect([...after.keys()].filter((p) => !before.has(p))).toEqual([`stories/${TO}.md`]);
    for (const [path, text] of before) {
      if (path === `stories/${DEEP}.md`) continue;
      const expected = path.startsWith('stories/')
        ? text.replaceAll(`[[${DEEP}]]`, `[[${TO}]]`).replaceAll(`(/ja/n/${DEEP})`, `(/ja/n/${TO})`)
        : text;
      expect(after.get(path), path).toBe(expected);
    }
    for (const slug of linking) expect(readStoryFile(dir, slug)).not.toContain(DEEP);

    const slugs = desk.listStories().map((s) => s.slug);
    expect(slugs).toContain(TO);
    expect(slugs).not.toContain(DEEP);
    expect([...desk.storiesLinking(TO)].sort()).toEqual([...linking].sort());
    expect(desk.storiesLinking(DEEP)).toEqual([]);
  });

  test('rename onto an existing slug or an invalid one is refused and changes nothing', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const before = snapshot(join(dir, 'stories'));
    expect(deskError(() => desk.renameStory({ from: DEEP, to: REFERENCE_SLUG })).code).toBe(
      'exists',
    );
    expect(deskError(() => desk.renameStory({ from: DEEP, to: 'Not A Slug' })).code).toBe(
      'invalid',
    );
    expect(deskError(() => desk.renameStory({ from: 'no-such-story', to: 'other' })).code).toBe(
      'not-found',
    );
    expect(snapshot(join(dir, 'stories'))).toEqual(before);
  });
});

describe('deleting and restoring', () => {
  test('delete moves the story to .desk/trash; restore brings back the exact bytes', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const bytes = readFileSync(storyFile(dir, DEEP));
    const { trashId } = desk.deleteStory(DEEP);
    expect(existsSync(storyFile(dir, DEEP))).toBe(false);
    expect(readFileSync(join(dir, '.desk/trash', trashId, `${DEEP}.md`))).toEqual(bytes);
    expect(desk.listStories().map((s) => s.slug)).not.toContain(DEEP);
    expect(desk.hasStory(DEEP)).toBe(false);
    expect(desk.listTrash()).toEqual([expect.objectContaining({ id: trashId, slug: DEEP })]);

    expect(desk.restoreStory(trashId)).toEqual({ slug: DEEP });
    expect(readFileSync(storyFile(dir, DEEP))).toEqual(bytes);
    expect(desk.listStories().map((s) => s.slug)).toContain(DEEP);
    expect(desk.listTrash()).toEqual([]);
    expect(deskError(() => desk.restoreStory(trashId)).code).toBe('not-found');
  });

  test('restore over a story that exists again is refused and keeps both', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const bytes = readFileSync(storyFile(dir, DEEP));
    const { trashId } = desk.deleteStory(DEEP);
    const replacement = bytes.toString('utf8').replace('# Putin bets', '# A new story');
    desk.saveStory({ slug: DEEP, text: replacement, baseHash: null });
    const error = deskError(() => desk.restoreStory(trashId));
    expect(error.code).toBe('exists');
    expect(error.message).toContain(DEEP);
    expect(readStoryFile(dir, DEEP)).toBe(replacement);
    expect(readFileSync(join(dir, '.desk/trash', trashId, `${DEEP}.md`))).toEqual(bytes);
  });

  test('emptying the trash deletes its stories for good and leaves the desk as it is', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const stories = desk.listStories().length;
    const { trashId } = desk.deleteStory(DEEP);
    expect(desk.emptyTrash()).toEqual({ removed: 1 });
    expect(desk.listTrash()).toEqual([]);
    expect(existsSync(join(dir, '.desk/trash', trashId))).toBe(false);
    expect(deskError(() => desk.restoreStory(trashId)).code).toBe('not-found');
    expect(desk.listStories()).toHaveLength(stories - 1);
    expect(desk.emptyTrash()).toEqual({ removed: 0 });
  });

  test('deleting a story that is not there is a clear error', () => {
    const desk = openDesk(tempDesk());
    expect(deskError(() => desk.deleteStory('no-such-story')).code).toBe('not-found');
  });
});

describe('import', () => {
  test('each file gets a result; duplicates are skipped or replaced; binaries and slug-less files fail', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const events = recordEvents(desk);
    const rebuff = 'putin-zelensky-talks-rebuff';
    const rebuffBefore = readFileSync(storyFile(dir, rebuff));
    const newer = rebuffBefore
      .toString('utf8')
      .replace('# Putin rebuffs', '# Updated: Putin rebuffs');
    const good = referenceAs('geneva-talks-copy', dir);
    const broken = referenceAs('geneva-talks-broken', dir).replace('13 takes', '14 takes');
    const brokenDiagnostics = parseStory(broken).diagnostics;
    const files = [
      { name: 'from-the-wire.md', text: good },
      { name: `${rebuff}.md`, text: newer },
      { name: 'photo.md', text: '\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\u0001' },
      { name: 'Notes From Kyiv.txt', text: '# Notes\n\nNo layout, no Canonical line.\n' },
      { name: 'geneva-talks-broken.md', text: broken },
    ];
    const results = desk.importStories(files, 'skip');
    expect(results.map((r) => [r.name, r.slug, r.status])).toEqual([
      ['from-the-wire.md', 'geneva-talks-copy', 'imported'],
      [`${rebuff}.md`, rebuff, 'skipped'],
      ['photo.md', null, 'failed'],
      ['Notes From Kyiv.txt', null, 'failed'],
      ['geneva-talks-broken.md', 'geneva-talks-broken', 'imported'],
    ]);
    for (const r of results) expect(r.message, r.name).not.toBe('');
    expect(results[2]!.message).toMatch(/binary/);
    expect(results[3]!.message).toMatch(/Canonical/);
    expect(results[0]).toMatchObject({ errors: 0, warnings: 0 });
    expect(results[4]).toMatchObject({
      errors: brokenDiagnostics.filter((d) => d.severity === 'error').length,
      warnings: brokenDiagnostics.filter((d) => d.severity === 'warning').length,
    });
    expect(results[4]!.errors).toBeGreaterThan(0);
    expect(results[4]!.message).toMatch(/error/);

    expect(readStoryFile(dir, 'geneva-talks-copy')).toBe(good);
    expect(readStoryFile(dir, 'geneva-talks-broken')).toBe(broken);
    expect(readFileSync(storyFile(dir, rebuff))).toEqual(rebuffBefore);
    expect(existsSync(storyFile(dir, 'photo'))).toBe(false);
    expect(readdirSync(join(dir, 'stories'))).toHaveLength(13);
    expect(desk.listStories()).toHaveLength(13);

    const progress = events.filter((e) => e.type === 'import.progress');
    expect(progress).toEqual(
      files.map((f, i) => ({
        type: 'import.progress',
        done: i + 1,
        total: files.length,
        name: f.name,
      })),
    );

    // The same duplicate, replaced this time.
    events.length = 0;
    const [replaced] = desk.importStories([{ name: `${rebuff}.md`, text: newer }], 'replace');
    expect(replaced).toMatchObject({ slug: rebuff, status: 'replaced' });
    expect(readStoryFile(dir, rebuff)).toBe(newer);
    expect(desk.listStories().find((s) => s.slug === rebuff)!.title).toMatch(/^Updated: /);
    expect(events.filter((e) => e.type === 'import.progress')).toEqual([
      { type: 'import.progress', done: 1, total: 1, name: `${rebuff}.md` },
    ]);
  });
});

describe('export', () => {
  test('md leaves the front matter out; html is a page; json is the model', () => {
    const dir = tempDesk();
    const original = readStoryFile(dir, DEEP);
    writeFileSync(
      storyFile(dir, DEEP),
      `---\nstatus: ready\nassignee: Secret Assignee\n---\n${original}`,
    );
    const desk = openDesk(dir);

    const md = desk.exportStory(DEEP, 'md');
    expect(md.startsWith('# Putin bets')).toBe(true);
    expect(md).not.toContain('Secret Assignee');
    expect(md.replace(/\n$/, '')).toBe(original.replace(/\n$/, ''));

    const html = desk.exportStory(DEEP, 'html');
    expect(html.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Putin bets on a summer of deep strikes as the ground war stalls');
    expect(html).not.toContain('Secret Assignee');
    expect(html).not.toMatch(/<script/i);

    const json = JSON.parse(desk.exportStory(DEEP, 'json'));
    expect(json.title).toBe('Putin bets on a summer of deep strikes as the ground war stalls');
    expect(json.canonical).toBe(`https://rbtfl.xyz/ja/n/${DEEP}`);

    expect(deskError(() => desk.exportStory('no-such-story', 'md')).code).toBe('not-found');
  });
});

describe('api handlers', () => {
  const APP = { name: 'StoryDesk', version: 'test', transport: 'direct' as const };

  test('story.setStatus changes only the status key of the front matter', async () => {
    const dir = tempDesk();
    const original = readStoryFile(dir, DEEP);
    const frontMatter = [
      '---',
      '# Desk-only notes',
      'status: editing   # moved by the editor',
      "assignee: 'Aiko Tanaka'",
      'checks:',
      '  - claim: "a 1,200 km strike"',
      '    verdict: true',
      '---',
      '',
    ].join('\n');
    writeFileSync(storyFile(dir, DEEP), frontMatter + original);
    const desk = openDesk(dir);
    const handlers = createDeskHandlers(desk, APP);
    const { hash } = desk.readStory(DEEP);

    const reply = await dispatch(handlers, 'story.setStatus', {
      slug: DEEP,
      status: 'fact-check',
      baseHash: hash,
    });
    expect(reply).toMatchObject({ ok: true, value: { ok: true } });
    const expected = frontMatter.replace('status: editing', 'status: fact-check') + original;
    expect(readStoryFile(dir, DEEP)).toBe(expected);
    expect(desk.listStories().find((s) => s.slug === DEEP)!.status).toBe('fact-check');
  });

  test('story.setStatus adds a front matter block to a story without one, and honours baseHash', async () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const handlers = createDeskHandlers(desk, APP);
    const { text, hash } = desk.readStory(REFERENCE_SLUG);

    const stale = await dispatch(handlers, 'story.setStatus', {
      slug: REFERENCE_SLUG,
      status: 'ready',
      baseHash: sha256('something else'),
    });
    expect(stale).toMatchObject({ ok: true, value: { ok: false } });
    expect(readStoryFile(dir, REFERENCE_SLUG)).toBe(text);

    const reply = await dispatch(handlers, 'story.setStatus', {
      slug: REFERENCE_SLUG,
      status: 'ready',
      baseHash: hash,
    });
    expect(reply).toMatchObject({ ok: true, value: { ok: true } });
    expect(readStoryFile(dir, REFERENCE_SLUG)).toBe(`---\nstatus: ready\n---\n${text}`);
    expect(desk.listStories().find((s) => s.slug === REFERENCE_SLUG)!.status).toBe('ready');

    const invalid = await dispatch(handlers, 'story.setStatus', {
      slug: REFERENCE_SLUG,
      status: 'gone',
      baseHash: null,
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
