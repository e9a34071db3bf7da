import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics';
import { parseStory } from './parse';
import { serializeStory } from './serialize';
import { line, storyText, validStory } from './story.arbitrary';

const RUNS = 10_000;
const TIMEOUT = 120_000;

const show = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `  ${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`).join('\n');

describe('a valid story', () => {
  test(
    'parses back to the model it was written from, without diagnostics, and writes back byte for byte',
    () => {
      fc.assert(
        fc.property(validStory(), (story) => {
          const text = serializeStory(story);
          const parsed = parseStory(text);
          // Errors first, so a failure says why before it shows a model diff.
          const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
          if (errors.length)
            throw new Error(`errors on a valid story:\n${show(errors)}\n--- text ---\n${text}`);
          expect(parsed.diagnostics, show(parsed.diagnostics)).toEqual([]);
          expect(parsed.story).toEqual(story);
          expect(serializeStory(parsed.story)).toBe(text);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

// Lines that look like pieces of the layout, in the wrong places and the wrong shapes.
// prettier-ignore
const PREFIXES = [
  '', '', '', ' ', '\t', '# ', '#', '> ', '>', '## ', '##', '### ', '###', '- ', '-', '- **', '  > ', '  > "',
  '  Source: ', '  Source:', '---', 'Canonical: ', 'Canonical: https://rbtfl.xyz/ja/n/', '**Meta:** ', '**Meta:**',
  '- Related: ', '- Related:', '- Entities: ', '- Entities:', '## Summary', '## The split', '## By the numbers',
  '## Why it matters', '## What to watch', '## Regional takes (batched by bias / lens)', '## Across the graph',
  '## summary', 'key: ', 'key: &a ', 'key: *a', '  - ', '<<: *a',
];
// prettier-ignore
const SPICE = [
  ' · ', ', ', '** (', ') — ', ' — ', '[[', ']]', '[x](/ja/n/a-b)', '[x](/en/entity/Not A Slug)', '[x](/ja/n/Bad_Slug)',
  'type: ', 'date: 2026-02-30', 'heads: ', '3 takes', '1 lens', '2 regions', 'https://x.example/p', '"', '---', '`',
  '\\', '![i](/ja/n/x)',
];
const messyLine = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    line({ maxLength: 12, spice: SPICE }),
    fc.constantFrom('', '', '', '\r'),
  )
  .map(([prefix, rest, cr]) => prefix + rest + cr);
const messyText = fc
  .tuple(fc.array(messyLine, { maxLength: 30 }), fc.constantFrom('\n', '\n', '\r\n'), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

// A valid story with lines deleted, duplicated, moved or replaced: breakage as editors make it.
const edit = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'move', 'replace', 'insert'),
  at: fc.nat(),
  to: fc.nat(),
  line: messyLine,
});
const brokenStory = fc
  .tuple(storyText(), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => {
    const lines = text.split('\n');
    for (const e of edits) {
      const at = e.at % lines.length;
      if (e.op === 'delete') lines.splice(at, 1);
      else if (e.op === 'duplicate') lines.splice(at, 0, lines[at]!);
      else if (e.op === 'move') lines.splice(e.to % lines.length, 0, ...lines.splice(at, 1));
      else if (e.op === 'replace') lines[at] = e.line;
      else lines.splice(at, 0, e.line);
      if (!lines.length) lines.push('');
    }
    return lines.join('\n');
  });

const anyText = fc.oneof(
  { arbitrary: messyText, weight: 4 },
  { arbitrary: brokenStory, weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 1 },
  // Lone surrogates and control characters included.
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
);

const SEVERITIES = new Set(['error', 'warning', 'info']);
const CODES = new Set<string>(DIAGNOSTIC_CODES);

describe('any text', () => {
  test(
    'parses without throwing, with diagnostics inside the text, and keeps every non-blank line',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const { story, diagnostics } = parseStory(text);
          const lineCount = text.split('\n').length;
          for (const d of diagnostics) {
            const where = `${JSON.stringify(d)}`;
            expect(CODES.has(d.code), where).toBe(true);
            expect(SEVERITIES.has(d.severity), where).toBe(true);
            expect(d.line >= 1 && d.line <= lineCount, where).toBe(true);
            expect(d.endLine >= d.line && d.endLine <= lineCount, where).toBe(true);
            expect(d.column >= 1 && d.endColumn >= 1, where).toBe(true);
            expect(0 <= d.from && d.from <= d.to && d.to <= text.length, where).toBe(true);
          }
          const out = serializeStory(story);
          const lost = text
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '' && !out.includes(l));
          expect(lost, `lines missing from:\n${out}`).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
