import { parseStory } from '../../src/shared/story/parse';
import { serializeStory } from '../../src/shared/story/serialize';
import { makeLargeStory, referenceStory } from './fixtures';

export interface TimingOptions {
  /** Time spent running `fn` before measuring, so the JIT has settled. */
  warmupMs?: number;
  samples?: number;
  /** Each sample runs `fn` enough times to last this long, above the timer's resolution. */
  minSampleMs?: number;
}

/** Read by nobody: it keeps results alive so the JIT cannot drop the work being timed. */
export let sink = 0;

/** Median time of one call of `fn`, in microseconds. */
export function p50Us(
  fn: () => unknown,
  { warmupMs = 250, samples = 101, minSampleMs = 2 }: TimingOptions = {},
): number {
  const touch = (v: unknown) => {
    sink ^= typeof v === 'string' ? v.length : Array.isArray(v) ? v.length : 1;
  };
  const warmEnd = performance.now() + warmupMs;
  let batch = 1;
  while (performance.now() < warmEnd) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) touch(fn());
    if (performance.now() - t0 < minSampleMs) batch *= 2;
  }
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) touch(fn());
    perCall.push(((performance.now() - t0) * 1000) / batch);
  }
  perCall.sort((a, b) => a - b);
  return Math.round(perCall[perCall.length >> 1]! * 100) / 100;
}

export async function benchParse(): Promise<Record<string, number>> {
  const reference = referenceStory();
  const large = makeLargeStory(300, 12);
  for (const [name, text] of [
    ['reference', reference],
    ['large', large],
  ] as const) {
    const { diagnostics } = parseStory(text);
    if (diagnostics.length)
      throw new Error(`the ${name} story does not parse cleanly: ${diagnostics[0]!.code}`);
  }
  const story = parseStory(reference).story;
  return {
    parseP50Us: p50Us(() => parseStory(reference).diagnostics),
    parseLargeP50Us: p50Us(() => parseStory(large).diagnostics),
    serializeP50Us: p50Us(() => serializeStory(story)),
    baselineSplitP50Us: p50Us(() => reference.split('\n')),
    baselineSplitLargeP50Us: p50Us(() => large.split('\n')),
  };
}
