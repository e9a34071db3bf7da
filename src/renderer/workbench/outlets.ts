import type { OutletUsage } from './integrations';

// What a take line's autocomplete offers for the outlet: the desk's outlet
// ledger (every saved take, counted in the index) first, then what the open
// editors name that no saved story does yet.

/** A take as an open editor has it: any field may still be empty while typing. */
export interface TypedTake {
  readonly outlet: string;
  readonly region: string;
  readonly language: string;
}

/**
 * The ledger's outlets with their most used region and language, plus each
 * outlet only typed so far (with the first complete region and language it is
 * typed with), sorted by name. A saved outlet keeps the ledger's usual pair:
 * one take typed differently does not change what the desk usually writes.
 */
export function mergeOutlets(
  ledger: readonly OutletUsage[],
  typed: Iterable<TypedTake>,
): OutletUsage[] {
  const out = new Map<string, OutletUsage>();
  for (const { outlet, region, language } of ledger) out.set(outlet, { outlet, region, language });
  for (const { outlet, region, language } of typed)
    if (outlet && region && language && !out.has(outlet))
      out.set(outlet, { outlet, region, language });
  return [...out.values()].sort((a, b) => a.outlet.localeCompare(b.outlet));
}
