import { describe, expect, it } from 'vitest';
import { renderStoryHtml } from '../../shared/render';
import { parseStory } from '../../shared/story';
import { makeLargeStory, referenceStory } from '../../../tests/bench/fixtures';
import { countChanges, diffStructure, nodeHtml, parseStructure, type Patch } from './structure';

// The section diff: which elements of the preview a change replaces.

const render = (text: string) =>
  renderStoryHtml(parseStory(text).story, { locale: 'ja', mode: 'preview' });

function diff(before: string, after: string) {
  const a = render(before);
  const b = render(after);
  const ra = parseStructure(a)!;
  const rb = parseStructure(b)!;
  return { patch: diffStructure(a, ra, b, rb), a, b };
}

/** The opening tags of the elements a patch replaces or inserts. */
function replaced(patch: Patch, html: string): string[] {
  const out: string[] = [];
  const walk = (p: Patch | { kind: 'insert' | 'remove'; next?: Patch['next'] }) => {
    if (p.kind === 'replace' || p.kind === 'insert') {
      const node = p.next!;
      out.push(html.slice(node.start, node.openEnd));
    } else if (p.kind === 'children') p.ops.forEach(walk);
  };
  walk(patch);
  return out;
}

describe('parseStructure', () => {
  it('finds the story, its header, sections, lens groups, takes and footer', () => {
    const html = render(referenceStory());
    const root = parseStructure(html)!;
    expect(root.tag).toBe('article');
    expect(root.children.map((c) => c.tag)).toEqual([
      'header',
      ...Array(7).fill('section'),
      'footer',
    ]);
    const takes = root.children[6]!;
    expect(nodeHtml(html, takes)).toMatch(/^<section class="story-section section-takes"/);
    expect(takes.children).toHaveLength(3);
    // 13 takes, each an <article> with its own <header>.
    const articles = takes.children.flatMap((lens) => lens.children);
    expect(articles).toHaveLength(13);
    expect(articles.every((a) => a.tag === 'article' && a.children[0]?.tag === 'header')).toBe(
      true,
    );
  });

  it('refuses markup that is not one balanced element', () => {
    expect(parseStructure('<article><section></article>')).toBeNull();
    expect(parseStructure('<article></article><article></article>')).toBeNull();
    expect(parseStructure('text')).toBeNull();
  });

  it('is not fooled by tags typed in the story: they are escaped', () => {
    const text = referenceStory().replace(
      'diplomatic track',
      'diplomatic <section> </article> track',
    );
    const html = render(text);
    expect(parseStructure(html)!.children).toHaveLength(9);
  });
});

describe('diffStructure', () => {
  it('leaves an identical render alone', () => {
    const { patch } = diff(referenceStory(), referenceStory());
    expect(patch.kind).toBe('same');
    expect(countChanges(patch)).toBe(0);
  });

  it('replaces only the Summary section when a word of it changes', () => {
    const ref = referenceStory();
    const { patch, b } = diff(ref, ref.replace('moving on procedure', 'moving on protocol'));
    expect(replaced(patch, b)).toEqual([
      '<section class="story-section section-summary" data-section="0">',
    ]);
  });

  it('replaces only the take whose summary changes', () => {
    const ref = referenceStory();
    const { patch, b } = diff(ref, ref.replace('Running primary tracker', 'Running main tracker'));
    expect(replaced(patch, b)).toEqual(['<article class="take" data-take="0.0">']);
  });

  it('replaces the header too when a change alters the Meta counts', () => {
    const ref = referenceStory();
    // A new region: the Meta line's derived count changes.
    const { patch, b } = diff(ref, ref.replace('(United Kingdom, en)', '(Wales, en)'));
    expect(replaced(patch, b)).toEqual([
      '<header class="story-header">',
      '<header class="take-head">',
    ]);
  });

  it('inserts a section and re-renders the sections whose index moved', () => {
    const ref = referenceStory();
    const { patch, b } = diff(ref, ref.replace('## The split', '## Notes\n\nNew.\n\n## The split'));
    const tags = replaced(patch, b);
    expect(tags[0]).toBe('<section class="story-section section-unknown" data-section="1">');
    expect(tags).toHaveLength(7); // the new one, and the six after it renumbered
  });

  it('patches only the changed take in a 300-take story', () => {
    const big = makeLargeStory(300, 12);
    const i = big.lastIndexOf('Running primary tracker');
    const edited = big.slice(0, i) + 'Running the tracker' + big.slice(i + 23);
    const { patch } = diff(big, edited);
    expect(countChanges(patch)).toBe(1);
  });
});
