import type { Completion } from '@codemirror/autocomplete';

// Desk registries are large (20,000 entities with their aliases, 10,000
// stories), and the completion popup fuzzy-sorts every option it is given on
// every keystroke. So a source hands over only the options whose text
// contains what was typed, and stays valid while the typing extends it: the
// popup then sorts dozens of options, not tens of thousands.

export interface OptionIndex {
  readonly options: readonly Completion[];
  /** Lower-cased search text of each option, in the same order. */
  readonly keys: readonly string[];
}

/** Past this many, an empty query shows no list until a first character is typed. */
const EMPTY_QUERY_LIMIT = 300;

export function indexOptions(options: Completion[], key = (o: Completion) => o.label): OptionIndex {
  return { options, keys: options.map((o) => key(o).toLowerCase()) };
}

/**
 * The options for `query`, and a `validFor` that keeps them while the typed
 * text extends the query (and still has `shape`), so the source is asked
 * again only when the text stops extending it.
 */
export function narrow(
  index: OptionIndex,
  query: string,
  shape: RegExp,
  keep: (o: Completion) => boolean = () => true,
): { options: Completion[]; validFor: (text: string) => boolean } {
  const q = query.toLowerCase();
  const options: Completion[] = [];
  let complete = true;
  for (let i = 0; i < index.options.length; i++) {
    if (q && !index.keys[i]!.includes(q)) continue;
    const o = index.options[i]!;
    if (!keep(o)) continue;
    if (!q && options.length >= EMPTY_QUERY_LIMIT) {
      complete = false;
      break;
    }
    options.push(o);
  }
  return {
    options,
    validFor: (text) =>
      shape.test(text) && (complete ? text.toLowerCase().startsWith(q) : text === query),
  };
}
