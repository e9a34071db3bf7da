import { describe, expect, test } from 'vitest';
import { indexOptions, narrow } from './complete-index';

const many = indexOptions(
  Array.from({ length: 40_000 }, (_, i) => ({ label: `Entity ${i} ${i % 2 ? 'Alpha' : 'Zeta'}` })),
);

describe('narrow', () => {
  test('keeps the options containing the query, case-insensitively', () => {
    const { options, validFor } = narrow(many, 'ty 3999', /^[^\]]*$/);
    expect(options.map((o) => o.label)).toEqual([
      'Entity 3999 Alpha',
      'Entity 39990 Zeta',
      'Entity 39991 Alpha',
      'Entity 39992 Zeta',
      'Entity 39993 Alpha',
      'Entity 39994 Zeta',
      'Entity 39995 Alpha',
      'Entity 39996 Zeta',
      'Entity 39997 Alpha',
      'Entity 39998 Zeta',
      'Entity 39999 Alpha',
    ]);
    expect(validFor('ty 39995')).toBe(true);
    expect(validFor('ty 399')).toBe(false);
  });

  test('an empty query on a large list shows a first page and is asked again on the first key', () => {
    const { options, validFor } = narrow(many, '', /^[^\]]*$/);
    expect(options).toHaveLength(300);
    expect(validFor('')).toBe(true);
    expect(validFor('z')).toBe(false);
  });
});
