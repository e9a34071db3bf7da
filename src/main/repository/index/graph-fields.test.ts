import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { StoryStatus } from '../../../shared/desk';
import type { StorySummary } from '../../../shared/story-summary';
import { decodeGraphStory, encodeGraphFields } from './graph-fields';

// The graph column must give back exactly the summary's values: empty ones,
// broken dates and (through the JSON form) values holding a delimiter.

const text = fc.string({
  unit: fc.constantFrom('a', 'é', '界', ' ', '', '\x1d', '\x1e', '\x1f', '{', ','),
});

const summary = fc.record({
  date: text,
  heads: fc.array(text),
  lenses: fc.array(text),
  regions: fc.array(text),
  entities: fc.array(text),
  links: fc.array(text),
});

const roundTrip = (
  fields: Pick<StorySummary, 'date' | 'heads' | 'lenses' | 'regions' | 'entities' | 'links'>,
) =>
  decodeGraphStory(
    'slug',
    'Title',
    'brief',
    'draft' as StoryStatus,
    encodeGraphFields({ ...fields } as StorySummary),
    new Map(),
  );

describe('graph fields', () => {
  test('decode(encode(summary)) is the summary’s graph fields, whatever the values', () => {
    fc.assert(
      fc.property(summary, (fields) => {
        expect(roundTrip(fields)).toEqual({
          slug: 'slug',
          title: 'Title',
          type: 'brief',
          status: 'draft',
          ...fields,
        });
      }),
      { numRuns: 500 },
    );
  });

  test('tells an empty list from a list of one empty value', () => {
    const none = { date: '', heads: [], lenses: [], regions: [], entities: [], links: [] };
    expect(roundTrip(none)).toMatchObject(none);
    const empty = { ...none, heads: [''], links: ['', ''] };
    expect(roundTrip(empty)).toMatchObject(empty);
  });
});
