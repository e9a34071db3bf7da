// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphEntityPanel, type GraphEntityPanelProps } from './GraphEntityPanel';
import { ViewGraph } from './graph-data';
import { loadPositions, savePositions } from './positions';
import { data } from './test-graph';

// The node's panel as a reader meets it, and the layout cache.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const graph = new ViewGraph(data);
let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(props: Partial<GraphEntityPanelProps> = {}) {
  const calls = {
    onOpenStory: vi.fn(),
    onOpenEntity: vi.fn(),
    onSelect: vi.fn(),
    onClose: vi.fn(),
  };
  act(() =>
    root.render(
      createElement(GraphEntityPanel, {
        graph,
        id: 'ukraine',
        aliases: ['Kyiv'],
        ...calls,
        ...props,
      }),
    ),
  );
  return calls;
}

const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

describe('GraphEntityPanel', () => {
  it('shows the entity, its aliases, its stories and its strongest co-mentions with their stories', () => {
    render();
    const region = host.querySelector('section')!;
    expect(region.getAttribute('aria-labelledby')).toBe(host.querySelector('h2')!.id);
    expect(host.querySelector('h2')!.textContent).toBe('Ukraine');
    expect(host.textContent).toContain('Country · mentioned in 3 stories');
    expect(host.textContent).toContain('Also: Kyiv');
    const stories = host.querySelector('[aria-label="Stories mentioning Ukraine"]')!;
    expect([...stories.querySelectorAll('.graph-story-title')].map((e) => e.textContent)).toEqual([
      'Third',
      'Second',
      'First',
    ]);
    const co = host.querySelector('[aria-label="Strongest connections of Ukraine"]')!;
    const first = co.querySelector('li')!;
    expect(first.querySelector('.link-button')!.textContent).toBe('Russia');
    expect(first.textContent).toContain('2 shared stories');
    expect([...first.querySelectorAll('.graph-story-title')].map((e) => e.textContent)).toEqual([
      'Second',
      'First',
    ]);
  });

  it('opens a story, the entity, or another node, and closes', () => {
    const calls = render();
    act(() => button('Third2026-03-20').click());
    expect(calls.onOpenStory).toHaveBeenCalledWith('s3');
    act(() => button('Open entity').click());
    expect(calls.onOpenEntity).toHaveBeenCalledWith('ukraine');
    act(() => button('Russia').click());
    expect(calls.onSelect).toHaveBeenCalledWith('russia');
    act(() => host.querySelector<HTMLButtonElement>('[aria-label="Close Ukraine"]')!.click());
    expect(calls.onClose).toHaveBeenCalled();
  });

  it('says so when the entity is not in the registry', () => {
    render({ id: 'vladimir-putin', aliases: null });
    expect(host.textContent).toContain('Not in the entity registry.');
  });
});

describe('the layout cache', () => {
  it('keeps positions per key, merging a filtered layout into the whole one', () => {
    localStorage.clear();
    expect(loadPositions('desk|entities')).toBeUndefined();
    savePositions(
      'desk|entities',
      new Map([
        ['a', { x: 1.234, y: -2 }],
        ['b', { x: 3, y: 4 }],
      ]),
    );
    savePositions('desk|entities', new Map([['b', { x: 5, y: 6 }]]));
    expect(loadPositions('desk|entities')).toEqual(
      new Map([
        ['a', { x: 1.23, y: -2 }],
        ['b', { x: 5, y: 6 }],
      ]),
    );
    expect(loadPositions('other|entities')).toBeUndefined();
    localStorage.setItem('storydesk.graph-positions:broken', '{not json');
    expect(loadPositions('broken')).toBeUndefined();
  });
});
