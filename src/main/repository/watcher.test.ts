import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { DeskEvent } from '../../shared/api-events';
import {
  REFERENCE_SLUG,
  openDesk,
  readStoryFile,
  recordEvents,
  sha256,
  sleep,
  storyFile,
  tempDesk,
  waitFor,
} from '../../../tests/support/temp-desk';

const DEEP = 'putin-ukraine-deep-strikes-summer';
const SEARCH = { filters: {}, limit: 50 };
/** How soon an outside change must show. */
const WITHIN_MS = 1000;

type Op = ['write', string, string] | ['remove', string];

/** Another program changing the desk: a separate `node` process with plain fs calls. */
function otherProgram(ops: Op[]): Promise<void> {
  const code = `
    const fs = require('node:fs');
    for (const [op, path, text] of JSON.parse(process.argv[1])) {
      if (op === 'write') fs.writeFileSync(path, text);
      else fs.unlinkSync(path);
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code, JSON.stringify(ops)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (status) =>
      status === 0 ? resolve() : reject(new Error(`the writer exited with ${status}`)),
    );
  });
}

function storyChanges(events: DeskEvent[]) {
  return events.filter((e) => e.type === 'story.changed');
}

describe('the watcher', () => {
  test('stories added, changed and removed by another program show within a second', async () => {
    const dir = tempDesk();
    const desk = openDesk(dir, { watch: true });
    const events = recordEvents(desk);
    const added = readStoryFile(dir, REFERENCE_SLUG)
      .replace(`/ja/n/${REFERENCE_SLUG}`, '/ja/n/from-outside')
      .replace('# Ukraine-Russia talks inch forward', '# Platypus talks inch forward');
    const changed = readStoryFile(dir, DEEP).replace('# Putin bets', '# Wombat bets');

    await otherProgram([
      ['write', storyFile(dir, 'from-outside'), added],
      ['write', storyFile(dir, DEEP), changed],
      ['remove', storyFile(dir, 'europe-gas-prices-winter-storage')],
    ]);
    const expected = [
      {
        type: 'story.changed',
        slug: 'from-outside',
        change: 'added',
        hash: sha256(added),
        external: true,
      },
      {
        type: 'story.changed',
        slug: DEEP,
        change: 'changed',
        hash: sha256(changed),
        external: true,
      },
      {
        type: 'story.changed',
        slug: 'europe-gas-prices-winter-storage',
        change: 'removed',
        hash: null,
        external: true,
      },
    ];
    await waitFor(
      () => expected.every((e) => events.some((got) => JSON.stringify(got) === JSON.stringify(e))),
      WITHIN_MS,
      'the three story.changed events',
    );
    expect(storyChanges(events)).toHaveLength(3);

    const slugs = desk.listStories().map((s) => s.slug);
    expect(slugs).toContain('from-outside');
    expect(slugs).not.toContain('europe-gas-prices-winter-storage');
    expect(slugs).toHaveLength(11);
    expect(desk.search({ text: 'Platypus', ...SEARCH }).hits.map((h) => h.slug)).toEqual([
      'from-outside',
    ]);
    expect(desk.search({ text: 'Wombat', ...SEARCH }).hits.map((h) => h.slug)).toEqual([DEEP]);
    expect(desk.search({ text: 'storage', ...SEARCH }).hits.map((h) => h.slug)).not.toContain(
      'europe-gas-prices-winter-storage',
    );
    expect(desk.readStory(DEEP).hash).toBe(sha256(changed));
  });

  test("the desk's own writes are not reported as external", async () => {
    const dir = tempDesk();
    const desk = openDesk(dir, { watch: true });
    const events = recordEvents(desk);
    const { text, hash } = desk.readStory(DEEP);
    expect(
      desk.saveStory({ slug: DEEP, text: text.replace('# Putin', '# Mr Putin'), baseHash: hash })
        .ok,
    ).toBe(true);
    desk.createStory({ slug: 'made-here' });
    desk.renameStory({ from: REFERENCE_SLUG, to: 'geneva-talks' });
    desk.deleteStory('europe-gas-prices-winter-storage');
    desk.putDraft({ slug: DEEP, text: 'draft', baseHash: null });
    // Long enough for the watcher to have seen every write (it settles after 60 ms).
    await sleep(500);
    expect(storyChanges(events).length).toBeGreaterThan(0);
    expect(storyChanges(events).filter((e) => e.external)).toEqual([]);
  });

  test('an external change while the editor has the story open makes its save a conflict', async () => {
    const dir = tempDesk();
    const desk = openDesk(dir, { watch: true });
    const events = recordEvents(desk);
    const editor = desk.readStory(DEEP);
    const theirs = editor.text.replace('# Putin bets', '# Colleague edit: Putin bets');
    await otherProgram([['write', storyFile(dir, DEEP), theirs]]);
    await waitFor(
      () => storyChanges(events).some((e) => e.slug === DEEP && e.external),
      WITHIN_MS,
      'the external change event',
    );
    const mine = editor.text.replace('# Putin bets', '# My edit: Putin bets');
    const result = desk.saveStory({ slug: DEEP, text: mine, baseHash: editor.hash });
    expect(result).toEqual({
      ok: false,
      conflict: { slug: DEEP, mine, theirs, theirsHash: sha256(theirs) },
    });
    expect(readFileSync(storyFile(dir, DEEP), 'utf8')).toBe(theirs);
    expect(events).toContainEqual({ type: 'conflict', slug: DEEP });
    // Saving on top of theirs (the resolution) works.
    expect(desk.saveStory({ slug: DEEP, text: mine, baseHash: sha256(theirs) }).ok).toBe(true);
  });

  test("an outside program restoring the desk's own last save is still an external change", async () => {
    // The desk saves A; a colleague's pull brings B; a revert brings A back. The editor,
    // now showing B, must hear of A, or its next save is a conflict out of the blue.
    const dir = tempDesk();
    const desk = openDesk(dir, { watch: true });
    const events = recordEvents(desk);
    const { text, hash } = desk.readStory(DEEP);
    const a = text.replace('# Putin bets', '# Saved here: Putin bets');
    expect(desk.saveStory({ slug: DEEP, text: a, baseHash: hash }).ok).toBe(true);
    const b = text.replace('# Putin bets', '# Pulled in: Putin bets');
    await otherProgram([['write', storyFile(dir, DEEP), b]]);
    await waitFor(
      () => events.some((e) => e.type === 'story.changed' && e.hash === sha256(b)),
      WITHIN_MS,
      'B',
    );
    await otherProgram([['write', storyFile(dir, DEEP), a]]);
    await waitFor(
      () => events.some((e) => e.type === 'story.changed' && e.external && e.hash === sha256(a)),
      WITHIN_MS,
      'the revert to A',
    );
    expect(desk.search({ text: 'Saved here', ...SEARCH }).hits.map((h) => h.slug)).toEqual([DEEP]);
  });

  test('a burst of writes to one file settles into one event with the final text', async () => {
    const dir = tempDesk();
    const desk = openDesk(dir, { watch: true });
    const events = recordEvents(desk);
    const base = readStoryFile(dir, DEEP);
    const versions = [1, 2, 3, 4, 5].map((n) =>
      base.replace('# Putin bets', `# Version ${n}: Putin bets`),
    );
    await otherProgram(versions.map((v): Op => ['write', storyFile(dir, DEEP), v]));
    await waitFor(
      () => storyChanges(events).some((e) => e.hash === sha256(versions[4]!)),
      WITHIN_MS,
      'the final version',
    );
    await sleep(200);
    const mine = storyChanges(events).filter((e) => e.slug === DEEP);
    expect(mine.at(-1)).toMatchObject({
      change: 'changed',
      external: true,
      hash: sha256(versions[4]!),
    });
    expect(desk.listStories().find((s) => s.slug === DEEP)!.title).toMatch(/^Version 5: /);
  });

  test('closing the desk stops the watcher', async () => {
    const dir = tempDesk();
    const desk = openDesk(dir, { watch: true });
    const events = recordEvents(desk);
    desk.close();
    await otherProgram([['write', storyFile(dir, DEEP), 'changed after close']]);
    await sleep(300);
    expect(storyChanges(events)).toEqual([]);
  });
});
