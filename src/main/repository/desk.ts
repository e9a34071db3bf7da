import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { DeskEvent } from '../../shared/api-events';
import { defaultSettings, type DeskSettings } from '../../shared/desk';
import type { Entity, EntityKind } from '../../shared/entity';
import { exportStoryText, type ExportFormat } from '../../shared/export';
import type { OutletEntry, SearchQuery, SearchResult, SourceEntry } from '../../shared/search';
import {
  applyChanges,
  canonicalSlugChange,
  entityLinkChanges,
  isValidSlug,
  parseStory,
  storyLinkChanges,
  type Diagnostic,
  type TextChange,
} from '../../shared/story';
import { completeSummary, summarizeStory, type StorySummary } from '../../shared/story-summary';
import { newStoryText } from '../../shared/story-template';
import { atomicWriteFileSync } from './atomic-write';
import { DeskDrafts } from './drafts';
import { EntityRegistry } from './entity-registry';
import type { GraphSource } from './graph';
import { DeskEvents } from './events';
import { contentHash } from './hash';
import { readStoryFile, type ReadStory as FileRead } from './index/story-reader';
import {
  BULK_RECORDS,
  StoryIndex,
  type IndexRecord,
  type PreparedRecord,
} from './index/story-index';
import { DESK_GITIGNORE, deskLayout, type DeskLayout } from './layout';
import { mentionSentence } from '../../shared/sentence';
import { openSettings, type SettingsStore } from './settings';
import { DeskTrash } from './trash';
import { StoryWatcher } from './watcher';

// A desk: a folder of story and entity files, with the settings, index,
// drafts and trash that make it a workbench. The files are the truth; all the
// rest can be rebuilt from them. Every write is atomic, every save checks that
// the file is still what the editor read, and nothing bad on disk stops the
// desk from opening: it is reported and left as it is.

export interface DeskProblem {
  /** Desk-relative path of the file at fault. */
  path: string;
  message: string;
}

export interface StoryText {
  slug: string;
  text: string;
  hash: string;
  diagnostics: Diagnostic[];
}

export type SaveResult =
  | { ok: true; hash: string }
  | {
      ok: false;
      conflict: { slug: string; mine: string; theirs: string | null; theirsHash: string | null };
    };

export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportResult {
  name: string;
  slug: string | null;
  status: 'imported' | 'replaced' | 'skipped' | 'failed';
  errors: number;
  warnings: number;
  message: string;
}

export interface OpenOptions {
  /** Create the desk's folders and settings when they are missing. */
  create?: boolean;
  /** Watch the stories folder for changes made by other programs. */
  watch?: boolean;
  /** better-sqlite3's binding for this runtime, where it is not Node's (the Electron app). */
  sqliteBinding?: string;
  /**
   * From how many new or changed stories an open lists them at once and
   * builds their full-text index (and writes the entity files they create) in
   * the background, after the constructor returns: see whenIndexed(). Below
   * it, all is done before. Default BACKGROUND_FROM.
   */
  backgroundFrom?: number;
}

/** See OpenOptions.backgroundFrom: a cold open of a big desk, a big pull. */
export const BACKGROUND_FROM = 500;
/** Stories read, parsed and written to the index per transaction while syncing. */
const SYNC_CHUNK = 64;
/** Stories put into the full-text index per background step (each a few tens of ms). */
const INDEX_STEP = 300;
/** Pages of full-text index merged per background step after a build. */
const MERGE_STEP = 400;
/** Entity files written per background step. */
const ENTITY_STEP = 64;
/** Entity files checked against the registry's snapshot per background step. */
const VERIFY_STEP = 2000;
/**
 * Saves whose index update may wait for the next turn of the event loop (or
 * the next read): each holds its parsed model, so an import flushes often.
 */
const MAX_DEFERRED = 32;
/** An import of this many files writes the entity files it creates in the background. */
const IMPORT_BULK = 50;
/** The entity registry's snapshot in the index (see EntityRegistry.restore): its head and records. */
const ENTITIES_KEY = 'entities';
const ENTITY_RECORDS_KEY = 'entities.records';

/** A story read for the index: its record prepared, and what desk.problems says of it. */
interface ReadStory {
  record: PreparedRecord;
  firstError: { line: number; message: string } | null;
}

export class DeskError extends Error {
  constructor(
    readonly code: 'not-found' | 'exists' | 'invalid' | 'read-only' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export class Desk {
  readonly layout: DeskLayout;
  readonly events = new DeskEvents();
  readonly problems: DeskProblem[] = [];
  private readonly settingsStore: SettingsStore;
  private readonly entities: EntityRegistry;
  private readonly drafts: DeskDrafts;
  private readonly trash: DeskTrash;
  /** The index as it is on disk; `index` is the same once deferred saves are in. */
  private readonly store: StoryIndex;
  private watcher: StoryWatcher | null = null;
  /** Hashes of what this process last wrote per slug, so the watcher can tell our writes from others'. */
  private readonly ownWrites = new Map<string, string>();
  /** Saved stories whose index update waits for the next turn of the event loop, or the next read. */
  private readonly deferred = new Map<string, IndexRecord>();
  private flushScheduled = false;
  private readonly backgroundFrom: number;
  private closed = false;
  /** Background work under way: full-text indexing, then upkeep (merges, entity files). */
  private indexing: Promise<void> = Promise.resolve();
  private indexingActive = false;
  private settling: Promise<void> = Promise.resolve();

  private constructor(root: string, options: OpenOptions) {
    this.layout = deskLayout(root);
    if (!existsSync(root)) {
      if (!options.create) throw new DeskError('not-found', `There is no desk at ${root}.`);
    }
    if (options.create) Desk.scaffold(this.layout);
    else if (!existsSync(this.layout.stories))
      throw new DeskError(
        'not-found',
        `${root} is not a desk: it has no stories folder. Create one with desk init.`,
      );
    for (const dir of [this.layout.cache, this.layout.drafts]) mkdirSync(dir, { recursive: true });

    this.backgroundFrom = Math.max(1, options.backgroundFrom ?? BACKGROUND_FROM);
    this.settingsStore = openSettings(this.layout.settings, basename(root));
    if (this.settingsStore.problem)
      this.problems.push({ path: '.desk/desk.json', message: this.settingsStore.problem.message });

    const opened = StoryIndex.open(this.layout.index, { nativeBinding: options.sqliteBinding });
    this.store = opened.index;

    // The registry's snapshot stands in for its 20,000 files while the folder is unchanged;
    // the files are then checked in the background (verifyEntities).
    this.entities = new EntityRegistry(this.layout.entities);
    const restored = this.entities.restore({
      head: this.store.getValue(ENTITIES_KEY),
      records: () => (this.closed ? null : this.store.getValue(ENTITY_RECORDS_KEY)),
    });
    if (!restored) this.entities.load();
    for (const record of this.entities.problems())
      this.problems.push({
        path: `entities/${record.entity.slug}.md`,
        message: `This entity file is kept as it is: ${record.problem}.`,
      });

    if (opened.problem)
      this.problems.push({ path: '.desk/cache/index.sqlite', message: opened.problem });

    this.drafts = new DeskDrafts(this.layout.drafts);
    this.trash = new DeskTrash(this.layout.trash);
    this.sync();
    if (restored) this.settleLater(() => this.verifyEntities());
    else this.settleLater(async () => this.saveEntitySnapshot());
    if (options.watch)
      this.watcher = new StoryWatcher(this.layout.stories, (slug) => this.syncOne(slug, true));
  }

  static open(root: string, options: OpenOptions = {}): Desk {
    return new Desk(root, options);
  }

  /** A new desk's folders, settings and .gitignore; existing files are left alone. */
  static scaffold(layout: DeskLayout, settings?: Partial<DeskSettings>): void {
    for (const dir of [
      layout.stories,
      layout.entities,
      layout.sources,
      layout.meta,
      layout.cache,
      layout.drafts,
    ])
      mkdirSync(dir, { recursive: true });
    if (!existsSync(layout.settings))
      atomicWriteFileSync(
        layout.settings,
        JSON.stringify({ ...defaultSettings(basename(layout.root)), ...settings }, null, 2) + '\n',
      );
    const gitignore = join(layout.root, '.gitignore');
    if (!existsSync(gitignore)) writeFileSync(gitignore, DESK_GITIGNORE);
  }

  get settings(): DeskSettings {
    return this.settingsStore.data;
  }

  /** A desk whose settings come from a newer StoryDesk is shown, never written. */
  get readOnly(): boolean {
    return this.settingsStore.problem?.kind === 'newer-schema';
  }

  updateSettings(change: (settings: DeskSettings) => void): DeskSettings {
    this.assertWritable();
    this.settingsStore.update(change);
    return this.settings;
  }

  close(): void {
    if (this.closed) return;
    this.watcher?.close();
    this.watcher = null;
    try {
      this.flushIndex();
      if (!this.readOnly) {
        this.entities.flushPending();
        this.saveEntitySnapshot();
      }
    } finally {
      this.closed = true;
      this.store.close();
    }
  }

  /**
   * Resolves when full-text search covers every story. An open that found
   * many stories new or changed (see OpenOptions.backgroundFrom) lists them at
   * once and indexes their text after: until then a search finds only what is
   * indexed, and the desk emits `index.ready` when it is all in.
   */
  whenIndexed(): Promise<void> {
    return this.indexing;
  }

  /** Resolves when the work an open left for the background is done: indexing, index upkeep, entity files. */
  whenSettled(): Promise<void> {
    return this.settling;
  }

  // -- Background work -------------------------------------------------------

  /** Runs `step` after the background work already queued, unless the desk closes first. */
  private settleLater(step: () => Promise<void>) {
    const previous = this.settling;
    this.settling = (async () => {
      await previous;
      if (this.closed) return;
      try {
        await step();
      } catch (error) {
        if (!this.closed) console.error('Background work on the desk failed:', error);
      }
    })();
  }

  /** Fills the full-text index with the stories written with their text deferred, step by step. */
  private indexInBackground(started: number, stories: number) {
    if (this.indexingActive) return;
    this.indexingActive = true;
    this.indexing = (async () => {
      await nextTurn();
      try {
        while (!this.closed && this.store.indexPending(INDEX_STEP) > 0) await nextTurn();
      } catch (error) {
        if (!this.closed) console.error('Indexing the desk failed:', error);
      }
      this.indexingActive = false;
      if (this.closed) return;
      this.events.emit({ type: 'index.ready', stories, ms: performance.now() - started });
    })();
    const indexing = this.indexing;
    this.settleLater(async () => {
      await indexing;
      // A build leaves many full-text segments; merged now, in steps, rather than by a later
      // save that happens to trigger it (measured: a 300 ms stall some 50 saves on).
      while (!this.closed && this.store.idle({ all: true, mergePages: MERGE_STEP }).more)
        await nextTurn();
      if (!this.closed) this.store.bulkEnd();
    });
  }

  private writeEntitiesInBackground() {
    if (!this.entities.pendingWrites) return;
    this.settleLater(async () => {
      while (!this.closed && this.entities.pendingWrites) {
        await this.entities.writePending(ENTITY_STEP);
        await nextTurn();
      }
      this.saveEntitySnapshot();
    });
  }

  /** After a restore from the snapshot: each entity file, checked in steps, re-read if it changed. */
  private async verifyEntities() {
    const names = this.entities.fileNames();
    const seen = new Set<string>();
    const changed: string[] = [];
    for (let at = 0; at < names.length || at === 0; at += VERIFY_STEP) {
      await nextTurn();
      if (this.closed) return;
      const last = at + VERIFY_STEP >= names.length;
      changed.push(...this.entities.verify(names.slice(at, at + VERIFY_STEP), seen, last));
    }
    if (changed.length) {
      this.events.emit({ type: 'entities.changed', slugs: changed });
      this.saveEntitySnapshot();
    }
  }

  /** Keeps the registry's snapshot in the index for the next open; a cache, so a failure only costs time. */
  private saveEntitySnapshot() {
    if (this.closed || this.readOnly || !this.entities.changedSinceSnapshot) return;
    try {
      const snapshot = this.entities.snapshot();
      this.store.setValue(ENTITIES_KEY, snapshot?.head ?? null);
      this.store.setValue(ENTITY_RECORDS_KEY, snapshot?.records ?? null);
    } catch (error) {
      console.error('Could not keep the entity registry with the index:', error);
    }
  }

  /** The index, with every deferred save in it: what each read and write of the index goes through. */
  private get index(): StoryIndex {
    this.flushIndex();
    return this.store;
  }

  private flushIndex() {
    if (!this.deferred.size) return;
    const records = [...this.deferred.values()];
    this.deferred.clear();
    this.store.upsert(records);
  }

  /** A save's index update, done in the next turn of the event loop, or by the next read. */
  private deferUpsert(record: IndexRecord) {
    this.deferred.delete(record.slug);
    this.deferred.set(record.slug, record);
    if (this.deferred.size >= MAX_DEFERRED) return this.flushIndex();
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.closed) return;
      try {
        this.flushIndex();
      } catch (error) {
        console.error('Updating the index after a save failed:', error);
      }
    });
  }

  // -- Keeping the index true to the files --------------------------------

  private storyPath(slug: string): string {
    return join(this.layout.stories, `${slug}.md`);
  }

  private storySlugsOnDisk(): string[] {
    const slugs: string[] = [];
    for (const file of readdirSync(this.layout.stories)) {
      if (file.startsWith('.')) {
        removeStaleTemp(join(this.layout.stories, file));
        continue;
      }
      if (!file.endsWith('.md')) continue;
      const slug = file.slice(0, -3);
      if (isValidSlug(slug)) slugs.push(slug);
      else
        this.noteProblem(
          `stories/${file}`,
          'This file name is not a story slug (lowercase letters, digits and single hyphens), so the desk leaves it out. Rename the file to bring it in.',
        );
    }
    return slugs;
  }

  /** One entry per file: a later look replaces what an earlier one said. */
  private noteProblem(path: string, message: string | null) {
    const earlier = this.problems.findIndex((p) => p.path === path);
    if (earlier >= 0) this.problems.splice(earlier, 1);
    if (message) this.problems.push({ path, message });
  }

  /**
   * Compare every story file's fingerprint with the index and bring the index
   * up to date. Many changes (see OpenOptions.backgroundFrom) are listed at
   * once and their full text indexed in the background.
   */
  sync(): void {
    const started = performance.now();
    const index = this.index;
    const known = index.stamps();
    const onDisk = this.storySlugsOnDisk();
    const changed: string[] = [];
    const dir = this.layout.stories + sep;
    for (const slug of onDisk) {
      let stat;
      try {
        stat = statSync(`${dir}${slug}.md`); // storyPath(), without join's normalising: 10,000 times.
      } catch {
        continue; // Gone between the listing and the stat.
      }
      const before = known.get(slug);
      if (before && before[1] === stat.mtimeMs && before[2] === stat.size) continue;
      changed.push(slug);
    }
    const present = new Set(onDisk);
    const removed = [...known.keys()].filter((slug) => !present.has(slug));
    if (removed.length) index.remove(removed);
    // Many: listed now, full text and new entity files after (the bulk load ends then).
    const background = changed.length >= this.backgroundFrom;
    if (background || changed.length >= BULK_RECORDS) index.bulkBegin();
    const read: ReadStory[] = [];
    const write = () => {
      index.upsert(
        read.map((r) => r.record),
        { deferText: background },
      );
      for (const r of read) this.noteStoryProblem(r);
      read.length = 0;
    };
    for (const slug of changed) {
      const story = readStoryFile(this.storyPath(slug), slug);
      if (!story) continue; // Gone between the stat and the read.
      read.push(this.finishRead(story, background));
      if (read.length >= SYNC_CHUNK) write();
    }
    write();
    // Stories left broken since an earlier session are unchanged, so not re-read: the index knows their count.
    const noted = new Set(this.problems.map((p) => p.path));
    for (const summary of index.errorSummaries())
      if (!noted.has(`stories/${summary.slug}.md`))
        this.noteProblem(
          `stories/${summary.slug}.md`,
          `${summary.errors} error${summary.errors === 1 ? '' : 's'}; open the story to see ${summary.errors === 1 ? 'it' : 'them'}.`,
        );
    // Text left to index: by this sync, or by an earlier session that closed before it was done.
    if (index.pendingCount() > 0) {
      index.bulkBegin();
      this.indexInBackground(started, onDisk.length);
    } else {
      index.bulkEnd();
      this.events.emit({
        type: 'index.ready',
        stories: onDisk.length,
        ms: performance.now() - started,
      });
    }
    if (background) this.writeEntitiesInBackground();
  }

  private noteStoryProblem({ record, firstError }: ReadStory) {
    const { errors } = record.summary;
    this.noteProblem(
      `stories/${record.slug}.md`,
      firstError
        ? `${errors} error${errors === 1 ? '' : 's'}, first at line ${firstError.line}: ${firstError.message}`
        : null,
    );
  }

  /** One story from its file. */
  private readRecord(slug: string): ReadStory | null {
    const story = readStoryFile(this.storyPath(slug), slug);
    return story && this.finishRead(story, false);
  }

  /**
   * What needs the desk's entity registry, done with each story read in the
   * stories' order: absorb its entities (with `bulk`, the files it creates
   * are written later) and resolve them for its summary.
   */
  private finishRead(story: FileRead, bulk: boolean): ReadStory {
    const { parts } = story;
    const facts = {
      entities: parts.entityNames.map((name) => ({ name })),
      entityLinks: story.entityLinks,
    };
    const changedEntities = this.entities.absorbStory({ facts }, this.readOnly, bulk);
    if (changedEntities.length)
      this.events.emit({ type: 'entities.changed', slugs: changedEntities });
    const { slug, mtimeMs, size, hash, columns, cjk, sources, outlets } = story;
    const summary = completeSummary(parts, this.entities.resolve);
    return {
      record: { slug, mtimeMs, size, hash, summary, columns, cjk, sources, outlets },
      firstError: story.firstError,
    };
  }

  private record(
    slug: string,
    text: string,
    hash: string,
    mtimeMs: number,
    size: number,
    options: { parsed?: ReturnType<typeof parseStory>; deferEntities?: boolean } = {},
  ): IndexRecord {
    const parsed = options.parsed ?? parseStory(text);
    const changedEntities = this.entities.absorbStory(
      parsed,
      this.readOnly,
      options.deferEntities ?? false,
    );
    if (changedEntities.length)
      this.events.emit({ type: 'entities.changed', slugs: changedEntities });
    const summary = summarizeStory(slug, parsed, this.entities.resolve);
    return { slug, mtimeMs, size, hash, text, parsed, summary };
  }

  /** Re-read one story after a change on disk; emits what changed. */
  private syncOne(slug: string, external: boolean): void {
    const before = this.index.fingerprints().get(slug);
    const record = this.readRecord(slug)?.record;
    if (!record) {
      if (before) {
        this.index.remove([slug]);
        this.events.emit({ type: 'story.changed', slug, change: 'removed', hash: null, external });
      }
      return;
    }
    if (before?.hash === record.hash) {
      if (before.mtimeMs !== record.mtimeMs) this.index.upsert([record]);
      return;
    }
    this.index.upsert([record]);
    // Our own write is recognised once: after the file has moved on, the same text
    // coming back (a revert, a pull) is someone else's change.
    const own = this.ownWrites.get(slug);
    this.ownWrites.delete(slug);
    if (external && own === record.hash) return;
    this.events.emit({
      type: 'story.changed',
      slug,
      change: before ? 'changed' : 'added',
      hash: record.hash,
      external,
    });
  }

  private assertWritable() {
    if (this.readOnly) throw new DeskError('read-only', this.settingsStore.problem!.message);
  }

  /**
   * Writes a story (atomically: the file is durable when this returns) and
   * brings the registry up to date at once; the index follows in the next
   * turn of the event loop, or before the next read of it, whichever comes
   * first, so a save does not wait on full-text upkeep.
   */
  private writeStory(
    slug: string,
    text: string,
    options: { parsed?: ReturnType<typeof parseStory>; deferEntities?: boolean } = {},
  ): string {
    this.assertWritable();
    const bytes = Buffer.from(text, 'utf8');
    const hash = contentHash(bytes);
    this.ownWrites.set(slug, hash);
    const path = this.storyPath(slug);
    atomicWriteFileSync(path, bytes);
    const stat = statSync(path);
    this.deferUpsert(this.record(slug, text, hash, stat.mtimeMs, stat.size, options));
    return hash;
  }

  // -- Stories --------------------------------------------------------------

  listStories(): StorySummary[] {
    return this.index.summaries();
  }

  hasStory(slug: string): boolean {
    return isValidSlug(slug) && existsSync(this.storyPath(slug));
  }

  readStory(slug: string): StoryText {
    this.assertSlug(slug);
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.storyPath(slug));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new DeskError('not-found', `There is no story “${slug}”.`);
      throw e;
    }
    const text = bytes.toString('utf8');
    return { slug, text, hash: contentHash(bytes), diagnostics: parseStory(text).diagnostics };
  }

  private assertSlug(slug: string) {
    if (!isValidSlug(slug))
      throw new DeskError(
        'invalid',
        `“${slug}” is not a valid slug: use lowercase letters, digits and single hyphens.`,
      );
  }

  createStory(input: { slug: string; title?: string; type?: string }): StoryText {
    this.assertSlug(input.slug);
    if (this.hasStory(input.slug))
      throw new DeskError('exists', `A story “${input.slug}” already exists.`);
    const text = newStoryText({
      slug: input.slug,
      title: input.title ?? '',
      type: input.type ?? this.settings.vocabularies.types[0] ?? 'story',
      date: new Date().toISOString().slice(0, 10),
      baseUrl: this.settings.baseUrl,
      locale: this.settings.locale,
    });
    const hash = this.writeStory(input.slug, text);
    this.events.emit({
      type: 'story.changed',
      slug: input.slug,
      change: 'added',
      hash,
      external: false,
    });
    return { slug: input.slug, text, hash, diagnostics: parseStory(text).diagnostics };
  }

  /**
   * Save the editor's text. `baseHash` is the hash of the text the editor last
   * read (null for a story it believes is new); if the file has changed since,
   * nothing is written and both texts come back as a conflict.
   */
  saveStory(input: { slug: string; text: string; baseHash: string | null }): SaveResult {
    this.assertSlug(input.slug);
    this.assertWritable();
    let current: Buffer | null = null;
    try {
      current = readFileSync(this.storyPath(input.slug));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const currentHash = current ? contentHash(current) : null;
    if (currentHash !== input.baseHash) {
      this.events.emit({ type: 'conflict', slug: input.slug });
      return {
        ok: false,
        conflict: {
          slug: input.slug,
          mine: input.text,
          theirs: current?.toString('utf8') ?? null,
          theirsHash: currentHash,
        },
      };
    }
    const hash = this.writeStory(input.slug, input.text);
    this.drafts.discard(input.slug);
    this.events.emit({
      type: 'story.changed',
      slug: input.slug,
      change: current ? 'changed' : 'added',
      hash,
      external: false,
    });
    return { ok: true, hash };
  }

  /** The stories whose links a rename of `slug` would rewrite. */
  storiesLinking(slug: string): string[] {
    return this.index.linking(slug).filter((s) => s !== slug);
  }

  /** Give a story a new slug: its file, its Canonical line and every link to it in the desk. */
  renameStory(input: { from: string; to: string }): { rewritten: string[] } {
    const { from, to } = input;
    this.assertSlug(to);
    this.assertWritable();
    const original = this.readStory(from);
    if (from === to) return { rewritten: [] };
    if (this.hasStory(to)) throw new DeskError('exists', `A story “${to}” already exists.`);
    const parsed = parseStory(original.text);
    const own: TextChange[] = storyLinkChanges(parsed.facts, from, to);
    const canonical = canonicalSlugChange(parsed.facts, to);
    if (canonical) own.push(canonical);
    this.writeStory(to, applyChanges(original.text, own));
    const rewritten: string[] = [];
    for (const slug of this.storiesLinking(from)) {
      const { text } = this.readStory(slug);
      const changes = storyLinkChanges(parseStory(text).facts, from, to);
      if (!changes.length) continue;
      const hash = this.writeStory(slug, applyChanges(text, changes));
      rewritten.push(slug);
      this.events.emit({ type: 'story.changed', slug, change: 'changed', hash, external: false });
    }
    this.ownWrites.delete(from);
    unlinkSync(this.storyPath(from));
    this.index.remove([from]);
    this.drafts.move(from, to);
    this.events.emit({
      type: 'story.changed',
      slug: from,
      change: 'removed',
      hash: null,
      external: false,
    });
    this.events.emit({
      type: 'story.changed',
      slug: to,
      change: 'added',
      hash: null,
      external: false,
    });
    return { rewritten };
  }

  /** Move a story to the desk's trash; it can be restored until the trash is emptied. */
  deleteStory(slug: string): { trashId: string } {
    this.assertSlug(slug);
    this.assertWritable();
    if (!this.hasStory(slug)) throw new DeskError('not-found', `There is no story “${slug}”.`);
    const trashId = this.trash.put(this.storyPath(slug), slug);
    this.index.remove([slug]);
    this.drafts.discard(slug);
    this.events.emit({
      type: 'story.changed',
      slug,
      change: 'removed',
      hash: null,
      external: false,
    });
    return { trashId };
  }

  listTrash() {
    return this.trash.list();
  }

  /** Deletes the trashed stories for good: the one step in the app that cannot be undone. */
  emptyTrash(): { removed: number } {
    this.assertWritable();
    return { removed: this.trash.empty() };
  }

  restoreStory(trashId: string): { slug: string } {
    this.assertWritable();
    const item = this.trash.get(trashId);
    if (!item) throw new DeskError('not-found', 'That story is no longer in the trash.');
    if (this.hasStory(item.slug))
      throw new DeskError(
        'exists',
        `A story “${item.slug}” exists again; rename it before restoring this one.`,
      );
    const text = this.trash.take(trashId);
    const hash = this.writeStory(item.slug, text);
    this.events.emit({
      type: 'story.changed',
      slug: item.slug,
      change: 'added',
      hash,
      external: false,
    });
    return { slug: item.slug };
  }

  /** Bring story files into the desk, each checked; a slug already present is skipped or replaced. */
  importStories(files: ImportFile[], onDuplicate: 'skip' | 'replace'): ImportResult[] {
    this.assertWritable();
    const results: ImportResult[] = [];
    // Many files: the entity files they create are written in the background.
    const bulk = files.length >= IMPORT_BULK;
    files.forEach((file, i) => {
      results.push(this.importOne(file, onDuplicate, bulk));
      this.events.emit({
        type: 'import.progress',
        done: i + 1,
        total: files.length,
        name: file.name,
      });
    });
    if (bulk) this.writeEntitiesInBackground();
    return results;
  }

  private importOne(file: ImportFile, onDuplicate: 'skip' | 'replace', bulk = false): ImportResult {
    const parsed = parseStory(file.text);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = parsed.diagnostics.filter((d) => d.severity === 'warning').length;
    const fromName = basename(file.name).replace(/\.(md|markdown|txt)$/i, '');
    const slug = parsed.facts.slug && isValidSlug(parsed.facts.slug) ? parsed.facts.slug : fromName;
    const base = { name: file.name, errors, warnings };
    if (file.text.includes('\0'))
      return {
        ...base,
        slug: null,
        status: 'failed',
        message: 'It is a binary file, not a story.',
      };
    if (!isValidSlug(slug))
      return {
        ...base,
        slug: null,
        status: 'failed',
        message: `It has no Canonical line with a valid slug, and its file name “${fromName}” is not one either.`,
      };
    const exists = this.hasStory(slug);
    if (exists && onDuplicate === 'skip')
      return {
        ...base,
        slug,
        status: 'skipped',
        message: `A story “${slug}” is already in the desk; it was kept.`,
      };
    const hash = this.writeStory(slug, file.text, { parsed, deferEntities: bulk });
    this.events.emit({
      type: 'story.changed',
      slug,
      change: exists ? 'changed' : 'added',
      hash,
      external: false,
    });
    const problems = errors ? ` with ${errors} error${errors === 1 ? '' : 's'} to fix` : '';
    return {
      ...base,
      slug,
      status: exists ? 'replaced' : 'imported',
      message: `${exists ? 'Replaced' : 'Imported'} as “${slug}”${problems}.`,
    };
  }

  exportStory(slug: string, format: ExportFormat): string {
    return exportStoryText(this.readStory(slug).text, format);
  }

  // -- Search ---------------------------------------------------------------

  search(query: SearchQuery): SearchResult {
    return this.index.search(query);
  }

  facets() {
    return this.index.facets();
  }

  sourceLedger(): SourceEntry[] {
    return this.index.sourceLedger();
  }

  outletLedger(): OutletEntry[] {
    return this.index.outletLedger();
  }

  /** Let the index tidy itself (merges, checkpoints) while nobody is waiting. */
  idle(): void {
    this.index.idle();
  }

  // -- Entities -------------------------------------------------------------

  listEntities(): (Entity & { stories: string[] })[] {
    // One pass over the summaries (newest first, as `mentioning` orders them),
    // not one index query per entity: 20,000 of those took minutes.
    const mentions = new Map<string, string[]>();
    for (const summary of this.index.summaries())
      for (const slug of summary.entities) {
        const list = mentions.get(slug);
        if (list) list.push(summary.slug);
        else mentions.set(slug, [summary.slug]);
      }
    return this.entities
      .list()
      .map(({ entity }) => ({ ...entity, stories: mentions.get(entity.slug) ?? [] }));
  }

  /**
   * What the desk's graph is read from (graph.ts): each story's graph fields
   * from a lean projection the index keeps at every write, and the registry's
   * entities without their story lists. The same graph as from the Desk's
   * listStories and listEntities, read in a fraction of the time.
   */
  graphSource(): GraphSource {
    return {
      listStories: () => this.index.graphStories(),
      listEntities: () =>
        this.entities.list().map(({ entity: { slug, name, aliases, kind } }) => ({
          slug,
          name,
          aliases,
          kind,
        })),
    };
  }

  getEntity(slug: string): Entity & { stories: string[]; problem: string | null } {
    const record = this.entities.get(slug);
    if (!record) throw new DeskError('not-found', `There is no entity “${slug}”.`);
    return { ...record.entity, stories: this.index.mentioning(slug), problem: record.problem };
  }

  /** Every story that mentions an entity, with the sentence around each mention. */
  entityMentions(slug: string): { slug: string; title: string; sentences: string[] }[] {
    const entity = this.getEntity(slug);
    return entity.stories.map((storySlug) => {
      const { text } = this.readStory(storySlug);
      const { facts, story } = parseStory(text);
      const sentences = facts.entityLinks
        .filter((l) => l.slug === slug)
        .map((l) => mentionSentence(text, l.span));
      return {
        slug: storySlug,
        title: story.title ?? storySlug,
        sentences: [...new Set(sentences)],
      };
    });
  }

  setEntityKind(slug: string, kind: EntityKind): Entity {
    this.assertWritable();
    this.assertEntityReadable(this.getEntity(slug));
    const entity = this.entities.setKind(slug, kind);
    this.events.emit({ type: 'entities.changed', slugs: [slug] });
    return entity;
  }

  /**
   * Give an entity a new name (and so a new slug): every link and Entities line
   * in the desk follows, and the old name stays as an alias.
   */
  renameEntity(slug: string, name: string): Entity {
    this.assertWritable();
    const current = this.getEntity(slug);
    this.assertEntityReadable(current);
    const trimmed = name.trim();
    if (!trimmed) throw new DeskError('invalid', 'An entity needs a name.');
    const to = this.entities.resolve(trimmed);
    if (to !== slug && this.entities.get(to))
      throw new DeskError(
        'exists',
        `“${trimmed}” is already the entity “${to}”: merge the two instead.`,
      );
    const aliases = [...new Set([...current.aliases, current.name])].filter((a) => a !== trimmed);
    const { stories: _s, problem: _p, ...fields } = current;
    void _s;
    void _p;
    const renamed: Entity = { ...fields, slug: to, name: trimmed, aliases };
    this.rewriteEntityInStories(slug, renamed, current.stories);
    if (to !== slug) this.entities.remove(slug);
    this.entities.put(renamed);
    this.events.emit({ type: 'entities.changed', slugs: [slug, to] });
    return renamed;
  }

  /** Fold `from` into `into`: links and Entities lines move, both names stay as aliases. */
  mergeEntities(from: string, into: string): Entity {
    this.assertWritable();
    if (from === into) throw new DeskError('invalid', 'An entity cannot be merged into itself.');
    const source = this.getEntity(from);
    const target = this.getEntity(into);
    this.assertEntityReadable(source);
    this.assertEntityReadable(target);
    const aliases = [...new Set([...target.aliases, source.name, ...source.aliases])].filter(
      (a) => a !== target.name,
    );
    const merged: Entity = {
      slug: target.slug,
      name: target.name,
      aliases,
      kind: target.kind,
      notes: source.notes.trim()
        ? `${target.notes.trimEnd()}\n\n${source.notes.trim()}\n`
        : target.notes,
    };
    this.entities.put(merged);
    this.entities.remove(from);
    this.rewriteEntityInStories(from, merged, source.stories, source.name);
    this.events.emit({ type: 'entities.changed', slugs: [from, into] });
    return merged;
  }

  /** An entity file that could not be read is left for the user to fix: rewriting or removing it would lose what it holds. */
  private assertEntityReadable(entity: { slug: string; problem: string | null }) {
    if (entity.problem)
      throw new DeskError(
        'invalid',
        `entities/${entity.slug}.md cannot be changed until it is fixed by hand: ${entity.problem}.`,
      );
  }

  private rewriteEntityInStories(from: string, to: Entity, stories: string[], fromName?: string) {
    for (const storySlug of stories) {
      const { text } = this.readStory(storySlug);
      const { facts } = parseStory(text);
      const changes: TextChange[] = to.slug === from ? [] : entityLinkChanges(facts, from, to.slug);
      // Entities-line names of the old entity become the new name, once.
      const names = facts.entities;
      const alreadyListed = names.some((n) => n.name === to.name);
      let kept = alreadyListed;
      // Whether a name before the current one stays in the line.
      let stayingBefore = false;
      const drop: TextChange[] = [];
      names.forEach((n, i) => {
        const resolved = this.entities.resolve(n.name);
        const isOld =
          resolved === from || n.name === fromName || (resolved === to.slug && n.name !== to.name);
        if (!isOld) {
          stayingBefore = true;
          return;
        }
        if (!kept) {
          changes.push({ ...n.span, insert: to.name });
          kept = true;
          stayingBefore = true;
        } else {
          // Remove a duplicate with the separator before it; while no earlier name stays
          // (the duplicates lead the line), with the separator after it, so that
          // consecutive removals never overlap.
          const prev = names[i - 1];
          const next = names[i + 1];
          drop.push(
            stayingBefore && prev
              ? { from: prev.span.to, to: n.span.to, insert: '' }
              : { from: n.span.from, to: next ? next.span.from : n.span.to, insert: '' },
          );
        }
      });
      const all = [...changes, ...drop];
      if (!all.length) continue;
      const hash = this.writeStory(storySlug, applyChanges(text, all));
      this.events.emit({
        type: 'story.changed',
        slug: storySlug,
        change: 'changed',
        hash,
        external: false,
      });
    }
  }

  // -- Drafts ---------------------------------------------------------------

  putDraft(input: { slug: string; text: string; baseHash: string | null }): void {
    this.assertSlug(input.slug);
    this.drafts.put(input);
  }

  listDrafts() {
    return this.drafts.list();
  }

  discardDraft(slug: string): void {
    this.assertSlug(slug);
    this.drafts.discard(slug);
  }

  /** Tell listeners about each draft left by a session that did not end cleanly. */
  announceDrafts(): void {
    for (const d of this.drafts.list())
      this.events.emit({ type: 'draft.recovered', slug: d.slug, updatedAt: d.updatedAt });
  }

  emit(event: DeskEvent): void {
    this.events.emit(event);
  }
}

/**
 * A `.{name}.{pid}.{hex}.tmp` left by a save that was killed mid-write holds
 * nothing anyone can use (the rename never happened); it goes, unless the
 * process that made it is still alive and writing.
 */
function removeStaleTemp(path: string): void {
  const m = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(basename(path));
  if (!m) return;
  const pid = Number(m[1]);
  try {
    process.kill(pid, 0);
    if (pid !== process.pid) return; // Alive: another StoryDesk mid-save.
  } catch {
    // No such process: the temp file is an orphan.
  }
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Lets the event loop run (I/O, IPC, timers) before background work goes on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Move a file aside without losing it, for problems the user resolves by hand. */
export function moveAside(path: string): string {
  const aside = `${path}.aside-${Date.now()}`;
  renameSync(path, aside);
  return aside;
}
