import type { GraphStory } from '../../../shared/graph/model';
import type { StorySummary } from '../../../shared/story-summary';

// What the desk's graph needs of a story beyond the stories table's own
// columns (slug, title, type, status), kept on its row as one text at write
// time: the graph of 10,000 stories then reads 10,000 short strings and
// splits them, where parsing every summary's JSON took most of a second. The
// set columns will not do: they hold the index's date (a broken date is ''),
// and drop empty values, which a summary keeps (`heads: a, , b`).

/** Between fields: date, heads, lenses, regions, entities, links. */
const FIELD = '\x1e';
/** After each value of a list, so that [] and [''] differ. */
const VALUE = '\x1f';
/** Starts the JSON form, for the rare story with a delimiter in a value. */
const JSON_MARK = '\x1d';

type Fields = Pick<GraphStory, 'date' | 'heads' | 'lenses' | 'regions' | 'entities' | 'links'>;

const hasDelimiter = (value: string) =>
  value.includes(VALUE) || value.includes(FIELD) || value.includes(JSON_MARK);
const LISTS = ['heads', 'lenses', 'regions', 'entities', 'links'] as const;

/** The `graph` column of a story's row. */
export function encodeGraphFields(summary: StorySummary): string {
  let out = summary.date;
  let plain = !hasDelimiter(out);
  for (const key of LISTS) {
    out += FIELD;
    for (const value of summary[key]) {
      if (plain && hasDelimiter(value)) plain = false;
      out += value + VALUE;
    }
  }
  if (plain) return out;
  const { date, heads, lenses, regions, entities, links } = summary;
  const fields: Fields = { date, heads, lenses, regions, entities, links };
  return JSON_MARK + JSON.stringify(fields);
}

/**
 * The story a row of (slug, title, type, status, graph) stands for, as the
 * graph reads it; `names` is shared by the rows of one read (see interned).
 */
export function decodeGraphStory(
  slug: string,
  title: string,
  type: string,
  status: GraphStory['status'],
  graph: string,
  names: Map<string, string>,
): GraphStory {
  if (graph.startsWith(JSON_MARK))
    return { slug, title, type, status, ...(JSON.parse(graph.slice(1)) as Fields) };
  const parts = graph.split(FIELD);
  return {
    slug,
    title,
    date: parts[0]!,
    type,
    heads: list(parts[1]!),
    status,
    lenses: list(parts[2]!),
    regions: list(parts[3]!),
    entities: interned(list(parts[4]!), names),
    links: interned(list(parts[5]!), names),
  };
}

function list(text: string): string[] {
  // 'a\x1fb\x1f' splits into ['a', 'b', '']; '' into [''], and so to [].
  const values = text.split(VALUE);
  values.pop();
  return values;
}

/**
 * The values, each replaced by the first string of that text decoded: the
 * graph looks every mention up in maps (twice), and one string per slug is
 * hashed once and matched by identity, not compared character by character.
 */
function interned(values: string[], names: Map<string, string>): string[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const known = names.get(v);
    if (known === undefined) names.set(v, v);
    else values[i] = known;
  }
  return values;
}
