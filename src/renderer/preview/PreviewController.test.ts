// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderStoryHtml } from '../../shared/render';
import { parseStory } from '../../shared/story';
import { makeLargeStory, referenceStory } from '../../../tests/bench/fixtures';
import { PreviewController, type PreviewCallbacks } from './PreviewController';

// The controller against a DOM: patches leave the same DOM a fresh render
// would, touch nothing that did not change, and route clicks.

function setup() {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const callbacks = {
    onOpenEntity: vi.fn(),
    onOpenStory: vi.fn(),
    onRevealSource: vi.fn(),
    onOpenExternal: vi.fn(),
    onPreviewScroll: vi.fn(),
  } satisfies PreviewCallbacks;
  return { container, callbacks, preview: new PreviewController(container, callbacks) };
}

/** Markup without the whitespace between elements, which a patch does not keep. */
function normal(html: string): string {
  const t = document.createElement('template');
  t.innerHTML = html;
  const walk = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3 && !/\S/.test(child.textContent ?? '') && child.parentNode) {
        const parent = child.parentNode as Element;
        if (
          parent.nodeType === 11 ||
          !/^(P|SPAN|A|LI|STRONG|EM|H\d|TIME|BLOCKQUOTE|FIGCAPTION)$/.test(parent.nodeName)
        )
          child.remove();
      } else walk(child);
    }
  };
  walk(t.content);
  return t.innerHTML;
}

const expected = (text: string) =>
  normal(renderStoryHtml(parseStory(text).story, { locale: 'ja', mode: 'preview' }));

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('PreviewController.update', () => {
  beforeEach(() => document.body.replaceChildren());

  it('renders the story', () => {
    const { container, preview } = setup();
    preview.update(parseStory(referenceStory()), 'ja');
    expect(normal(container.innerHTML)).toBe(expected(referenceStory()));
    expect(preview.stats.full).toBe(true);
  });

  it('touches no element when nothing visible changed', () => {
    const { container, preview } = setup();
    const text = referenceStory();
    preview.update(parseStory(text), 'ja');
    const before = [...container.querySelectorAll('*')];
    // One more blank line between sections: a new parse, the same render.
    preview.update(parseStory(text.replace('\n## The split', '\n\n## The split')), 'ja');
    expect(preview.stats).toEqual({ changed: false, patched: 0, full: false });
    const after = [...container.querySelectorAll('*')];
    expect(after.every((el, i) => el === before[i])).toBe(true);
  });

  it('replaces only the changed section and keeps every other element', () => {
    const { container, preview } = setup();
    const text = referenceStory();
    preview.update(parseStory(text), 'ja');
    const split = container.querySelector('[data-section="1"]');
    const take = container.querySelector('[data-take="2.1"]');
    const summary = container.querySelector('[data-section="0"]');
    const edited = text.replace('moving on procedure', 'moving on protocol');
    preview.update(parseStory(edited), 'ja');
    expect(preview.stats).toEqual({ changed: true, patched: 1, full: false });
    expect(container.querySelector('[data-section="1"]')).toBe(split);
    expect(container.querySelector('[data-take="2.1"]')).toBe(take);
    expect(container.querySelector('[data-section="0"]')).not.toBe(summary);
    expect(container.querySelector('[data-section="0"]')!.textContent).toContain('protocol');
    expect(normal(container.innerHTML)).toBe(expected(edited));
  });

  it('ends where a fresh render would, through a run of random edits', () => {
    const { container, preview } = setup();
    const random = rng(7);
    let text = makeLargeStory(16, 4);
    preview.update(parseStory(text), 'ja');
    let full = 0;
    const pieces = [
      '## Notes\n\nA note.\n',
      '### A lens\n',
      '- **X** (Y, en) — z\n',
      'word ',
      '\n\n',
      '',
    ];
    for (let step = 0; step < 40; step++) {
      const lines = text.split('\n');
      const at = Math.floor(random() * lines.length);
      const kind = random();
      if (kind < 0.3) lines.splice(at, 1);
      else if (kind < 0.5) lines.splice(at, 0, lines[Math.floor(random() * lines.length)]!);
      else if (kind < 0.7) lines.splice(at, 0, pieces[Math.floor(random() * pieces.length)]!);
      else lines[at] = (lines[at] ?? '') + ' more';
      text = lines.join('\n');
      preview.update(parseStory(text), 'ja');
      if (preview.stats.full) full++;
      expect(normal(container.innerHTML), `after step ${step}`).toBe(expected(text));
    }
    // Patches, not re-renders: the structure never got lost.
    expect(full).toBe(0);
  });
});

describe('PreviewController clicks', () => {
  function click(el: Element) {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    el.dispatchEvent(event);
    return event;
  }

  it('opens entities and stories, and never navigates', () => {
    const { container, preview, callbacks } = setup();
    preview.update(parseStory(referenceStory()), 'ja');
    const entity = container.querySelector('a.entity-link[data-entity="russia"]')!;
    expect(click(entity).defaultPrevented).toBe(true);
    expect(callbacks.onOpenEntity).toHaveBeenCalledWith('russia');
    const story = container.querySelector('a.story-link')!;
    expect(click(story).defaultPrevented).toBe(true);
    expect(callbacks.onOpenStory).toHaveBeenCalledWith(story.getAttribute('data-story'));
    const external = container.querySelector('a.external-link')!;
    expect(click(external).defaultPrevented).toBe(true);
    expect(callbacks.onOpenExternal).toHaveBeenCalledWith(external.getAttribute('href'));
    expect(callbacks.onRevealSource).not.toHaveBeenCalled();
  });

  it('reveals the source of anything else', () => {
    const { container, preview, callbacks } = setup();
    const text = referenceStory();
    const parse = parseStory(text);
    preview.update(parse, 'ja');
    click(container.querySelector('[data-take="1.0"] .chip.region')!);
    const take = parse.facts.takes.find((t) => t.group === 1 && t.item === 0)!;
    expect(callbacks.onRevealSource).toHaveBeenLastCalledWith(take.fields.region.from);
    click(container.querySelector('[data-number="2"] .figure')!);
    expect(text.slice(callbacks.onRevealSource.mock.lastCall![0])).toMatch(/^Feb 2026, first/);
    click(container.querySelector('.section-split h2')!);
    expect(text.slice(callbacks.onRevealSource.mock.lastCall![0])).toMatch(/^(## )?The split/);
  });
});
