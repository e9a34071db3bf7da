import { isMap, isSeq, parseDocument } from 'yaml';
import { z } from 'zod';

// An entity file: YAML front matter (name, aliases, kind) and free notes
// below. Small files, one per entity, so colleagues' edits merge in git. Edits
// go through yaml's document API and touch only the keys they change.

export const ENTITY_KINDS = [
  'person',
  'country',
  'organisation',
  'place',
  'event',
  'other',
] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

export const Entity = z.object({
  slug: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: EntityKind,
  notes: z.string(),
});
export type Entity = z.infer<typeof Entity>;

export interface EntityFileRead {
  entity: Omit<Entity, 'slug'>;
  /** Why the file could not be read as written; the entity then shows what could be saved. */
  problem: string | null;
}

const FENCE = /^---\r?\n([\s\S]*?)^---\r?\n?/m;

export function parseEntityFile(text: string, fallbackName: string): EntityFileRead {
  const m = text.startsWith('---') ? FENCE.exec(text) : null;
  const fallback = { name: fallbackName, aliases: [], kind: 'other' as const, notes: text };
  if (!m)
    return { entity: fallback, problem: 'it has no front matter (--- name, aliases, kind ---)' };
  const notes = text.slice(m[0].length);
  const doc = parseDocument(m[1]!);
  if (doc.errors.length || !isMap(doc.contents))
    return {
      entity: { ...fallback, notes },
      problem: `its front matter is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'not a mapping'})`,
    };
  const name = doc.get('name');
  const aliases = doc.get('aliases');
  const kind = doc.get('kind');
  const problems: string[] = [];
  if (typeof name !== 'string' || !name.trim()) problems.push('name is missing');
  const aliasList = isSeq(aliases)
    ? aliases.toJSON().filter((a: unknown): a is string => typeof a === 'string')
    : [];
  if (aliases !== undefined && aliases !== null && !isSeq(aliases))
    problems.push('aliases is not a list');
  const parsedKind = EntityKind.safeParse(kind ?? 'other');
  if (!parsedKind.success)
    problems.push(`kind “${String(kind)}” is not one of ${ENTITY_KINDS.join(', ')}`);
  return {
    entity: {
      name: typeof name === 'string' && name.trim() ? name : fallbackName,
      aliases: aliasList,
      kind: parsedKind.success ? parsedKind.data : 'other',
      notes,
    },
    problem: problems.length ? problems.join('; ') : null,
  };
}

export function serializeEntityFile(entity: Omit<Entity, 'slug'>, previous?: string): string {
  const m = previous?.startsWith('---') ? FENCE.exec(previous) : null;
  const doc = parseDocument(m ? m[1]! : '');
  if (doc.errors.length || !(isMap(doc.contents) || doc.contents === null))
    return freshEntityFile(entity);
  setIfChanged(doc, 'name', entity.name);
  setIfChanged(doc, 'aliases', entity.aliases);
  setIfChanged(doc, 'kind', entity.kind);
  let yaml = doc.toString();
  if (yaml === '{}\n') yaml = '';
  return `---\n${yaml}---\n${entity.notes}`;
}

function setIfChanged(doc: ReturnType<typeof parseDocument>, key: string, value: unknown) {
  const current = doc.get(key);
  const plain =
    current && typeof current === 'object' && 'toJSON' in current
      ? (current as { toJSON(): unknown }).toJSON()
      : current;
  if (JSON.stringify(plain) !== JSON.stringify(value)) doc.set(key, value);
}

function freshEntityFile(entity: Omit<Entity, 'slug'>): string {
  const doc = parseDocument('');
  doc.set('name', entity.name);
  doc.set('aliases', entity.aliases);
  doc.set('kind', entity.kind);
  return `---\n${doc.toString()}---\n${entity.notes}`;
}
