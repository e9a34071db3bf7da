import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { summaryParts, type SummaryParts } from '../../../shared/story-summary';
import { parseStory } from '../../../shared/story/parse';
import { contentHash } from '../hash';
import { cjkText, indexedText, type IndexedText } from './indexed-text';
import { takeOutlets, takeSources, type TakeOutlet } from './writer';

// One story file read for the index: everything the parse gives that the
// index and the library need, as plain data without the parsed model (many
// times bigger), so a sync can hold a batch of stories cheaply until it is
// written. What needs the desk's entity registry (absorbing names, resolving
// them) is left to the desk, in the stories' order.

export interface ReadStory {
  slug: string;
  mtimeMs: number;
  size: number;
  hash: string;
  /** The summary but for its entities (see completeSummary). */
  parts: SummaryParts;
  /** What EntityRegistry.absorbStory reads of the facts. */
  entityLinks: { slug: string; text: string }[];
  /** The first error, for desk.problems; null when there is none. */
  firstError: { line: number; message: string } | null;
  columns: IndexedText;
  cjk: string;
  sources: [string, string][];
  outlets: TakeOutlet[];
}

/** Reads and parses one story file; null when it cannot be read (gone meanwhile). */
export function readStoryFile(path: string, slug: string): ReadStory | null {
  let bytes: Buffer;
  let mtimeMs: number;
  let size: number;
  try {
    // One open for the bytes and the fingerprint: the stat is of the file that was read.
    const fd = openSync(path, 'r');
    try {
      const stat = fstatSync(fd);
      mtimeMs = stat.mtimeMs;
      bytes = Buffer.allocUnsafe(stat.size);
      let at = 0;
      while (at < bytes.length) {
        const n = readSync(fd, bytes, at, bytes.length - at, at);
        if (n === 0) break;
        at += n;
      }
      if (at < bytes.length) bytes = bytes.subarray(0, at);
      size = stat.size;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const text = bytes.toString('utf8');
  const parsed = parseStory(text);
  const columns = indexedText(parsed, text);
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  return {
    slug,
    mtimeMs,
    size,
    hash: contentHash(bytes),
    parts: summaryParts(slug, parsed),
    entityLinks: parsed.facts.entityLinks.map((l) => ({ slug: l.slug, text: l.text })),
    firstError: error ? { line: error.line, message: error.message } : null,
    columns,
    cjk: cjkText(columns),
    sources: takeSources(parsed),
    outlets: takeOutlets(parsed),
  };
}
