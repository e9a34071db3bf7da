import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  promises as fsp,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  parseEntityFile,
  serializeEntityFile,
  type Entity,
  type EntityKind,
} from '../../shared/entity';
import { isValidSlug, slugify } from '../../shared/story';
import { atomicWriteFileSync } from './atomic-write';

// The entity registry: one small file per entity, kept current from the
// stories. Names and aliases resolve to slugs here, so `Moscow` in an
// Entities line and `[Moscow](/ja/entity/russia)` in prose are one entity.
//
// A desk of 10,000 stories names some 20,000 entities, so the registry keeps
// three things cheap: resolving a name (an index of names and aliases kept up
// to date entity by entity, not rebuilt per story), opening (a snapshot kept
// in the desk's index stands in for reading every file while the folder is as
// it was, and each file is checked in the background after), and absorbing a
// whole desk at once (the files a bulk absorb creates are written in the
// background, each still atomically).

/** What absorbStory reads of a story's facts (a ParseResult has them). */
export interface EntityFacts {
  entities: readonly { name: string }[];
  entityLinks: readonly { slug: string; text: string }[];
}

export interface EntityRecord {
  entity: Entity;
  /** Why the file could not be read as written, if it could not. */
  problem: string | null;
}

/** The folder's and each file's [mtimeMs, size], for telling a snapshot still holds. */
type Fingerprint = [number, number];

type SnapshotRecord = [
  slug: string,
  name: string,
  aliases: string[],
  kind: EntityKind,
  notes: string,
  problem: string | null,
  file: Fingerprint,
];

/**
 * A snapshot is two JSON texts: a small head (checked when a desk opens) and
 * the records (read and parsed when first needed: a desk that opens with no
 * story changed resolves no name until it is used).
 */
interface SnapshotHead {
  v: number;
  dir: Fingerprint;
  /** The records with a problem, in problems() order: what an open reports. */
  problems: SnapshotRecord[];
}

const SNAPSHOT_VERSION = 1;

export class EntityRegistry {
  private readonly records = new Map<string, EntityRecord>();
  /**
   * Where each record stands in `records` (Map order), which decides which of
   * two entities sharing a name or alias that name resolves to: the later one.
   */
  private readonly position = new Map<string, number>();
  private nextPosition = 0;
  /**
   * Lower-cased names and aliases, each with the slug it resolves to: of the
   * entities that have it, the latest in the registry's order.
   */
  private readonly names = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  /** Each file's fingerprint when last read or written by this registry. */
  private readonly files = new Map<string, Fingerprint>();
  /** Entities whose file is to be written by writePending(); in order of change. */
  private readonly pending = new Set<string>();
  /** Bumped on every change of a record, so a background write of an older state is dropped. */
  private readonly versions = new Map<string, number>();
  /** Background writes under way: slug → temporary file. */
  private readonly inFlight = new Map<string, string>();
  /** Whether records changed since the last snapshot. */
  private dirty = true;
  /** A restored snapshot's records not parsed yet (see ensure()), and its problems. */
  private lazy: { records: () => string | null; problems: EntityRecord[] } | null = null;

  constructor(private readonly dir: string) {}

  load(): void {
    this.lazy = null;
    this.clear();
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      return; // No entities folder yet: an empty registry.
    }
    for (const file of names) {
      if (!file.endsWith('.md')) continue;
      const slug = file.slice(0, -3);
      try {
        const { text, fingerprint } = readWithFingerprint(join(this.dir, file));
        const read = parseEntityFile(text, slug);
        this.setRecord(slug, { entity: { slug, ...read.entity }, problem: read.problem });
        this.files.set(slug, fingerprint);
      } catch (e) {
        this.setRecord(slug, {
          entity: { slug, name: slug, aliases: [], kind: 'other', notes: '' },
          problem: `it cannot be read (${(e as Error).message})`,
        });
      }
    }
    this.reindexNames();
    this.dirty = true;
  }

  /**
   * Loads the registry from a snapshot() taken when the folder was last
   * written, if the folder has not changed since (its mtime moves whenever a
   * file is added, removed or replaced, as every write here does). Returns
   * false, leaving the registry as it was, when the snapshot does not hold.
   * Call verify() afterwards: a file edited in place does not move the folder's mtime.
   */
  restore(snapshot: { head: string | null; records: () => string | null }): boolean {
    if (!snapshot.head) return false;
    let head: SnapshotHead;
    try {
      head = JSON.parse(snapshot.head) as SnapshotHead;
    } catch {
      return false;
    }
    if (head.v !== SNAPSHOT_VERSION || !Array.isArray(head.problems)) return false;
    const dir = dirFingerprint(this.dir);
    if (!dir || dir[0] !== head.dir[0] || dir[1] !== head.dir[1]) return false;
    this.clear();
    this.lazy = {
      records: snapshot.records,
      problems: head.problems.map(([slug, name, aliases, kind, notes, problem]) => ({
        entity: { slug, name, aliases, kind, notes },
        problem,
      })),
    };
    this.dirty = false;
    return true;
  }

  /** Parses a restored snapshot's records, once, before anything reads them. */
  private ensure() {
    const lazy = this.lazy;
    if (!lazy) return;
    this.lazy = null;
    let records: SnapshotRecord[] = [];
    try {
      records = JSON.parse(lazy.records() ?? '') as SnapshotRecord[];
    } catch {
      // A damaged snapshot (the head parsed, the rest did not): read the files after all.
      this.load();
      return;
    }
    for (const [slug, name, aliases, kind, notes, problem, file] of records) {
      this.setRecord(slug, { entity: { slug, name, aliases, kind, notes }, problem });
      this.files.set(slug, file);
    }
    this.reindexNames();
    this.dirty = false;
  }

  /**
   * The registry as restore() reads it, in the order load() would read the
   * files; null when it cannot stand for the folder (writes pending, or files
   * there that the registry does not hold), and nothing should be kept.
   */
  snapshot(): { head: string; records: string } | null {
    this.ensure();
    if (this.pending.size || this.inFlight.size) return null;
    const dir = dirFingerprint(this.dir);
    if (!dir) return null;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return null;
    }
    const records: SnapshotRecord[] = [];
    for (const file of names) {
      if (!file.endsWith('.md')) continue;
      const slug = file.slice(0, -3);
      const record = this.records.get(slug);
      const fingerprint = this.files.get(slug);
      if (!record || !fingerprint) return null;
      const { entity, problem } = record;
      records.push([
        slug,
        entity.name,
        entity.aliases,
        entity.kind,
        entity.notes,
        problem,
        fingerprint,
      ]);
    }
    if (records.length !== this.records.size) return null;
    // The folder must not have moved while it was read.
    const after = dirFingerprint(this.dir);
    if (!after || after[0] !== dir[0] || after[1] !== dir[1]) return null;
    const byName = new Map(records.map((r) => [r[0], r]));
    const head: SnapshotHead = {
      v: SNAPSHOT_VERSION,
      dir,
      problems: this.problems().map((r) => byName.get(r.entity.slug)!),
    };
    this.dirty = false;
    return { head: JSON.stringify(head), records: JSON.stringify(records) };
  }

  /** Whether records changed since the last snapshot() or restore(). */
  get changedSinceSnapshot(): boolean {
    return this.dirty;
  }

  /**
   * Checks `names` (file names in the folder, all of them in one call or a
   * share in each) against what the registry holds: a file added, changed or
   * gone since the snapshot is read again. Returns the slugs that changed.
   * `last` says the call holds the folder's last names: records whose file
   * is gone are dropped then.
   */
  verify(names: string[], seen: Set<string>, last: boolean): string[] {
    this.ensure();
    const changed: string[] = [];
    for (const file of names) {
      if (!file.endsWith('.md')) continue;
      const slug = file.slice(0, -3);
      seen.add(slug);
      if (this.pending.has(slug) || this.inFlight.has(slug)) continue;
      let stat;
      try {
        stat = statSync(join(this.dir, file));
      } catch {
        continue;
      }
      const known = this.files.get(slug);
      if (known && this.records.has(slug) && known[0] === stat.mtimeMs && known[1] === stat.size)
        continue;
      this.reread(slug);
      changed.push(slug);
    }
    if (last)
      for (const slug of [...this.records.keys()])
        if (!seen.has(slug) && !this.pending.has(slug) && !this.inFlight.has(slug)) {
          this.records.delete(slug);
          this.position.delete(slug);
          this.files.delete(slug);
          this.bump(slug);
          changed.push(slug);
        }
    if (changed.length) this.reindexNames();
    return changed;
  }

  /** The folder's file names, for verify(). */
  fileNames(): string[] {
    try {
      return readdirSync(this.dir);
    } catch {
      return [];
    }
  }

  private reread(slug: string) {
    const path = join(this.dir, `${slug}.md`);
    try {
      const { text, fingerprint } = readWithFingerprint(path);
      const read = parseEntityFile(text, slug);
      this.setRecord(slug, { entity: { slug, ...read.entity }, problem: read.problem });
      this.files.set(slug, fingerprint);
    } catch (e) {
      this.setRecord(slug, {
        entity: { slug, name: slug, aliases: [], kind: 'other', notes: '' },
        problem: `it cannot be read (${(e as Error).message})`,
      });
      this.files.delete(slug);
    }
  }

  private clear() {
    this.records.clear();
    this.position.clear();
    this.files.clear();
    this.nextPosition = 0;
  }

  /** Sets a record as Map.set would place it: a new slug goes last, a known one stays where it was. */
  private setRecord(slug: string, record: EntityRecord) {
    if (!this.records.has(slug)) this.position.set(slug, this.nextPosition++);
    this.records.set(slug, record);
    this.bump(slug);
  }

  private bump(slug: string) {
    this.versions.set(slug, (this.versions.get(slug) ?? 0) + 1);
    this.dirty = true;
  }

  private reindexNames() {
    this.names.clear();
    this.aliases.clear();
    for (const { entity } of this.records.values()) this.indexNamesOf(entity);
  }

  private indexNamesOf(entity: Entity) {
    for (const alias of entity.aliases) this.claim(this.aliases, alias.toLowerCase(), entity.slug);
    this.claim(this.names, entity.name.toLowerCase(), entity.slug);
  }

  /** `slug` takes `key` unless an entity later in the registry's order has it. */
  private claim(map: Map<string, string>, key: string, slug: string) {
    const holder = map.get(key);
    if (
      holder === undefined ||
      holder === slug ||
      (this.position.get(holder) ?? -1) < (this.position.get(slug) ?? -1)
    )
      map.set(key, slug);
  }

  /**
   * The slug a name or alias stands for; an unknown name gets the slug of its own.
   * Names win over aliases, so an alias can never steal another entity's name;
   * among entities sharing one, the latest in the registry wins.
   */
  resolve = (name: string): string => {
    if (this.lazy) this.ensure();
    const key = name.toLowerCase();
    return this.names.get(key) ?? this.aliases.get(key) ?? slugify(name);
  };

  get(slug: string): EntityRecord | undefined {
    this.ensure();
    return this.records.get(slug);
  }

  list(): EntityRecord[] {
    this.ensure();
    return [...this.records.values()].sort((a, b) => byName(a.entity.name, b.entity.name));
  }

  get size(): number {
    this.ensure();
    return this.records.size;
  }

  /** The records whose file could not be read as written, in list() order. */
  problems(): EntityRecord[] {
    if (this.lazy) return this.lazy.problems;
    return [...this.records.values()]
      .filter((r) => r.problem)
      .sort((a, b) => byName(a.entity.name, b.entity.name));
  }

  /**
   * Make sure every entity a story names has a file, and that link texts that
   * differ from an entity's name are its aliases. Returns the slugs changed.
   * Their files are written at once, or with `defer` left for writePending()
   * (a bulk absorb: opening or importing a whole desk).
   */
  absorbStory(parsed: { facts: EntityFacts }, readOnly = false, defer = false): string[] {
    this.ensure();
    const changed = new Set<string>();
    const { facts } = parsed;
    for (const { name } of facts.entities) {
      if (!name.trim()) continue;
      const slug = this.resolve(name);
      if (!this.records.has(slug)) this.createRecord(own(slug), own(name.trim()), changed);
    }
    for (const link of facts.entityLinks) {
      if (!isValidSlug(link.slug)) continue;
      const text = own(link.text.trim());
      if (!this.records.has(link.slug))
        this.createRecord(own(link.slug), text || own(link.slug), changed);
      const { entity } = this.records.get(link.slug)!;
      const lower = text.toLowerCase();
      const known =
        entity.name.toLowerCase() === lower ||
        entity.aliases.some((n) => n.toLowerCase() === lower);
      if (text && !known && !/[[\]()]/.test(text)) {
        entity.aliases = [...entity.aliases, text];
        this.claim(this.aliases, lower, entity.slug);
        this.bump(link.slug);
        changed.add(link.slug);
      }
    }
    if (changed.size && !readOnly)
      for (const slug of changed) {
        if (defer) this.pending.add(slug);
        else this.write(slug);
      }
    return [...changed];
  }

  private createRecord(slug: string, name: string, changed: Set<string>) {
    const entity: Entity = { slug, name, aliases: [], kind: 'other', notes: '' };
    this.setRecord(slug, { entity, problem: null });
    this.indexNamesOf(entity);
    changed.add(slug);
  }

  update(slug: string, change: (entity: Entity) => void): Entity {
    this.ensure();
    const record = this.records.get(slug);
    if (!record) throw new Error(`There is no entity “${slug}”.`);
    const next = structuredClone(record.entity);
    change(next);
    this.setRecord(slug, { entity: next, problem: record.problem });
    this.reindexNames();
    this.write(slug);
    return next;
  }

  setKind(slug: string, kind: EntityKind): Entity {
    return this.update(slug, (e) => void (e.kind = kind));
  }

  /** Store an entity under a (possibly new) slug. */
  put(entity: Entity): void {
    this.ensure();
    this.setRecord(entity.slug, { entity, problem: null });
    this.reindexNames();
    this.write(entity.slug);
  }

  remove(slug: string): void {
    this.ensure();
    this.records.delete(slug);
    this.position.delete(slug);
    this.files.delete(slug);
    this.pending.delete(slug);
    this.bump(slug);
    this.reindexNames();
    const path = join(this.dir, `${slug}.md`);
    if (existsSync(path)) unlinkSync(path);
  }

  /** How many entity files wait to be written. */
  get pendingWrites(): number {
    return this.pending.size + this.inFlight.size;
  }

  /** Writes every file left to write, now (closing the desk). */
  flushPending(): void {
    const slugs = new Set([...this.inFlight.keys(), ...this.pending]);
    for (const [slug, temp] of this.inFlight) {
      this.bump(slug); // The background write finds itself overtaken and drops its file.
      try {
        unlinkSync(temp);
      } catch {
        // Not made yet, or already gone.
      }
    }
    this.inFlight.clear();
    this.pending.clear();
    for (const slug of slugs) if (this.records.has(slug)) this.write(slug);
  }

  /**
   * Writes up to `limit` of the files left to write, in the background: each
   * to a temporary file that is flushed to disk off the main thread, then
   * renamed over the entity's file unless the entity changed meanwhile (it is
   * then written again). The folder is flushed once per call.
   */
  async writePending(limit: number): Promise<void> {
    const batch = [...this.pending].slice(0, Math.max(1, limit));
    // The folder is part of a desk, but one may have lost it (moved away, a checkout without it).
    mkdirSync(this.dir, { recursive: true });
    const renamed: string[] = [];
    for (const slug of batch) {
      this.pending.delete(slug);
      const job = this.prepareWrite(slug);
      if (!job) continue;
      const { path, temp, bytes, mode, version } = job;
      this.inFlight.set(slug, temp);
      let ok = false;
      try {
        const handle = await fsp.open(temp, 'wx', mode);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        ok = true;
      } catch (error) {
        console.error(`Could not write entities/${slug}.md:`, error);
      }
      // flushPending() or a write of a newer state may have taken over meanwhile.
      const current = this.inFlight.get(slug) === temp;
      if (current) this.inFlight.delete(slug);
      if (ok && current && this.versions.get(slug) === version && this.records.has(slug)) {
        try {
          renameSync(temp, path);
          this.files.set(slug, fingerprintOf(path));
          renamed.push(slug);
          continue;
        } catch (error) {
          console.error(`Could not write entities/${slug}.md:`, error);
        }
      }
      try {
        unlinkSync(temp);
      } catch {
        // Never made.
      }
    }
    if (renamed.length) await syncDirectory(this.dir);
  }

  /** What writing `slug` now would put where; null when nothing is to be written. */
  private prepareWrite(slug: string) {
    const record = this.records.get(slug);
    if (!record) return null;
    const { entity, problem } = record;
    const path = join(this.dir, `${slug}.md`);
    // A file we could not read is left as it is: rewriting it would lose what we did not understand.
    if (problem && existsSync(path)) return null;
    let previous: string | undefined;
    let mode: number | undefined;
    try {
      previous = readFileSync(path, 'utf8');
      mode = statSync(path).mode & 0o777;
    } catch {
      previous = undefined;
    }
    const { slug: _slug, ...fields } = entity;
    void _slug;
    const text = serializeEntityFile(fields, previous);
    if (text === previous) return null;
    const temp = join(this.dir, `.${slug}.md.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    return {
      path,
      temp,
      bytes: Buffer.from(text, 'utf8'),
      mode: mode ?? 0o644,
      version: this.versions.get(slug),
    };
  }

  private write(slug: string) {
    this.pending.delete(slug);
    const temp = this.inFlight.get(slug);
    if (temp !== undefined) {
      // A background write of an older state is under way: it will find itself overtaken.
      this.bump(slug);
      this.inFlight.delete(slug);
      try {
        unlinkSync(temp);
      } catch {
        // Not made yet.
      }
    }
    const { entity, problem } = this.records.get(slug)!;
    const path = join(this.dir, `${slug}.md`);
    // A file we could not read is left as it is: rewriting it would lose what we did not understand.
    if (problem && existsSync(path)) return;
    let previous: string | undefined;
    try {
      previous = readFileSync(path, 'utf8');
    } catch {
      previous = undefined;
    }
    const { slug: _slug, ...fields } = entity;
    void _slug;
    const text = serializeEntityFile(fields, previous);
    if (text !== previous) {
      atomicWriteFileSync(path, text);
      this.files.set(slug, fingerprintOf(path));
    }
  }
}

/**
 * A copy of a string that does not keep the text it was cut from alive: V8
 * makes a substring of 13 characters or more a view of its parent, so an
 * entity name taken from a story would hold the whole story in memory for as
 * long as the registry holds the name (for a desk, every story).
 */
function own(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** String#localeCompare's order (the same collator, made once: 20,000 names sort in milliseconds). */
const byName = new Intl.Collator().compare;

function readWithFingerprint(path: string): { text: string; fingerprint: Fingerprint } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    return { text: readFileSync(fd, 'utf8'), fingerprint: [stat.mtimeMs, stat.size] };
  } finally {
    closeSync(fd);
  }
}

function fingerprintOf(path: string): Fingerprint {
  try {
    const stat = statSync(path);
    return [stat.mtimeMs, stat.size];
  } catch {
    return [0, -1];
  }
}

function dirFingerprint(dir: string): Fingerprint | null {
  try {
    const stat = statSync(dir);
    return [stat.mtimeMs, stat.size];
  } catch {
    return null;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the renames stand.
  }
}
