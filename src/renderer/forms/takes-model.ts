import type { Diagnostic, ParseResult, TakeFact } from '../../shared/story';

// The Takes panel's view of a parse: lens groups in text order with their
// takes, each take with its position in its group and the parser's
// diagnostics that fall on it.

export interface TakeRow {
  /** Index into facts.takes: what the edit core calls a take. */
  index: number;
  group: number;
  /** Position among the takes of its group. */
  position: number;
  fact: TakeFact;
  diagnostics: Diagnostic[];
}

export interface GroupRow {
  index: number;
  lens: string;
  takes: TakeRow[];
  diagnostics: Diagnostic[];
}

export function takeGroups(parsed: ParseResult): GroupRow[] {
  const groups: GroupRow[] = parsed.facts.lenses.map((l, index) => ({
    index,
    lens: l.lens,
    takes: [],
    diagnostics: parsed.diagnostics.filter(
      (d) => d.from >= l.headingSpan.from && d.from <= l.headingSpan.to,
    ),
  }));
  // A take belongs to the last lens heading before it (as the edit core counts groups).
  let g = -1;
  for (const fact of parsed.facts.takes) {
    while (g + 1 < groups.length && parsed.facts.lenses[g + 1]!.span.from < fact.span.from) g++;
    const group = groups[g];
    if (!group) continue;
    group.takes.push({
      index: fact.index,
      group: g,
      position: group.takes.length,
      fact,
      diagnostics: parsed.diagnostics.filter(
        (d) => d.from >= fact.span.from && d.from <= fact.span.to,
      ),
    });
  }
  return groups;
}

/** Which form field a take diagnostic belongs under. */
export function diagnosticField(code: string): 'outlet' | 'source' | 'quote' | null {
  if (code === 'take-missing-source' || code === 'take-bad-url') return 'source';
  return null;
}
