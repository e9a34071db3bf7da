import { describe, expect, test } from 'vitest';
import { mergeOutlets } from './outlets';

describe('mergeOutlets', () => {
  const ledger = [
    { outlet: 'Reuters', region: 'Global', language: 'en', takes: 40 },
    { outlet: 'Le Monde', region: 'France', language: 'fr', takes: 3 },
  ];

  test('the ledger alone, sorted by name, in the OutletUsage shape', () => {
    expect(mergeOutlets(ledger, [])).toEqual([
      { outlet: 'Le Monde', region: 'France', language: 'fr' },
      { outlet: 'Reuters', region: 'Global', language: 'en' },
    ]);
  });

  test('an outlet only typed is added with its first complete region and language', () => {
    const typed = [
      { outlet: 'Kyiv Independent', region: '', language: 'en' },
      { outlet: 'Kyiv Independent', region: 'Ukraine', language: 'en' },
      { outlet: 'Kyiv Independent', region: 'Global', language: 'en' },
      { outlet: '', region: 'Japan', language: 'ja' },
    ];
    expect(mergeOutlets(ledger, typed)).toEqual([
      { outlet: 'Kyiv Independent', region: 'Ukraine', language: 'en' },
      { outlet: 'Le Monde', region: 'France', language: 'fr' },
      { outlet: 'Reuters', region: 'Global', language: 'en' },
    ]);
  });

  test('a saved outlet keeps the ledger’s usual region and language', () => {
    const typed = [{ outlet: 'Reuters', region: 'UK', language: 'en' }];
    expect(mergeOutlets(ledger, typed).find((o) => o.outlet === 'Reuters')).toEqual({
      outlet: 'Reuters',
      region: 'Global',
      language: 'en',
    });
  });
});
