import { FTS_COLUMNS } from './indexed-text';

// The index's tables. All of it is derived from the story files and rebuilt
// when anything about it looks wrong, so a schema change is a version bump,
// never a migration: a file with another `user_version` is set aside and the
// desk reindexes.

/** Bump on any change below; an index of another version is rebuilt from the files. */
export const SCHEMA_VERSION = 5;

/**
 * The multi-valued fields a search filters on, kept on the story's row as
 * sets: `\x1f`-delimited, with a delimiter at each end (`\x1fa\x1fb\x1f`), so
 * `instr(column, '\x1f' || value || '\x1f')` tests membership. Measured on a
 * 10,000-story desk, this costs nothing on insert where one row per value
 * (340,000 rows) cost a second, and a scan of every row for backlinks takes
 * a few milliseconds.
 */
export const SET_COLUMNS = [
  'heads',
  'lenses',
  'regions',
  'languages',
  'entities',
  'links',
] as const;
export type SetColumn = (typeof SET_COLUMNS)[number];
export const SET_DELIMITER = '\x1f';

const ftsColumns = FTS_COLUMNS.map(([name]) => name).join(', ');
// Literals, not bound parameters: better-sqlite3 binds JS numbers as REAL, and
// FTS5 refuses a REAL for its settings with a bare "SQL logic error".
const bm25 = `bm25(${FTS_COLUMNS.map(([, weight]) => weight.toFixed(1)).join(', ')})`;

export const SCHEMA = `
CREATE TABLE stories (
  -- The story's date as a day number times 2^24, plus a sequence within the day, so that
  -- full-text rowid order is date order (story-index.ts, ID_DAY); changes with the date.
  id INTEGER PRIMARY KEY,
  -- The story's rows in story_data and story_content: allocated once, in insert order, so a
  -- cold build appends to those big tables instead of writing all over them.
  seq INTEGER NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  -- The file's fingerprint when it was indexed, for the warm-open check.
  mtime_ms REAL NOT NULL,
  size INTEGER NOT NULL,
  hash TEXT NOT NULL,
  -- From the summary, for filters and sorting; '' when the story has none.
  date TEXT NOT NULL,
  status TEXT NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  -- The summary's error count: which stories an open names in desk.problems, without reading every summary.
  errors INTEGER NOT NULL,
  -- Sets (see SET_COLUMNS): entities are entity slugs, links are story slugs.
  ${SET_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(',\n  ')},
  -- What the desk's graph reads of the story besides the columns above (graph-fields.ts).
  graph TEXT NOT NULL
);
-- Covering indexes: the list (seq finds its summary) and the warm-open check read these, not
-- the table's wide rows.
CREATE INDEX stories_by_date ON stories (date DESC, slug, seq);
CREATE INDEX stories_stamps ON stories (slug, mtime_ms, size);
-- The stories an open names in desk.problems: a few, found without a look at the others.
CREATE INDEX stories_with_errors ON stories (date DESC, slug) WHERE errors > 0;

CREATE TABLE story_data (
  seq INTEGER PRIMARY KEY,
  -- The StorySummary as JSON: what the library lists without opening the file.
  summary TEXT NOT NULL,
  -- The takes' sources as JSON [[url, outlet], ...], each URL once: the source ledger.
  sources TEXT NOT NULL,
  -- The takes' outlets as JSON [[outlet, region, language, takes], ...]: the outlet ledger.
  outlets TEXT NOT NULL
);

-- The text full-text search indexes, one column per FTS5 column (indexed-text.ts): the
-- external content of story_text, read back for snippets and when a row is replaced.
CREATE TABLE story_content (
  seq INTEGER PRIMARY KEY,
  id INTEGER NOT NULL UNIQUE,
  ${FTS_COLUMNS.map(([c]) => `${c} TEXT NOT NULL`).join(',\n  ')}
);

-- Stories whose text is in story_content but not yet in story_text: a big (cold) build
-- lists the stories first and fills the full-text index after, in the background. FTS5
-- must never be asked to delete a row it was not given, so the writer checks here first.
CREATE TABLE fts_pending (
  id INTEGER PRIMARY KEY
);

-- Small derived values kept between sessions (the entity registry's snapshot).
CREATE TABLE kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Each story's CJK-bearing lines (cjk.ts), for substring search; only stories that have any.
-- A term is found in runs (the lines' CJK runs only, a twentieth of the text to scan: a CJK
-- term, all CJK letters, can only occur inside one run); text gives the snippet its context.
CREATE TABLE cjk (
  id INTEGER PRIMARY KEY,
  runs TEXT NOT NULL,
  text TEXT NOT NULL
);

CREATE VIRTUAL TABLE story_text USING fts5(
  ${ftsColumns},
  content = 'story_content',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO story_text (story_text, rank) VALUES ('rank', '${bm25}');
-- A cold build writes one segment per batch (not one per megabyte of terms)
-- and merges once 16 pile up, not 4: measured 0.5-1 s less for 10,000 stories,
-- and a search reads the few extra segments in well under a millisecond.
-- idle() merges the rest when nobody is waiting.
INSERT INTO story_text (story_text, rank) VALUES ('hashsize', 16777216);
INSERT INTO story_text (story_text, rank) VALUES ('automerge', 16);
INSERT INTO story_text (story_text, rank) VALUES ('crisismerge', 64);
`;

/** The tables a healthy index of this version has; anything else is rebuilt. */
export const EXPECTED_TABLES = [
  'stories',
  'story_data',
  'story_content',
  'fts_pending',
  'kv',
  'cjk',
  'story_text',
];
