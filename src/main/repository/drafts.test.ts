import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  REFERENCE_SLUG,
  defer,
  openDesk,
  recordEvents,
  tempDesk,
} from '../../../tests/support/temp-desk';
import { Desk, DeskError } from './desk';

const DEEP = 'putin-ukraine-deep-strikes-summer';

function draftsDir(dir: string) {
  return join(dir, '.desk', 'drafts');
}

describe('drafts', () => {
  test('put, list and discard', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    expect(desk.listDrafts()).toEqual([]);
    const { text, hash } = desk.readStory(DEEP);
    const started = Date.now();
    desk.putDraft({ slug: DEEP, text: text + '\nunsaved line', baseHash: hash });
    desk.putDraft({ slug: 'not-yet-saved', text: '# A new story', baseHash: null });
    const drafts = desk.listDrafts();
    expect(drafts.map((d) => [d.slug, d.text, d.baseHash])).toEqual([
      ['not-yet-saved', '# A new story', null],
      [DEEP, text + '\nunsaved line', hash],
    ]);
    for (const d of drafts) {
      expect(new Date(d.updatedAt).toISOString()).toBe(d.updatedAt);
      expect(Date.parse(d.updatedAt)).toBeGreaterThanOrEqual(started - 1000);
    }
    // The journal is all that was written: the story itself is as it was.
    expect(desk.readStory(DEEP).hash).toBe(hash);

    // A later put replaces the draft.
    desk.putDraft({ slug: DEEP, text: 'newer', baseHash: hash });
    expect(desk.listDrafts().find((d) => d.slug === DEEP)!.text).toBe('newer');

    desk.discardDraft(DEEP);
    expect(desk.listDrafts().map((d) => d.slug)).toEqual(['not-yet-saved']);
    desk.discardDraft(DEEP); // Discarding twice is harmless.
    desk.discardDraft('not-yet-saved');
    expect(desk.listDrafts()).toEqual([]);
    expect(readdirSync(draftsDir(dir))).toEqual([]);
  });

  test('a draft for an invalid slug is refused', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    for (const slug of ['../../escape', 'Bad Slug', '']) {
      expect(() => desk.putDraft({ slug, text: 'x', baseHash: null }), slug).toThrow(DeskError);
    }
    expect(readdirSync(draftsDir(dir))).toEqual([]);
  });

  test('discarding takes a slug, never a path', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    // `.desk/drafts/../desk.json` is the desk's settings file.
    expect(() => desk.discardDraft('../desk')).toThrow(DeskError);
    expect(existsSync(join(dir, '.desk', 'desk.json'))).toBe(true);
  });

  test('saving a story discards its draft, and only its draft', () => {
    const desk = openDesk(tempDesk());
    const deep = desk.readStory(DEEP);
    desk.putDraft({ slug: DEEP, text: deep.text + '\nmore', baseHash: deep.hash });
    desk.putDraft({ slug: REFERENCE_SLUG, text: 'other draft', baseHash: null });
    expect(desk.saveStory({ slug: DEEP, text: deep.text + '\nmore', baseHash: deep.hash }).ok).toBe(
      true,
    );
    expect(desk.listDrafts().map((d) => d.slug)).toEqual([REFERENCE_SLUG]);
  });

  test('a save that conflicts keeps the draft', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const deep = desk.readStory(DEEP);
    desk.putDraft({ slug: DEEP, text: 'mine', baseHash: deep.hash });
    writeFileSync(join(dir, 'stories', `${DEEP}.md`), deep.text + '\ntheirs');
    expect(desk.saveStory({ slug: DEEP, text: 'mine', baseHash: deep.hash }).ok).toBe(false);
    expect(desk.listDrafts().map((d) => d.text)).toEqual(['mine']);
  });

  test('a story renamed takes its draft along; a story deleted drops it', () => {
    const desk = openDesk(tempDesk());
    const deep = desk.readStory(DEEP);
    desk.putDraft({ slug: DEEP, text: 'draft text', baseHash: deep.hash });
    desk.renameStory({ from: DEEP, to: 'summer-strikes' });
    expect(desk.listDrafts().map((d) => [d.slug, d.text])).toEqual([
      ['summer-strikes', 'draft text'],
    ]);
    desk.deleteStory('summer-strikes');
    expect(desk.listDrafts()).toEqual([]);
  });

  test('a torn draft file is skipped, never deleted', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const whole = JSON.stringify({
      slug: DEEP,
      text: 'x'.repeat(200),
      baseHash: null,
      updatedAt: new Date().toISOString(),
    });
    const torn = whole.slice(0, Math.floor(whole.length / 2));
    const tornPath = join(draftsDir(dir), `${DEEP}.json`);
    writeFileSync(tornPath, torn);
    const foreignPath = join(draftsDir(dir), 'notes.json');
    writeFileSync(foreignPath, '{"hello": "world"}');
    desk.putDraft({ slug: REFERENCE_SLUG, text: 'fine', baseHash: null });

    expect(desk.listDrafts().map((d) => d.slug)).toEqual([REFERENCE_SLUG]);
    expect(readFileSync(tornPath, 'utf8')).toBe(torn);
    expect(readFileSync(foreignPath, 'utf8')).toBe('{"hello": "world"}');

    const events = recordEvents(desk);
    desk.announceDrafts();
    expect(events).toEqual([
      { type: 'draft.recovered', slug: REFERENCE_SLUG, updatedAt: expect.any(String) },
    ]);
    expect(readFileSync(tornPath, 'utf8')).toBe(torn);
  });

  test('renaming a story whose draft is torn still renames it, and keeps the torn file', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const tornPath = join(draftsDir(dir), `${DEEP}.json`);
    writeFileSync(tornPath, '{"slug": "putin-ukraine-deep-str');
    const result = desk.renameStory({ from: DEEP, to: 'summer-strikes' });
    expect(result.rewritten).toHaveLength(4);
    expect(desk.hasStory('summer-strikes')).toBe(true);
    expect(desk.hasStory(DEEP)).toBe(false);
    expect(readFileSync(tornPath, 'utf8')).toBe('{"slug": "putin-ukraine-deep-str');
  });

  test('after a crash, a new session lists the drafts and announces each as recovered', () => {
    const dir = tempDesk();
    const crashed = Desk.open(dir); // Not closed before the next session opens: it "crashed".
    defer(() => crashed.close());
    const deep = crashed.readStory(DEEP);
    crashed.putDraft({ slug: DEEP, text: deep.text + '\nunsaved paragraph', baseHash: deep.hash });
    crashed.putDraft({ slug: 'brand-new', text: '# Brand new', baseHash: null });
    const written = crashed.listDrafts();

    const desk = openDesk(dir);
    expect(desk.listDrafts()).toEqual(written);
    expect(existsSync(join(dir, 'stories', 'brand-new.md'))).toBe(false);
    const events = recordEvents(desk);
    desk.announceDrafts();
    expect(events).toEqual(
      written.map((d) => ({ type: 'draft.recovered', slug: d.slug, updatedAt: d.updatedAt })),
    );
    // The recovered draft saves cleanly: the file has not moved on since.
    const draft = desk.listDrafts().find((d) => d.slug === DEEP)!;
    expect(desk.saveStory({ slug: DEEP, text: draft.text, baseHash: draft.baseHash }).ok).toBe(
      true,
    );
    expect(desk.listDrafts().map((d) => d.slug)).toEqual(['brand-new']);
  });
});
