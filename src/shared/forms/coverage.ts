import { storyTakes, type ParseResult } from '../story';

// Which of the desk's lenses and regions a story's takes cover. Names match
// exactly as written (the vocabularies are the desk's spelling of them).

export interface CoverageEntry {
  name: string;
  takes: number;
}

export interface Coverage {
  /** The story's lens names in story order, then the vocabulary's others (0 takes). */
  lenses: CoverageEntry[];
  /** The same for regions. */
  regions: CoverageEntry[];
  /** Vocabulary lenses no take of the story is under (an empty group counts as missing). */
  missingLenses: string[];
  missingRegions: string[];
}

function tally(names: readonly string[], counts = new Map<string, number>()) {
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function entries(counts: Map<string, number>, vocab: readonly string[]): CoverageEntry[] {
  const out = [...counts].map(([name, takes]) => ({ name, takes }));
  for (const name of vocab) if (!counts.has(name)) out.push({ name, takes: 0 });
  return out;
}

export function coverage(
  parsed: ParseResult,
  vocab: { lenses: string[]; regions: string[] },
): Coverage {
  // Every group is listed, an empty one with 0 takes.
  const groups = new Map(parsed.facts.lenses.map((l) => [l.lens, 0]));
  const lensCounts = tally(
    parsed.facts.takes.map((t) => t.lens),
    groups,
  );
  const regionCounts = tally(storyTakes(parsed.story).map((t) => t.region));
  return {
    lenses: entries(lensCounts, vocab.lenses),
    regions: entries(regionCounts, vocab.regions),
    missingLenses: vocab.lenses.filter((name) => !lensCounts.get(name)),
    missingRegions: vocab.regions.filter((name) => !regionCounts.get(name)),
  };
}
