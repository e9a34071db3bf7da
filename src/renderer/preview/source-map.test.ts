import { describe, expect, it } from 'vitest';
import { parseStory } from '../../shared/story';
import { referenceStory } from '../../../tests/bench/fixtures';
import { blockStarts, findText, parseTakeKey, sourceOffset } from './source-map';

// From what a preview element says (its data attributes, the text clicked)
// to the offset in the story's text that the editor moves to.

const text = referenceStory();
const parse = parseStory(text);
const at = (offset: number | null) => (offset === null ? null : text.slice(offset, offset + 30));
const lineAt = (offset: number | null) =>
  offset === null ? null : text.slice(offset, text.indexOf('\n', offset));

describe('sourceOffset', () => {
  it('maps the header fields', () => {
    expect(at(sourceOffset(parse, { field: 'title' }))).toMatch(/^(# )?Ukraine-Russia talks/);
    expect(at(sourceOffset(parse, { field: 'dek' }))).toMatch(/^(> )?After Abu Dhabi/);
    expect(at(sourceOffset(parse, { field: 'meta' }))).toMatch(/^\*\*Meta:\*\*/);
    expect(at(sourceOffset(parse, { field: 'canonical' }))).toMatch(
      /^(Canonical: )?https:\/\/rbtfl/,
    );
  });

  it('maps a section and its heading to the heading line', () => {
    expect(lineAt(sourceOffset(parse, { section: 1 }))).toMatch(/^(## )?The split$/);
    expect(lineAt(sourceOffset(parse, { section: 1, heading: true, block: 0 }))).toMatch(
      /^(## )?The split$/,
    );
  });

  it('maps a prose block, and the clicked text within it', () => {
    expect(at(sourceOffset(parse, { section: 1, block: 0 }))).toMatch(/^\[Moscow\]/);
    const offset = sourceOffset(parse, {
      section: 1,
      block: 0,
      text: { before: 'The continuing infra', after: 'structure strikes, ' },
    });
    expect(at(offset)).toMatch(/^structure strikes,/);
  });

  it('finds clicked text that follows markdown the rendered text lacks', () => {
    // Rendered: "…that put territory on the agenda…" (bold in the source).
    const offset = sourceOffset(parse, {
      section: 0,
      block: 0,
      text: { before: 'territory on the ', after: 'agenda for the first time' },
    });
    expect(at(offset)).toMatch(/^agenda for the first time\*\*/);
  });

  it('maps a take, and each part of it', () => {
    const take = parse.facts.takes.find((t) => t.group === 1 && t.item === 0)!;
    expect(sourceOffset(parse, { section: 5, group: 1, take: { group: 1, item: 0 } })).toBe(
      take.span.from,
    );
    expect(lineAt(sourceOffset(parse, { section: 5, take: { group: 1, item: 0 } }))).toMatch(
      /^- \*\*/,
    );
    expect(
      sourceOffset(parse, { section: 5, take: { group: 1, item: 0 }, takePart: 'region' }),
    ).toBe(take.fields.region.from);
    const quote = parse.facts.takes.find((t) => t.quoteSpan)!;
    expect(
      sourceOffset(parse, {
        section: 5,
        take: { group: quote.group, item: quote.item },
        takePart: 'quote',
      }),
    ).toBe(quote.quoteSpan!.from);
    const source = sourceOffset(parse, {
      section: 5,
      take: { group: 1, item: 0 },
      takePart: 'source',
    });
    expect(at(source)).toMatch(/^https:/);
  });

  it('maps the clicked word of a take summary', () => {
    const take = parse.facts.takes.find((t) => t.take.summary.length > 40)!;
    const words = take.take.summary;
    const cut = words.indexOf(' ', 20) + 1;
    const offset = sourceOffset(parse, {
      section: 5,
      take: { group: take.group, item: take.item },
      takePart: 'summary',
      text: { before: words.slice(0, cut), after: words.slice(cut) },
    });
    expect(offset).toBe(take.fields.summary.from + cut);
  });

  it('maps a lens heading, numbers, watch items, related and entities', () => {
    expect(lineAt(sourceOffset(parse, { section: 5, group: 2, heading: true }))).toBe(
      parse.facts.lenses[2]!.lens,
    );
    expect(lineAt(sourceOffset(parse, { section: 2, number: 1 }))).toBe(
      '- 314, people swapped in the earlier Abu Dhabi exchange.',
    );
    expect(at(sourceOffset(parse, { section: 2, number: 1, numberPart: 'note' }))).toMatch(
      /^people swapped/,
    );
    expect(at(sourceOffset(parse, { section: 2, number: 1, numberPart: 'figure' }))).toMatch(
      /^314,/,
    );
    expect(lineAt(sourceOffset(parse, { section: 4, watch: 0 }))).toMatch(/^- Whether any/);
    const word = sourceOffset(parse, {
      section: 4,
      watch: 1,
      text: { before: 'Whether territory moves from "on the ', after: 'agenda" to' },
    });
    expect(at(word)).toMatch(/^agenda" to a draft/);
    expect(at(sourceOffset(parse, { section: 6, related: 1 }))).toMatch(
      /^putin-ukraine-deep-strikes-sum/,
    );
    expect(at(sourceOffset(parse, { section: 6, entity: 2 }))).toMatch(/^Russia, Vladimir/);
  });

  it('maps a line that is not an item to where it stands', () => {
    const broken = text.replace('- 314, people', 'a stray line\n- 314, people');
    const p = parseStory(broken);
    const offset = sourceOffset(p, { section: 2, number: 1 });
    expect(broken.slice(offset!, offset! + 12)).toBe('a stray line');
  });

  it('gives null for a target this parse does not have', () => {
    expect(sourceOffset(parse, { section: 42 })).toBeNull();
    expect(sourceOffset(parse, {})).toBeNull();
  });
});

describe('helpers', () => {
  it('reads take keys', () => {
    expect(parseTakeKey('2.11')).toEqual({ group: 2, item: 11 });
    expect(parseTakeKey('2')).toBeNull();
  });

  it('splits prose into blocks', () => {
    expect(blockStarts('a\nb\n\nc\n \n\nd')).toEqual([0, 5, 10]);
    expect(blockStarts('')).toEqual([0]);
  });

  it('finds the caret in shrinking pieces', () => {
    expect(findText('one two three', { before: 'one tw', after: 'o three' }, 0)).toBe(6);
    expect(findText('one **two** three', { before: 'one two', after: ' three' }, 0)).toBe(11);
    expect(findText('abc', { before: '', after: 'zzz' }, 0)).toBeNull();
  });
});
