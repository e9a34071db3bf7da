import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  OutletEntry,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchResult,
  SnippetRun,
  SourceEntry,
} from '../../../shared/search';
import type { StoryStatus } from '../../../shared/desk';
import type { GraphStory } from '../../../shared/graph/model';
import type { StorySummary } from '../../../shared/story-summary';
import { decodeGraphStory } from './graph-fields';
import { parseQuery, type ParsedQuery } from './fts-query';
import { EXPECTED_TABLES, SCHEMA, SCHEMA_VERSION, type SetColumn } from './schema';
import {
  ELLIPSIS,
  MATCH_END,
  MATCH_START,
  SNIPPET_TOKENS,
  cjkSnippet,
  markTerms,
  snippetRuns,
} from './snippet';
import {
  ID_DAY,
  IndexWriter,
  dayOf,
  decodeSet,
  setMember,
  type AnyRecord,
  type TakeOutlet,
} from './writer';

export type { AnyRecord, IndexRecord, PreparedRecord } from './writer';
export { prepareRecord } from './writer';

// The desk's derived index (DESIGN.md, "Data on disk"): story summaries and
// facets for the library, full-text search, links and backlinks, the source
// ledger and the files' fingerprints, in .desk/cache/index.sqlite. It is never
// the only copy of anything: the story files are the truth, and an index that
// cannot be read is set aside and rebuilt from them.

export interface Fingerprint {
  mtimeMs: number;
  size: number;
  hash: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** The library's filter menus: each value with the number of stories that have it. */
export interface IndexFacets {
  types: FacetCount[];
  heads: FacetCount[];
  lenses: FacetCount[];
  regions: FacetCount[];
  languages: FacetCount[];
  statuses: FacetCount[];
}

export interface IdleOptions {
  /** Merge the whole full-text index into one segment (slow on a big desk; for a long idle). */
  full?: boolean;
  /**
   * Work towards what `full` does, `mergePages` at a time: segments of every
   * level are merged, not only levels that have piled up. Call again while
   * `more` says so; a cold build's upkeep, done in steps that keep the desk responsive.
   */
  all?: boolean;
  /** Pages of full-text index one call may merge (default 256): a bound on how long it runs. */
  mergePages?: number;
}

export interface IdleResult {
  /** Whether the full-text index has more merging to do: call idle() again later. */
  more: boolean;
}

export interface IndexOptions {
  /**
   * A text query matching more stories than this (within its date filters)
   * lists them newest first instead of ranking them: bm25 reads every match,
   * about 3-5 µs a story and term (measured 8-35 ms for words in all of 10,000
   * stories), while newest first reads only the page it shows; and a word that
   * common says little about relevance anyway. Default 1,000.
   */
  rankLimit?: number;
  /** How long opening waits for another process's lock before giving up (default 5,000 ms). */
  busyTimeoutMs?: number;
  /**
   * better-sqlite3's compiled binding to load instead of the one npm built for
   * Node: the Electron app passes one built for Electron's ABI.
   */
  nativeBinding?: string;
}

type Row = Record<string, unknown>;
type Params = (string | number | bigint)[];

const BROKEN_SUFFIX = '.broken-';
const DEFAULT_RANK_LIMIT = 1000;
/** A batch this big is written as a bulk load (see bulk()). */
export const BULK_RECORDS = 200;
/** user_version while a bulk load runs: a file left with it was interrupted. */
const BUILDING = -1;

export class StoryIndex {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writer: IndexWriter;
  private readonly rankLimit: number;
  /** Whether a bulk load (see bulkBegin) is under way; null when not, else how it ends. */
  private bulkMode: 'memory' | 'wal' | null = null;

  private constructor(
    private readonly db: Database.Database,
    options: IndexOptions = {},
    private readonly onDisk = true,
  ) {
    this.rankLimit = options.rankLimit ?? DEFAULT_RANK_LIMIT;
    this.writer = new IndexWriter(db);
  }

  /**
   * Opens (or creates) the index file. An unreadable file or one of another
   * schema version is set aside as `{file}.broken-{timestamp}` (keeping only
   * the latest such file) and a fresh index is created; `problem` then says
   * what happened, in one sentence, and the caller reindexes the desk.
   */
  static open(
    path: string,
    options: IndexOptions = {},
  ): { index: StoryIndex; problem: string | null } {
    let problem: string;
    try {
      mkdirSync(dirname(path), { recursive: true });
      return { index: new StoryIndex(openFile(path, options), options), problem: null };
    } catch (error) {
      // Another StoryDesk (the app and the CLI on one desk) holding a lock is not damage.
      if (isBusy(error))
        return {
          index: StoryIndex.openMemory(options),
          problem: `The search index is busy in another StoryDesk process (${message(error)}); this session keeps its own in memory.`,
        };
      problem = describeProblem(error);
    }
    try {
      const aside = setAside(path);
      const fate = aside ? `set aside as ${basename(aside)}` : 'deleted';
      return {
        index: new StoryIndex(openFile(path, options), options),
        problem: `${problem}; it was ${fate} and is rebuilt from the story files.`,
      };
    } catch (error) {
      // The folder cannot hold an index (read-only, disk full): the desk still searches, from memory.
      return {
        index: StoryIndex.openMemory(options),
        problem: `${problem}, and no new index could be written there (${message(error)}); this session keeps it in memory.`,
      };
    }
  }

  /** An index in memory only: for tests, and for a desk whose folder cannot hold one. */
  static openMemory(options: IndexOptions = {}): StoryIndex {
    const db = new Database(':memory:', bindingOption(options));
    createSchema(db);
    return new StoryIndex(db, options, false);
  }

  /** Each indexed story's file fingerprint, for the warm-open check. */
  fingerprints(): Map<string, Fingerprint> {
    const rows = this.statement('SELECT slug, mtime_ms, size, hash FROM stories').raw().all() as [
      string,
      number,
      number,
      string,
    ][];
    return new Map(rows.map(([slug, mtimeMs, size, hash]) => [slug, { mtimeMs, size, hash }]));
  }

  /** Each indexed story's [slug, mtimeMs, size], by slug: the warm-open check, without the hashes. */
  stamps(): Map<string, [string, number, number]> {
    const rows = this.statement('SELECT slug, mtime_ms, size FROM stories').raw().all() as [
      string,
      number,
      number,
    ][];
    const map = new Map<string, [string, number, number]>();
    for (const row of rows) map.set(row[0], row);
    return map;
  }

  /**
   * Adds or replaces stories, all in one transaction. A batch of BULK_RECORDS
   * or more (a cold build, a big pull) is written without the WAL (see bulk()).
   * With `deferText`, full-text search finds them only once indexPending()
   * has taken them in; everything else (lists, filters, links, CJK) at once.
   */
  upsert(records: AnyRecord[], options: { deferText?: boolean } = {}): void {
    if (!records.length) return;
    const deferText = options.deferText ?? false;
    if (records.length >= BULK_RECORDS && !this.bulkMode)
      this.bulk(() => this.writer.upsert(records, deferText));
    else this.writer.upsert(records, deferText);
  }

  /** Forgets stories; slugs the index does not hold are ignored. */
  remove(slugs: string[]): void {
    if (slugs.length) this.writer.remove(slugs);
  }

  /**
   * Puts up to `limit` stories written with `deferText` into the full-text
   * index (in one transaction); returns how many are left to do.
   */
  indexPending(limit: number): number {
    if (this.writer.indexPending(Math.max(1, Math.floor(limit))) === 0) return 0;
    return this.pendingCount();
  }

  /** How many stories full-text search does not cover yet. */
  pendingCount(): number {
    return this.statement('SELECT count(*) FROM fts_pending').pluck().get() as number;
  }

  /** A value kept with the index (derived, like all of it), or null. */
  getValue(key: string): string | null {
    const value = this.statement('SELECT value FROM kv WHERE key = ?').pluck().get(key);
    return typeof value === 'string' ? value : null;
  }

  setValue(key: string, value: string | null): void {
    if (value === null) this.statement('DELETE FROM kv WHERE key = ?').run(key);
    else this.statement('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)').run(key, value);
  }

  /**
   * Starts a bulk load that spans many transactions (a cold build listed
   * first and indexed in the background): until bulkEnd(), writes go as in
   * bulk(). Does nothing when one is under way or the index is in memory.
   */
  bulkBegin(): void {
    if (this.bulkMode || !this.onDisk || this.db.inTransaction) return;
    this.bulkMode = this.enterBulk();
  }

  /** Ends what bulkBegin() started: the file is marked complete and back in WAL mode. */
  bulkEnd(): void {
    const mode = this.bulkMode;
    if (!mode) return;
    this.bulkMode = null;
    if (this.db.open) this.leaveBulk(mode);
  }

  /** Every story's summary, newest date first, then by slug (undated stories last). */
  summaries(): StorySummary[] {
    const rows = this.statement(
      'SELECT d.summary FROM stories s JOIN story_data d ON d.seq = s.seq ORDER BY s.date DESC, s.slug',
    )
      .pluck()
      .all() as string[];
    return rows.map((json) => JSON.parse(json) as StorySummary);
  }

  /**
   * Every story as the desk's graph reads it (the GraphStory fields of its
   * summary, the same values), in no particular order: one pass over the
   * stories table and no JSON, a tenth of what summaries() costs.
   */
  graphStories(): GraphStory[] {
    const rows = this.statement('SELECT slug, title, type, status, graph FROM stories')
      .raw()
      .all() as [string, string, string, StoryStatus, string][];
    const stories = new Array<GraphStory>(rows.length);
    const names = new Map<string, string>();
    for (let i = 0; i < rows.length; i++) {
      const [slug, title, type, status, graph] = rows[i]!;
      stories[i] = decodeGraphStory(slug, title, type, status, graph, names);
    }
    return stories;
  }

  /** The summaries of the stories with errors, in summaries() order. */
  errorSummaries(): StorySummary[] {
    const rows = this.statement(
      'SELECT d.summary FROM stories s JOIN story_data d ON d.seq = s.seq WHERE s.errors > 0 ORDER BY s.date DESC, s.slug',
    )
      .pluck()
      .all() as string[];
    return rows.map((json) => JSON.parse(json) as StorySummary);
  }

  summary(slug: string): StorySummary | null {
    const json = this.statement(
      'SELECT d.summary FROM stories s JOIN story_data d ON d.seq = s.seq WHERE s.slug = ?',
    )
      .pluck()
      .get(slug) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as StorySummary);
  }

  /**
   * Full text with filters. Hits are ranked by bm25 (title above dek above
   * entities, quotes and outlets, above takes and prose); a query of only CJK
   * terms, a query that matches more than `rankLimit` stories, and an empty
   * query list the stories newest first instead, with score 0.
   */
  search(query: SearchQuery): SearchResult {
    const limit = Math.max(1, Math.min(10_000, Math.floor(query.limit ?? 50) || 50));
    const filters = filterSql(query.filters ?? {});
    const parsed = parseQuery(query.text ?? '');
    if (!parsed.match && !parsed.cjk.length) return this.list(filters, limit);
    return this.searchText(parsed, filters, limit);
  }

  /** Stories that link to `slug` (Related line or prose), newest first. */
  linking(slug: string): string[] {
    return this.withSet('links', slug);
  }

  /** Stories that mention an entity (Entities line or prose link), newest first. */
  mentioning(entitySlug: string): string[] {
    return this.withSet('entities', entitySlug);
  }

  /**
   * Every URL a take cites, sorted by URL, with the citing stories (oldest
   * first) and the dates of the first and last of them ('' when none is
   * dated). The outlet is the one the latest citing story names.
   */
  sourceLedger(): SourceEntry[] {
    const rows = this.statement(
      'SELECT s.slug, s.date, d.sources FROM stories s JOIN story_data d ON d.seq = s.seq ORDER BY s.date, s.slug',
    )
      .raw()
      .all() as [string, string, string][];
    const byUrl = new Map<string, SourceEntry>();
    for (const [slug, date, json] of rows) {
      for (const [url, outlet] of JSON.parse(json) as [string, string][]) {
        let entry = byUrl.get(url);
        if (!entry)
          byUrl.set(url, (entry = { url, outlet, stories: [], firstSeen: '', lastSeen: '' }));
        entry.stories.push(slug);
        entry.outlet = outlet;
        if (date) {
          if (!entry.firstSeen) entry.firstSeen = date;
          entry.lastSeen = date;
        }
      }
    }
    return [...byUrl.values()].sort((a, b) => compare(a.url, b.url));
  }

  /**
   * Every outlet the takes name, by name, with the region and the language
   * most of its takes give (ties to the first by name, '' when none gives
   * one) and its number of takes: what a take line's autocomplete fills in.
   */
  outletLedger(): OutletEntry[] {
    const rows = this.statement('SELECT outlets FROM story_data').pluck().all() as string[];
    const byOutlet = new Map<
      string,
      { takes: number; regions: Map<string, number>; languages: Map<string, number> }
    >();
    const add = (map: Map<string, number>, value: string, n: number) => {
      if (value) map.set(value, (map.get(value) ?? 0) + n);
    };
    for (const json of rows) {
      for (const [outlet, region, language, n] of JSON.parse(json) as TakeOutlet[]) {
        let entry = byOutlet.get(outlet);
        if (!entry)
          byOutlet.set(outlet, (entry = { takes: 0, regions: new Map(), languages: new Map() }));
        entry.takes += n;
        add(entry.regions, region, n);
        add(entry.languages, language, n);
      }
    }
    const mostUsed = (map: Map<string, number>): string => {
      let best = '';
      let bestCount = 0;
      for (const [value, count] of map)
        if (count > bestCount || (count === bestCount && compare(value, best) < 0)) {
          best = value;
          bestCount = count;
        }
      return best;
    };
    return [...byOutlet]
      .map(([outlet, e]) => ({
        outlet,
        region: mostUsed(e.regions),
        language: mostUsed(e.languages),
        takes: e.takes,
      }))
      .sort((a, b) => compare(a.outlet, b.outlet));
  }

  /** The values the library's filter menus offer, most used first, then by value; '' left out. */
  facets(): IndexFacets {
    const counts = {
      types: new Map<string, number>(),
      statuses: new Map<string, number>(),
      heads: new Map<string, number>(),
      lenses: new Map<string, number>(),
      regions: new Map<string, number>(),
      languages: new Map<string, number>(),
    };
    const add = (map: Map<string, number>, value: string) => {
      if (value) map.set(value, (map.get(value) ?? 0) + 1);
    };
    const rows = this.statement(
      'SELECT type, status, heads, lenses, regions, languages FROM stories',
    )
      .raw()
      .all() as string[][];
    for (const [type, status, heads, lenses, regions, languages] of rows) {
      add(counts.types, type!);
      add(counts.statuses, status!);
      for (const v of decodeSet(heads!)) add(counts.heads, v);
      for (const v of decodeSet(lenses!)) add(counts.lenses, v);
      for (const v of decodeSet(regions!)) add(counts.regions, v);
      for (const v of decodeSet(languages!)) add(counts.languages, v);
    }
    const list = (map: Map<string, number>): FacetCount[] =>
      [...map]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || compare(a.value, b.value));
    return {
      types: list(counts.types),
      heads: list(counts.heads),
      lenses: list(counts.lenses),
      regions: list(counts.regions),
      languages: list(counts.languages),
      statuses: list(counts.statuses),
    };
  }

  /**
   * Upkeep for when the desk is idle, never on every save: merges full-text
   * segments a bounded amount (or wholly, with `full`), checkpoints the WAL
   * without waiting on readers, and refreshes the query planner's statistics.
   */
  idle(options: IdleOptions = {}): IdleResult {
    let more = false;
    if (options.full) {
      this.db.exec(`INSERT INTO story_text (story_text) VALUES ('optimize')`);
    } else {
      const pages = Math.max(1, Math.floor(options.mergePages ?? 256));
      const changes = this.statement('SELECT total_changes()').pluck();
      const before = changes.get() as number;
      // A negative count merges across levels, down to one segment (FTS5's incremental optimize).
      this.statement(`INSERT INTO story_text (story_text, rank) VALUES ('merge', ?)`).run(
        BigInt(options.all ? -pages : pages),
      );
      // FTS5's own signal: fewer than two changes means the merge found nothing to do.
      more = (changes.get() as number) - before >= 2;
    }
    if (this.bulkMode) return { more };
    this.db.pragma('wal_checkpoint(PASSIVE)');
    this.db.pragma('optimize');
    return { more };
  }

  /**
   * What SQLite and FTS5 find wrong with the index ([] when it is sound): the
   * b-trees, and the full-text index against the text it was built from. Reads
   * the whole file; for a "doctor" command and tests, not for every open.
   */
  check(): string[] {
    // Text still waiting for the full-text index would read as missing from it: it goes in first.
    while (this.indexPending(1000) > 0);
    const problems = (this.db.pragma('quick_check') as { quick_check: string }[])
      .map((r) => r.quick_check)
      .filter((r) => r !== 'ok');
    try {
      this.db.exec(`INSERT INTO story_text (story_text, rank) VALUES ('integrity-check', 1)`);
    } catch (error) {
      problems.push(`full-text index: ${message(error)}`);
    }
    return problems;
  }

  close(): void {
    this.bulkEnd();
    if (this.db.open) this.db.close();
  }

  /**
   * Runs a big write with a rollback journal in memory and no syncing, which
   * measured a third faster than the WAL for a cold build (the WAL writes every
   * page twice). While it runs the file is locked to this connection and marked
   * BUILDING in user_version, so a crash half way leaves a file that the next
   * open sets aside instead of trusting. Falls back to the WAL when another
   * connection keeps the file in WAL mode.
   */
  private bulk(write: () => void): void {
    if (!this.onDisk || this.db.inTransaction || this.bulkMode) return write();
    const mode = this.enterBulk();
    try {
      write();
    } finally {
      this.leaveBulk(mode);
    }
  }

  /** Into bulk mode where it can be had: 'memory' when it was, 'wal' when another connection kept the WAL. */
  private enterBulk(): 'memory' | 'wal' {
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    let mode: unknown = 'wal';
    try {
      // Leaving the WAL needs every other connection gone; if one is there, do not wait for it.
      this.db.pragma('busy_timeout = 0');
      this.db.pragma('locking_mode = EXCLUSIVE');
      mode = this.db.pragma('journal_mode = MEMORY', { simple: true });
    } catch (error) {
      if (!isBusy(error)) throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
    if (mode !== 'memory') {
      this.db.pragma('locking_mode = NORMAL');
      return 'wal';
    }
    this.db.pragma('synchronous = OFF');
    this.db.pragma(`user_version = ${BUILDING}`);
    return 'memory';
  }

  private leaveBulk(mode: 'memory' | 'wal'): void {
    if (mode !== 'memory') return;
    // Reached after a rollback too: the index is then as it was, and complete.
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('locking_mode = NORMAL');
    this.db.pragma('journal_mode = WAL');
  }

  // -- search ---------------------------------------------------------------

  private searchText(parsed: ParsedQuery, filters: FilterSql, limit: number): SearchResult {
    const { match, cjk } = parsed;
    const cjkWhere = cjk.map(() => 'instr(c.runs, ?) > 0');
    if (!match) {
      // CJK terms only: one scan of the small CJK table, newest first, counted as it goes.
      const where = [...cjkWhere, ...filters.where].join(' AND ');
      const rows = this.statement(
        `SELECT s.slug, s.title, s.date, s.status, c.text AS cjk, count(*) OVER () AS total
         FROM cjk c CROSS JOIN stories s ON s.id = c.id
         WHERE ${where} ORDER BY s.date DESC, s.slug LIMIT ?`,
      ).all(...cjk, ...filters.params, limit) as Row[];
      const hits = rows.map((r) => hit(r, 0, cjkSnippet(String(r.cjk), cjk)));
      return { hits, total: Number(rows[0]?.total ?? 0) };
    }

    // The stories FTS5 matches, within the date filters' rowid range: what ranking would read.
    const bounds = [match, ...filters.rowids.params];
    const inRange = ['story_text MATCH ?', ...filters.rowids.where];
    const matched = this.statement(`SELECT count(*) FROM story_text WHERE ${inRange.join(' AND ')}`)
      .pluck()
      .get(...bounds) as number;
    if (!matched) return { hits: [], total: 0 };
    // CROSS JOIN keeps the full-text table outermost: FTS5 hands rows over in the order asked.
    const from = `story_text CROSS JOIN stories s ON s.id = story_text.rowid${
      cjk.length ? ' CROSS JOIN cjk c ON c.id = s.id' : ''
    }`;
    const rest = [...cjkWhere, ...filters.rowWhere];
    const where = [...inRange, ...rest].join(' AND ');
    const params: Params = [...bounds, ...cjk, ...filters.rowParams];
    const total = rest.length
      ? (this.statement(`SELECT count(*) FROM ${from} WHERE ${where}`)
          .pluck()
          .get(...params) as number)
      : matched;
    if (!total) return { hits: [], total };
    const ranked = matched <= this.rankLimit;
    const rows = this.statement(
      `SELECT s.slug, s.title, s.date, s.status, ${ranked ? 'story_text.rank' : '0'} AS score,
              snippet(story_text, -1, ?, ?, ?, ${SNIPPET_TOKENS}) AS snippet
       FROM ${from} WHERE ${where}
       ORDER BY ${ranked ? 'story_text.rank' : 'story_text.rowid DESC'} LIMIT ?`,
    ).all(MATCH_START, MATCH_END, ELLIPSIS, ...params, limit) as Row[];
    const hits = rows.map((r) =>
      hit(r, Number(r.score), markTerms(snippetRuns(String(r.snippet)), cjk)),
    );
    return { hits, total };
  }

  private list(filters: FilterSql, limit: number): SearchResult {
    const from = 'stories s';
    const where = filters.where.join(' AND ');
    const rows = this.statement(
      `SELECT s.slug, s.title, s.date, s.status FROM ${from} ${where ? `WHERE ${where}` : ''}
       ORDER BY s.date DESC, s.slug LIMIT ?`,
    ).all(...filters.params, limit) as Row[];
    const hits = rows.map((r) => hit(r, 0, []));
    return { hits, total: this.count(hits.length, limit, from, where, filters.params) };
  }

  /** The number of matches: the page's length when it is not full, else a COUNT. */
  private count(found: number, limit: number, from: string, where: string, params: Params): number {
    if (found < limit) return found;
    return this.statement(`SELECT count(*) FROM ${from} ${where ? `WHERE ${where}` : ''}`)
      .pluck()
      .get(...params) as number;
  }

  private withSet(column: SetColumn, value: string): string[] {
    return this.statement(
      `SELECT slug FROM stories WHERE instr(${column}, ?) > 0 AND slug != ? ORDER BY date DESC, slug`,
    )
      .pluck()
      .all(setMember(value), value) as string[];
  }

  /** Prepared once per distinct SQL text (filters vary the text; the set stays small). */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= 200) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

// -- helpers ----------------------------------------------------------------

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// -- filters ----------------------------------------------------------------

interface FilterSql {
  /** Every filter, as conditions on `stories s`. */
  where: string[];
  params: Params;
  /** The date filters as a range of story ids, conditions on `story_text.rowid` (see ID_DAY). */
  rowids: { where: string[]; params: Params };
  /** The filters the rowid range does not already apply. */
  rowWhere: string[];
  rowParams: Params;
}

const SET_FILTERS = [
  ['head', 'heads'],
  ['lens', 'lenses'],
  ['region', 'regions'],
  ['language', 'languages'],
  ['entity', 'entities'],
] as const satisfies readonly (readonly [keyof SearchFilters, SetColumn])[];

/** An empty string filters nothing, as an empty menu choice means "any". */
function filterSql(filters: SearchFilters): FilterSql {
  const rowWhere: string[] = [];
  const rowParams: Params = [];
  if (filters.status) {
    rowWhere.push('s.status = ?');
    rowParams.push(filters.status);
  }
  if (filters.type) {
    rowWhere.push('s.type = ?');
    rowParams.push(filters.type);
  }
  for (const [key, column] of SET_FILTERS) {
    const value = filters[key];
    if (!value) continue;
    rowWhere.push(`instr(s.${column}, ?) > 0`);
    rowParams.push(setMember(value));
  }
  const where = [...rowWhere];
  const params = [...rowParams];
  const rowids: FilterSql['rowids'] = { where: [], params: [] };
  // A real day bounds the ids, and FTS5 then reads only that range; anything else
  // ('2026', '2026-02-30') is compared as text, as the Meta line's dates are.
  const { dateFrom, dateTo } = filters;
  if (dateFrom) {
    where.push('s.date >= ?');
    params.push(dateFrom);
    if (dayOf(dateFrom)) {
      rowids.where.push('story_text.rowid >= ?');
      rowids.params.push(BigInt(dayOf(dateFrom) * ID_DAY));
    } else {
      rowWhere.push('s.date >= ?');
      rowParams.push(dateFrom);
    }
  }
  if (dateTo) {
    where.push(`s.date <= ? AND s.date != ''`);
    params.push(dateTo);
    if (dayOf(dateTo)) {
      // Undated stories are day 0, below every real day.
      rowids.where.push('story_text.rowid >= ?', 'story_text.rowid < ?');
      rowids.params.push(BigInt(ID_DAY), BigInt((dayOf(dateTo) + 1) * ID_DAY));
    } else {
      rowWhere.push(`s.date <= ? AND s.date != ''`);
      rowParams.push(dateTo);
    }
  }
  return { where, params, rowids, rowWhere, rowParams };
}

function hit(row: Row, score: number, snippet: SnippetRun[]): SearchHit {
  return {
    slug: String(row.slug),
    title: String(row.title),
    date: String(row.date),
    status: String(row.status) as StoryStatus,
    score,
    snippet,
  };
}

// -- opening ----------------------------------------------------------------

class IndexProblem extends Error {}

function bindingOption(options: IndexOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

function openFile(path: string, options: IndexOptions): Database.Database {
  const db = new Database(path, {
    timeout: options.busyTimeoutMs ?? 5000,
    ...bindingOption(options),
  });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
    // A save appends a few pages to the WAL; copying them back to the file every 1,000 pages
    // (the default) put a 20-90 ms checkpoint into one save in ten. idle() checkpoints instead,
    // and this bound (40 MB) only stops the WAL growing when the desk is never idle.
    db.pragma('wal_autocheckpoint = 10000');
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
    );
    if (version === 0 && tables.size === 0) {
      createSchema(db);
      return db;
    }
    if (version === BUILDING)
      throw new IndexProblem(
        'The search index was left half-built when StoryDesk stopped during indexing',
      );
    if (version > SCHEMA_VERSION)
      throw new IndexProblem(
        `The search index was written by a newer StoryDesk (index version ${version}, this one reads ${SCHEMA_VERSION})`,
      );
    if (version === 0)
      throw new IndexProblem('The search index file holds a database StoryDesk did not write');
    if (version < SCHEMA_VERSION)
      throw new IndexProblem(
        `The search index is from an older StoryDesk (index version ${version})`,
      );
    const missing = EXPECTED_TABLES.filter((t) => !tables.has(t));
    if (missing.length)
      throw new IndexProblem(`The search index lacks its ${missing.join(', ')} table`);
    // Reads the first pages of each table, so a file damaged past its header fails here, not in a search.
    db.prepare('SELECT count(*) FROM (SELECT 1 FROM stories LIMIT 1)').get();
    db.prepare(`SELECT rowid FROM story_text WHERE story_text MATCH '"a"' LIMIT 1`).get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function createSchema(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_LOCKED' ||
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
  );
}

function describeProblem(error: unknown): string {
  if (error instanceof IndexProblem) return error.message;
  return `The search index could not be read (${message(error)})`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Moves a broken index (and its WAL files) aside, removing an earlier broken
 * copy first so at most one is kept. Returns the new name, or null when the
 * file could only be deleted.
 */
function setAside(path: string): string | null {
  const dir = dirname(path);
  const name = basename(path);
  for (const entry of readdirSync(dir))
    if (entry.startsWith(name + BROKEN_SUFFIX)) rmSync(join(dir, entry), { force: true });
  const aside = `${path}${BROKEN_SUFFIX}${new Date().toISOString().replace(/[:.]/g, '-')}`;
  let moved: string | null = aside;
  try {
    if (existsSync(path)) renameSync(path, aside);
  } catch {
    rmSync(path, { force: true });
    moved = null;
  }
  for (const suffix of ['-wal', '-shm']) {
    if (!existsSync(path + suffix)) continue;
    if (moved) renameSync(path + suffix, aside + suffix);
    else rmSync(path + suffix, { force: true });
  }
  return moved;
}
