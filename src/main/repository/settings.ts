import { readFileSync } from 'node:fs';
import { LowSync, type SyncAdapter } from 'lowdb';
import { DeskSettings, SETTINGS_SCHEMA_VERSION, defaultSettings } from '../../shared/desk';
import { atomicWriteFileSync } from './atomic-write';

// Desk settings live in .desk/desk.json through lowdb: small, human-readable,
// rewritten whole on each change (which is why nothing large lives there).
// A file from an older StoryDesk is migrated step by step; one from a newer
// StoryDesk, or one that cannot be read, is never overwritten.

/** One step per schema version: migrations[n] turns version n into n + 1. */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0 was the prototype's flat file: vocabularies sat at the top level.
  0: ({ types, heads, lenses, regions, languages, ...rest }) => ({
    ...rest,
    vocabularies: { types, heads, lenses, regions, languages },
    schemaVersion: 1,
  }),
};

export type SettingsProblem =
  | { kind: 'unreadable'; message: string }
  | { kind: 'newer-schema'; version: number; message: string };

export interface SettingsStore {
  readonly data: DeskSettings;
  /** Set when the file could not be used as it is; the desk is then read-only for settings. */
  readonly problem: SettingsProblem | null;
  update(change: (settings: DeskSettings) => void): void;
}

class AtomicJsonFile implements SyncAdapter<DeskSettings> {
  constructor(private readonly path: string) {}
  read(): DeskSettings | null {
    return null; // Reading goes through openSettings, which validates and migrates first.
  }
  write(data: DeskSettings): void {
    atomicWriteFileSync(this.path, JSON.stringify(data, null, 2) + '\n');
  }
}

export function openSettings(path: string, fallbackName: string): SettingsStore {
  let problem: SettingsProblem | null = null;
  let data: DeskSettings = defaultSettings(fallbackName);
  let migrated = false;
  let exists = true;
  try {
    const raw = readFileSync(path, 'utf8');
    const json: unknown = JSON.parse(raw);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new Error('it is not a JSON object');
    let record = json as Record<string, unknown>;
    let version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 0;
    if (version > SETTINGS_SCHEMA_VERSION) {
      problem = {
        kind: 'newer-schema',
        version,
        message: `.desk/desk.json was written by a newer StoryDesk (settings version ${version}; this one reads up to ${SETTINGS_SCHEMA_VERSION}). The desk opens read-only: update StoryDesk to edit it.`,
      };
    } else {
      while (version < SETTINGS_SCHEMA_VERSION) {
        record = migrations[version]!(record);
        version++;
        migrated = true;
      }
      const parsed = DeskSettings.safeParse(record);
      if (!parsed.success)
        throw new Error(
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      data = parsed.data;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') exists = false;
    else
      problem = {
        kind: 'unreadable',
        message: `.desk/desk.json cannot be read (${(e as Error).message}). The desk opens with default settings and leaves the file untouched; fix or remove it to change settings.`,
      };
  }
  const db = new LowSync<DeskSettings>(new AtomicJsonFile(path), data);
  if (!problem && (migrated || !exists)) db.write();
  return {
    get data() {
      return db.data;
    },
    problem,
    update(change) {
      if (problem) throw new Error(problem.message);
      const next = structuredClone(db.data);
      change(next);
      db.data = DeskSettings.parse(next);
      db.write();
    },
  };
}
