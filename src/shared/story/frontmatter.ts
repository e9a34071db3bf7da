import { isMap, isScalar, parseDocument, type Document } from 'yaml';

// Front matter holds what only the desk needs (status, assignee, fact-checks).
// The text stays the truth: it is read through yaml's document API, and an
// edit of a scalar value replaces just that value's characters, so comments,
// spacing, key order and quoting elsewhere come back byte for byte.

export type FrontMatterData = Record<string, unknown>;

export interface FrontMatterRead {
  data: FrontMatterData | null;
  /** Why the block could not be read, with the 0-based line within the YAML. */
  error: { message: string; line: number } | null;
}

function lineAt(yaml: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < yaml.length; i++) if (yaml.charCodeAt(i) === 10) line++;
  return line;
}

export function readFrontMatter(yaml: string): FrontMatterRead {
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first)
    return {
      data: null,
      error: {
        message: first.message.split('\n')[0] ?? first.message,
        line: lineAt(yaml, first.pos[0]),
      },
    };
  if (doc.contents === null) return { data: {}, error: null };
  if (!isMap(doc.contents))
    return {
      data: null,
      error: { message: 'front matter must be a set of `key: value` lines', line: 0 },
    };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) as FrontMatterData, error: null };
  } catch (e) {
    // toJS refuses some documents the parser accepts: an alias to a missing
    // anchor, an alias bomb. That is malformed front matter, not a crash.
    return { data: null, error: { message: e instanceof Error ? e.message : String(e), line: 0 } };
  }
}

/**
 * Set (or, with `undefined`, remove) one top-level key and return the new
 * YAML. A scalar replacing a scalar is spliced into the text in place;
 * anything else goes through the document, which keeps the other keys.
 */
export function setFrontMatterKey(yaml: string, key: string, value: unknown): string {
  const doc = parseDocument(yaml, { keepSourceTokens: true });
  if (doc.errors.length)
    throw new Error(`The front matter is not valid YAML: ${doc.errors[0]!.message}`);
  const spliced =
    value === undefined
      ? removeKey(doc, yaml, key)
      : (spliceScalar(doc, yaml, key, value) ?? appendKey(doc, yaml, key, value));
  if (spliced !== null) return spliced;
  if (value === undefined) doc.delete(key);
  else doc.set(key, value);
  const text = doc.toString();
  return text === '{}\n' ? '' : text;
}

function spliceScalar(doc: Document, yaml: string, key: string, value: unknown): string | null {
  if (!isMap(doc.contents)) return null;
  if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) return null;
  const node = doc.contents.get(key, true);
  if (!isScalar(node) || !node.range) return null;
  // Let yaml write the new value (quoting it when needed) as a one-line scalar.
  const written = parseDocument('').createNode(value);
  const text = new (doc.constructor as typeof Document)(written).toString().replace(/\n$/, '');
  if (text.includes('\n')) return null;
  const [start, end] = node.range;
  return yaml.slice(0, start) + text + yaml.slice(end);
}

/** A key the block does not have yet goes at its end, written by yaml alone. */
function appendKey(doc: Document, yaml: string, key: string, value: unknown): string | null {
  if (!(isMap(doc.contents) && !doc.contents.flow) && doc.contents !== null) return null;
  if (isMap(doc.contents) && doc.contents.has(key)) return null;
  const pair = new (doc.constructor as typeof Document)({ [key]: value }).toString();
  const base = yaml === '' || yaml.endsWith('\n') ? yaml : yaml + '\n';
  return base + pair;
}

/** Remove a top-level key's lines, leaving every other line as it was. */
function removeKey(doc: Document, yaml: string, key: string): string | null {
  if (!isMap(doc.contents) || doc.contents.flow) return null;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) return yaml;
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return null;
  const start = yaml.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const last = valueRange ? Math.max(valueRange[1] - 1, keyRange[1]) : keyRange[1];
  const nl = yaml.indexOf('\n', last);
  const end = nl < 0 ? yaml.length : nl + 1;
  return yaml.slice(0, start) + yaml.slice(end);
}
