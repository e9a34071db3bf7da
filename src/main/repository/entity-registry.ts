import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseEntityFile,
  serializeEntityFile,
  type Entity,
  type EntityKind,
} from '../../shared/entity';
import type { ParseResult } from '../../shared/story';
import { isValidSlug, slugify } from '../../shared/story';
import { atomicWriteFileSync } from './atomic-write';

// The entity registry: one small file per entity, kept current from the
// stories. Names and aliases resolve to slugs here, so `Moscow` in an
// Entities line and `[Moscow](/ja/entity/russia)` in prose are one entity.

export interface EntityRecord {
  entity: Entity;
  /** Why the file could not be read as written, if it could not. */
  problem: string | null;
}

export class EntityRegistry {
  private readonly records = new Map<string, EntityRecord>();
  private readonly byName = new Map<string, string>();

  constructor(private readonly dir: string) {}

  load(): void {
    this.records.clear();
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
        const read = parseEntityFile(readFileSync(join(this.dir, file), 'utf8'), slug);
        this.records.set(slug, { entity: { slug, ...read.entity }, problem: read.problem });
      } catch (e) {
        this.records.set(slug, {
          entity: { slug, name: slug, aliases: [], kind: 'other', notes: '' },
          problem: `it cannot be read (${(e as Error).message})`,
        });
      }
    }
    this.reindexNames();
  }

  private reindexNames() {
    this.byName.clear();
    // Names win over aliases, so an alias can never steal another entity's name.
    for (const { entity } of this.records.values())
      for (const alias of entity.aliases) this.byName.set(alias.toLowerCase(), entity.slug);
    for (const { entity } of this.records.values())
      this.byName.set(entity.name.toLowerCase(), entity.slug);
  }

  /** The slug a name or alias stands for; an unknown name gets the slug of its own. */
  resolve = (name: string): string => this.byName.get(name.toLowerCase()) ?? slugify(name);

  get(slug: string): EntityRecord | undefined {
    return this.records.get(slug);
  }

  list(): EntityRecord[] {
    return [...this.records.values()].sort((a, b) => a.entity.name.localeCompare(b.entity.name));
  }

  get size(): number {
    return this.records.size;
  }

  /**
   * Make sure every entity a story names has a file, and that link texts that
   * differ from an entity's name are its aliases. Returns the slugs written.
   */
  absorbStory(parsed: ParseResult, readOnly = false): string[] {
    const changed = new Set<string>();
    const { facts } = parsed;
    for (const { name } of facts.entities) {
      if (!name.trim()) continue;
      const slug = this.resolve(name);
      if (!this.records.has(slug)) this.createRecord(slug, name.trim(), changed);
    }
    for (const link of facts.entityLinks) {
      if (!isValidSlug(link.slug)) continue;
      const text = link.text.trim();
      if (!this.records.has(link.slug)) this.createRecord(link.slug, text || link.slug, changed);
      const { entity } = this.records.get(link.slug)!;
      const known = [entity.name, ...entity.aliases].some(
        (n) => n.toLowerCase() === text.toLowerCase(),
      );
      if (text && !known && !/[[\]()]/.test(text)) {
        entity.aliases = [...entity.aliases, text];
        changed.add(link.slug);
      }
    }
    if (changed.size) {
      this.reindexNames();
      if (!readOnly) for (const slug of changed) this.write(slug);
    }
    return [...changed];
  }

  private createRecord(slug: string, name: string, changed: Set<string>) {
    this.records.set(slug, {
      entity: { slug, name, aliases: [], kind: 'other', notes: '' },
      problem: null,
    });
    changed.add(slug);
  }

  update(slug: string, change: (entity: Entity) => void): Entity {
    const record = this.records.get(slug);
    if (!record) throw new Error(`There is no entity “${slug}”.`);
    const next = structuredClone(record.entity);
    change(next);
    this.records.set(slug, { entity: next, problem: record.problem });
    this.reindexNames();
    this.write(slug);
    return next;
  }

  setKind(slug: string, kind: EntityKind): Entity {
    return this.update(slug, (e) => void (e.kind = kind));
  }

  /** Store an entity under a (possibly new) slug. */
  put(entity: Entity): void {
    this.records.set(entity.slug, { entity, problem: null });
    this.reindexNames();
    this.write(entity.slug);
  }

  remove(slug: string): void {
    this.records.delete(slug);
    this.reindexNames();
    const path = join(this.dir, `${slug}.md`);
    if (existsSync(path)) unlinkSync(path);
  }

  private write(slug: string) {
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
    if (text !== previous) atomicWriteFileSync(path, text);
  }
}
