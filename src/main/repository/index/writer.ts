import type Database from 'better-sqlite3';
import type { StorySummary } from '../../../shared/story-summary';
import type { ParseResult } from '../../../shared/story/parse';
import { cjkRuns } from './cjk';
import { encodeGraphFields } from './graph-fields';
import { FTS_COLUMNS, cjkText, indexedText, type IndexedText } from './indexed-text';
import { SET_COLUMNS, SET_DELIMITER } from './schema';

// How stories get into the index and out of it. Each call is one
// transaction; its order of work is set by how SQLite and FTS5 write fastest
// (measured on a 10,000-story desk), and by what FTS5's external content
// needs: a row's old text must still be in story_content when it is deleted
// from story_text, because FTS5 reads it back to know which entries to remove.

/** One story as the repository hands it to the index, parsed and summarized once. */
export interface IndexRecord {
  slug: string;
  mtimeMs: number;
  size: number;
  hash: string;
  /** The file's text: what `parsed` was read from. */
  text: string;
  parsed: ParseResult;
  summary: StorySummary;
}

/**
 * A record with what the index keeps of it already derived (see
 * prepareRecord): a fraction of the parsed model's memory, so a big batch can
 * wait for its transaction without holding every model.
 */
export interface PreparedRecord {
  slug: string;
  mtimeMs: number;
  size: number;
  hash: string;
  summary: StorySummary;
  columns: IndexedText;
  /** The CJK side table's text ('' for none). */
  cjk: string;
  /** The takes' sources, as the source ledger keeps them. */
  sources: [string, string][];
  /** The takes' outlets with their region and language, as the outlet ledger keeps them. */
  outlets: TakeOutlet[];
}

export type AnyRecord = IndexRecord | PreparedRecord;

export function prepareRecord(record: AnyRecord): PreparedRecord {
  if (!('parsed' in record)) return record;
  const columns = indexedText(record.parsed, record.text);
  return {
    slug: record.slug,
    mtimeMs: record.mtimeMs,
    size: record.size,
    hash: record.hash,
    summary: record.summary,
    columns,
    cjk: cjkText(columns),
    sources: takeSources(record.parsed),
    outlets: takeOutlets(record.parsed),
  };
}

/**
 * A story's id is its date's day number times ID_DAY plus a sequence within
 * that day, so FTS5's rowid order is date order: a query too common to rank
 * lists its newest matches straight from the full-text index and reads only
 * as many rows as it shows (one pass with a LIMIT, where sorting every match
 * by date measured two to three times slower). Undated stories are day 0.
 */
export const ID_DAY = 2 ** 24;
/** Added to days since 1970-01-01, so that every date of the last 2,700 years is a positive day. */
const DAY_OFFSET = 1_000_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The day number of a YYYY-MM-DD that names a real day ('2026-02-30' does not), else 0. */
export function dayOf(date: string): number {
  // A desk's dates repeat (some 1,000 days for 10,000 stories): each is worked out once.
  let day = days.get(date);
  if (day === undefined) {
    if (days.size >= 4096) days.clear();
    days.set(date, (day = computeDay(date)));
  }
  return day;
}

const days = new Map<string, number>();

function computeDay(date: string): number {
  const m = DATE.exec(date);
  if (!m) return 0;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return 0;
  return Math.max(1, Math.floor(ms / DAY_MS) + DAY_OFFSET);
}

/**
 * The date the index sorts and filters by: the summary's when it names a
 * real day, else '' (a Meta line's broken date is a diagnostic, and the story
 * is listed with the undated ones, last).
 */
export function indexDate(date: string): string {
  return dayOf(date) ? date : '';
}

interface Placed {
  id: number;
  seq: number;
  record: PreparedRecord;
  /** Whether story_data has no row for it yet: a new story. */
  newData: boolean;
  /** Whether story_content has no row for it yet: a new story, or one whose id changed. */
  newContent: boolean;
}

export class IndexWriter {
  /**
   * Adds or replaces stories. With `deferText`, their text goes to
   * story_content and fts_pending only, for indexPending() to put into the
   * full-text index later; every other table is complete at once.
   */
  readonly upsert: (records: AnyRecord[], deferText?: boolean) => void;
  readonly remove: (slugs: string[]) => void;
  /** Moves up to `limit` pending stories' text into the full-text index, in id order; returns how many. */
  readonly indexPending: (limit: number) => number;

  constructor(db: Database.Database) {
    const storyColumns = [
      'mtime_ms',
      'size',
      'hash',
      'date',
      'status',
      'type',
      'title',
      'errors',
      ...SET_COLUMNS,
      'graph',
    ];
    const textColumns = FTS_COLUMNS.map(([name]) => name);
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

    const selectStory = db.prepare('SELECT id, seq FROM stories WHERE slug = ?').raw();
    const lastIdOfDay = db.prepare('SELECT max(id) FROM stories WHERE id >= ? AND id < ?').pluck();
    const insertStory = db.prepare(
      `INSERT INTO stories (id, seq, slug, ${storyColumns.join(', ')}) VALUES (${marks(storyColumns.length + 3)})`,
    );
    const updateStory = db.prepare(
      `UPDATE stories SET ${storyColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    const deleteStory = db.prepare('DELETE FROM stories WHERE id = ?');
    const lastSeq = db.prepare('SELECT max(seq) FROM story_data').pluck();
    const insertData = db.prepare(
      'INSERT INTO story_data (seq, summary, sources, outlets) VALUES (?, ?, ?, ?)',
    );
    const updateData = db.prepare(
      'UPDATE story_data SET summary = ?, sources = ?, outlets = ? WHERE seq = ?',
    );
    const deleteData = db.prepare('DELETE FROM story_data WHERE seq = ?');
    const insertContent = db.prepare(
      `INSERT INTO story_content (seq, id, ${textColumns.join(', ')}) VALUES (${marks(textColumns.length + 2)})`,
    );
    const updateContent = db.prepare(
      `UPDATE story_content SET ${textColumns.map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`,
    );
    const deleteContent = db.prepare('DELETE FROM story_content WHERE seq = ?');
    // FTS5 rowids are bound as BigInt: better-sqlite3 binds a JS number as REAL, and FTS5
    // ignores a REAL rowid constraint (a `rowid = ?` then matches every row).
    const insertText = db.prepare(
      `INSERT INTO story_text (rowid, ${textColumns.join(', ')}) VALUES (${marks(textColumns.length + 1)})`,
    );
    const deleteText = db.prepare('DELETE FROM story_text WHERE rowid = ?');
    const insertCjk = db.prepare('INSERT INTO cjk (id, runs, text) VALUES (?, ?, ?)');
    const deleteCjk = db.prepare('DELETE FROM cjk WHERE id = ?');
    const isPending = db.prepare('SELECT 1 FROM fts_pending WHERE id = ?').pluck();
    const insertPending = db.prepare('INSERT OR IGNORE INTO fts_pending (id) VALUES (?)');
    const deletePending = db.prepare('DELETE FROM fts_pending WHERE id = ?');
    const nextPending = db.prepare('SELECT id FROM fts_pending ORDER BY id LIMIT ?').pluck();
    const indexContent = db.prepare(
      `INSERT INTO story_text (rowid, ${textColumns.join(', ')}) SELECT id, ${textColumns.join(', ')} FROM story_content WHERE id = ?`,
    );

    this.upsert = db.transaction((input: AnyRecord[], deferText = false) => {
      // The last record of a slug wins: a story is placed once per transaction.
      const records = [...new Map(input.map((r) => [r.slug, r])).values()].map(prepareRecord);
      const placed: Placed[] = [];
      /**
       * Rows to take out: [id, seq, whether its content row goes too, whether its text
       * is still pending (not in the full-text index, so not to be deleted from it)].
       */
      const stale: [number, number, boolean, boolean][] = [];
      /** Ids handed out in this transaction, by day, before their rows are written. */
      const handedOut = new Map<number, number>();
      const allocate = (day: number): number => {
        const last = Math.max(
          (lastIdOfDay.get(day * ID_DAY, (day + 1) * ID_DAY) as number | null) ?? day * ID_DAY,
          handedOut.get(day) ?? 0,
        );
        handedOut.set(day, last + 1);
        return last + 1;
      };

      // 1. Where each story goes: its id (from its date) and its seq.
      for (const record of records) {
        const day = dayOf(record.summary.date);
        const old = selectStory.get(record.slug) as [number, number] | undefined;
        const pending = old !== undefined && isPending.get(old[0]) !== undefined;
        if (old && Math.floor(old[0] / ID_DAY) === day) {
          stale.push([old[0], old[1], false, pending]);
          placed.push({ id: old[0], seq: old[1], record, newData: false, newContent: false });
          continue;
        }
        if (old) {
          // A new date moves the story to another day's ids; its seq stays.
          deleteStory.run(old[0]);
          stale.push([old[0], old[1], true, pending]);
        }
        placed.push({
          id: allocate(day),
          seq: old ? old[1] : 0,
          record,
          newData: !old,
          newContent: true,
        });
      }
      // Rows are written in id order, and new seqs follow it: the big tables are appended to.
      placed.sort((a, b) => a.id - b.id);
      let nextSeq = ((lastSeq.get() as number | null) ?? 0) + 1;
      for (const p of placed) {
        const { summary } = p.record;
        const values = [
          p.record.mtimeMs,
          p.record.size,
          p.record.hash,
          indexDate(summary.date),
          summary.status,
          summary.type,
          summary.title,
          summary.errors,
          ...SET_COLUMNS.map((c) => encodeSet(summary[c])),
          encodeGraphFields(summary),
        ];
        if (p.newData) p.seq = nextSeq++;
        if (p.newContent) insertStory.run(p.id, p.seq, p.record.slug, ...values);
        else updateStory.run(...values, p.id);
      }

      // 2. Old full text out, while story_content still holds what was indexed. FTS5 writes
      // out what it buffered whenever a rowid is lower than the one before, so: rowid order.
      stale.sort((a, b) => a[0] - b[0]);
      for (const [id, seq, moved, pending] of stale) {
        if (pending) deletePending.run(id);
        else deleteText.run(BigInt(id));
        deleteCjk.run(id);
        if (moved) deleteContent.run(seq);
      }

      // 3. New text in, in rowid order: one full-text segment per transaction.
      for (const { id, seq, record, newData, newContent } of placed) {
        const summary = asciiJson(record.summary);
        const sources = JSON.stringify(record.sources);
        const outlets = JSON.stringify(record.outlets);
        if (newData) insertData.run(seq, summary, sources, outlets);
        else updateData.run(summary, sources, outlets, seq);
        const text = record.columns;
        const values = textColumns.map((c) => text[c]);
        if (newContent) insertContent.run(seq, id, ...values);
        else updateContent.run(...values, seq);
        if (deferText) insertPending.run(id);
        else insertText.run(BigInt(id), ...values);
        if (record.cjk) insertCjk.run(id, cjkRuns(record.cjk), record.cjk);
      }
    });

    this.remove = db.transaction((slugs: string[]) => {
      for (const slug of new Set(slugs)) {
        const old = selectStory.get(slug) as [number, number] | undefined;
        if (!old) continue;
        const [id, seq] = old;
        if (isPending.get(id) !== undefined) deletePending.run(id);
        else deleteText.run(BigInt(id));
        deleteCjk.run(id);
        deleteContent.run(seq);
        deleteData.run(seq);
        deleteStory.run(id);
      }
    });

    this.indexPending = db.transaction((limit: number) => {
      const ids = nextPending.all(limit) as number[];
      // In id order, which is rowid order: FTS5 appends to one segment.
      for (const id of ids) {
        indexContent.run(BigInt(id));
        deletePending.run(id);
      }
      return ids.length;
    });
  }
}

/**
 * JSON with every character past ASCII escaped (\\u00e9): SQLite hands an
 * ASCII text to JavaScript, and JSON.parse reads it, about a third faster
 * than the same text with accents or CJK in it, and the list of a big desk is
 * 10,000 of these. JSON.parse gives back the very same strings.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_G, escapeUnit) : json;
}

const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_G = /[\u007f-\uffff]/g;
const escapeUnit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A set column's text: each value between delimiters, '' for none. */
export function encodeSet(values: readonly string[]): string {
  let out = '';
  for (const value of values) {
    const v = value.includes(SET_DELIMITER) ? value.replaceAll(SET_DELIMITER, '') : value;
    if (v) out += SET_DELIMITER + v;
  }
  return out ? out + SET_DELIMITER : '';
}

export function decodeSet(text: string): string[] {
  return text ? text.slice(1, -1).split(SET_DELIMITER) : [];
}

/** The `instr` needle that finds `value` as a whole member of a set column. */
export function setMember(value: string): string {
  return `${SET_DELIMITER}${value}${SET_DELIMITER}`;
}

/** The takes' source URLs, each once, with the outlet of the first take citing it. */
export function takeSources(parsed: ParseResult): [string, string][] {
  const sources = new Map<string, string>();
  for (const fact of parsed.facts.takes) {
    const { source, outlet } = fact.take;
    if (source && !sources.has(source)) sources.set(source, outlet);
  }
  return [...sources];
}

/** [outlet, region, language, takes]: one story's takes counted per outlet, region and language. */
export type TakeOutlet = [string, string, string, number];

/** The takes' (outlet, region, language) triples, each once with how many takes name it; takes without an outlet left out. */
export function takeOutlets(parsed: ParseResult): TakeOutlet[] {
  const counts = new Map<string, TakeOutlet>();
  for (const fact of parsed.facts.takes) {
    const { outlet, region, language } = fact.take;
    if (!outlet) continue;
    const key = `${outlet}\x1f${region}\x1f${language}`;
    const entry = counts.get(key);
    if (entry) entry[3]++;
    else counts.set(key, [outlet, region, language, 1]);
  }
  return [...counts.values()];
}
