import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Desk } from './desk';
import { ensureSampleDesk } from './sample-desk';

const RESOURCES = path.resolve(__dirname, '..', '..', '..', 'resources');
const shipped = (folder: string) => readdirSync(path.join(RESOURCES, 'sample-desk', folder)).sort();

function target(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'sample-desk-')), 'StoryDesk', 'sample-desk');
}

describe('ensureSampleDesk', () => {
  it('copies the sample desk on a first run and scaffolds it into a desk', () => {
    const dir = target();
    expect(ensureSampleDesk(RESOURCES, dir)).toBe(dir);
    expect(readdirSync(path.join(dir, 'stories')).sort()).toEqual(shipped('stories'));
    expect(readdirSync(path.join(dir, 'entities')).sort()).toEqual(shipped('entities'));
    expect(existsSync(path.join(dir, '.desk', 'desk.json'))).toBe(true);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('.desk/cache/');
    // Nothing left beside it from the copy.
    expect(readdirSync(path.dirname(dir))).toEqual(['sample-desk']);
    const desk = Desk.open(dir);
    try {
      expect(desk.listStories()).toHaveLength(shipped('stories').length);
    } finally {
      desk.close();
    }
  });

  it('never overwrites a desk that is there', () => {
    const dir = target();
    ensureSampleDesk(RESOURCES, dir);
    const story = path.join(dir, 'stories', shipped('stories')[0]!);
    writeFileSync(story, '# Mine now\n');
    const removed = path.join(dir, 'stories', shipped('stories')[1]!);
    writeFileSync(removed, '');
    ensureSampleDesk(RESOURCES, dir);
    expect(readFileSync(story, 'utf8')).toBe('# Mine now\n');
    expect(readFileSync(removed, 'utf8')).toBe('');
  });

  it('leaves any non-empty folder alone, and fills an empty one', () => {
    const taken = target();
    mkdirSync(taken, { recursive: true });
    writeFileSync(path.join(taken, 'notes.txt'), 'hello');
    ensureSampleDesk(RESOURCES, taken);
    expect(existsSync(path.join(taken, 'stories'))).toBe(true); // scaffolded, empty
    expect(readdirSync(path.join(taken, 'stories'))).toEqual([]);

    const empty = target();
    mkdirSync(empty, { recursive: true });
    ensureSampleDesk(RESOURCES, empty);
    expect(readdirSync(path.join(empty, 'stories')).sort()).toEqual(shipped('stories'));
  });

  it('says so when the app has no sample desk to copy', () => {
    const nowhere = mkdtempSync(path.join(tmpdir(), 'no-resources-'));
    expect(() => ensureSampleDesk(nowhere, target())).toThrow(/sample desk is missing/);
  });
});
