// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api } from '../../shared/api';
import type { Entity } from '../../shared/entity';
import { EntityPanel } from './EntityPanel';
import { filterEntities } from './MergeForm';
import type { EntityListItem } from './panel-parts';
import { renameProblem } from './RenameForm';
import { highlightParts } from './highlight';
import { plainError } from './plain-error';

// The panel against a hand-written Api: what it shows, and what it asks the
// repository to do.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Fake {
  entities: Map<string, Entity & { stories: string[] }>;
  api: Api;
  calls: { method: string; input: unknown }[];
}

function fakeApi(): Fake {
  const entities = new Map<string, Entity & { stories: string[] }>([
    [
      'russia',
      {
        slug: 'russia',
        name: 'Russia',
        aliases: ['Moscow'],
        kind: 'country',
        notes: '',
        stories: ['geneva-talks', 'deep-strikes'],
      },
    ],
    [
      'ukraine',
      {
        slug: 'ukraine',
        name: 'Ukraine',
        aliases: ['Kyiv'],
        kind: 'country',
        notes: '',
        stories: ['geneva-talks'],
      },
    ],
    [
      'kremlin',
      {
        slug: 'kremlin',
        name: 'Kremlin',
        aliases: [],
        kind: 'organisation',
        notes: '',
        stories: ['deep-strikes', 'energy-war'],
      },
    ],
  ]);
  const calls: Fake['calls'] = [];
  const missing = (method: string, slug: string) =>
    new ApiError('failed', `There is no entity “${slug}”.`, method);
  const impl: Partial<Record<keyof Api, (input: never) => Promise<unknown>>> = {
    'entity.get': async ({ slug }: { slug: string }) => {
      const e = entities.get(slug);
      if (!e) throw missing('entity.get', slug);
      return { ...e, problem: null };
    },
    'entity.mentions': async ({ slug }: { slug: string }) => {
      const e = entities.get(slug);
      if (!e) throw missing('entity.mentions', slug);
      return e.stories.map((s) => ({
        slug: s,
        title: `Title of ${s}`,
        sentences: [`Talks with ${e.name} stalled while moscow waited.`],
      }));
    },
    'entity.list': async () => [...entities.values()],
    'entity.setKind': async ({ slug, kind }: { slug: string; kind: Entity['kind'] }) => {
      const e = entities.get(slug)!;
      e.kind = kind;
      return { ...e, stories: undefined };
    },
    'entity.rename': async ({ slug, name }: { slug: string; name: string }) => {
      if (name === 'Ukraine')
        throw new ApiError(
          'failed',
          '“Ukraine” is already the entity “ukraine”: merge the two instead.',
          'entity.rename',
        );
      const e = entities.get(slug)!;
      const to = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      entities.delete(slug);
      const renamed = { ...e, slug: to, name, aliases: [...e.aliases, e.name] };
      entities.set(to, renamed);
      const { stories: _s, ...entity } = renamed;
      return entity;
    },
    'entity.merge': async ({ from, into }: { from: string; into: string }) => {
      const a = entities.get(from)!;
      const b = entities.get(into)!;
      entities.delete(from);
      const merged = {
        ...b,
        aliases: [...b.aliases, a.name, ...a.aliases],
        stories: [...new Set([...b.stories, ...a.stories])],
      };
      entities.set(into, merged);
      const { stories: _s, ...entity } = merged;
      return entity;
    },
  };
  const api = new Proxy({} as Api, {
    get(_t, method: string) {
      return (input: unknown) => {
        calls.push({ method, input });
        const fn = impl[method as keyof Api];
        return fn ? fn(input as never) : Promise.reject(new Error(`no ${method}`));
      };
    },
  });
  return { entities, api, calls };
}

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.replaceChildren(host);
  root = createRoot(host);
});
afterEach(() => act(() => root.unmount()));

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {});
}

async function mount(fake: Fake, props: Partial<Parameters<typeof EntityPanel>[0]> = {}) {
  const handlers = { onOpenStory: vi.fn(), onClose: vi.fn(), onChanged: vi.fn() };
  await act(async () =>
    root.render(
      createElement(EntityPanel, { api: fake.api, slug: 'russia', ...handlers, ...props }),
    ),
  );
  await settle();
  return handlers;
}

const $ = <T extends Element = HTMLElement>(selector: string) =>
  host.querySelector<T & Element>(selector)!;
const byText = (tag: string, text: string | RegExp) =>
  [...host.querySelectorAll<HTMLElement>(tag)].find((el) =>
    typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? ''),
  )!;

function type(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function click(el: Element) {
  await act(async () => (el as HTMLElement).click());
  await settle();
}

async function key(el: Element, k: string) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

describe('EntityPanel', () => {
  it('shows the entity: name, aliases, kind and the stories that mention it', async () => {
    const fake = fakeApi();
    const { onOpenStory } = await mount(fake);
    const aside = $('aside');
    expect(aside.getAttribute('aria-label')).toBe('Entity: Russia');
    expect($('h2').textContent).toBe('Russia');
    expect(byText('li', 'Moscow')).toBeTruthy();
    const select = $<HTMLSelectElement>('select');
    expect(select.value).toBe('country');
    expect(host.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Kind');
    expect(byText('h3', 'Mentioned in 2 stories')).toBeTruthy();
    const marks = [...host.querySelectorAll('.sd-sentences mark')].map((m) => m.textContent);
    expect(marks.slice(0, 2)).toEqual(['Russia', 'moscow']);
    await click(byText('button', 'Title of deep-strikes'));
    expect(onOpenStory).toHaveBeenCalledWith('deep-strikes');
  });

  it('says when the entity cannot be opened, and tries again', async () => {
    const fake = fakeApi();
    await mount(fake, { slug: 'nobody' });
    expect($('[role="alert"]').textContent).toContain('There is no entity “nobody”.');
    expect($('[role="alert"]').textContent).not.toContain('entity.get:');
    fake.entities.set('nobody', {
      slug: 'nobody',
      name: 'Nobody',
      aliases: [],
      kind: 'other',
      notes: '',
      stories: [],
    });
    await click(byText('button', /Try again/));
    expect($('h2').textContent).toBe('Nobody');
  });

  it('renames, checking the name first and showing the repository’s refusal', async () => {
    const fake = fakeApi();
    const { onChanged } = await mount(fake);
    await click(byText('button', /Rename/));
    const input = $<HTMLInputElement>('input');
    expect(document.activeElement).toBe(input);
    await act(async () => type(input, '  '));
    await click(byText('button', 'Rename'));
    expect($('.sd-field-error').textContent).toBe('Write the new name.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.some((c) => c.method === 'entity.rename')).toBe(false);

    await act(async () => type(input, 'Ukraine'));
    await click(byText('button', 'Rename'));
    expect($('.sd-field-error').textContent).toBe(
      '“Ukraine” is already the entity “ukraine”: merge the two instead.',
    );

    await act(async () => type(input, 'Russian Federation'));
    await click(byText('button', 'Rename'));
    expect($('h2').textContent).toBe('Russian Federation');
    expect($('aside').getAttribute('aria-label')).toBe('Entity: Russian Federation');
    expect(fake.calls.at(-2)).toEqual({
      method: 'entity.get',
      input: { slug: 'russian-federation' },
    });
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ slug: 'russian-federation' }));
    expect(byText('li', 'Russia')).toBeTruthy(); // the old name is an alias now

    // The host follows too: the panel carries on, it does not start over.
    const calls = fake.calls.length;
    await act(async () =>
      root.render(
        createElement(EntityPanel, {
          api: fake.api,
          slug: 'russian-federation',
          onOpenStory: () => {},
          onClose: () => {},
        }),
      ),
    );
    expect(host.textContent).not.toContain('Loading');
    expect($('h2').textContent).toBe('Russian Federation');
    await settle();
    expect(fake.calls.length).toBe(calls);
  });

  it('cancels a rename with Escape without closing the panel', async () => {
    const fake = fakeApi();
    const { onClose } = await mount(fake);
    await click(byText('button', /Rename/));
    await key($('input'), 'Escape');
    expect(host.querySelector('form')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toContain('Rename');
    await key($('aside'), 'Escape');
    expect(onClose).toHaveBeenCalled();
  });

  it('sets the kind', async () => {
    const fake = fakeApi();
    const { onChanged } = await mount(fake);
    const select = $<HTMLSelectElement>('select');
    await act(async () => {
      select.value = 'place';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(fake.calls).toContainEqual({
      method: 'entity.setKind',
      input: { slug: 'russia', kind: 'place' },
    });
    expect($<HTMLSelectElement>('select').value).toBe('place');
    expect(onChanged).toHaveBeenCalled();
  });

  it('merges with an entity picked from a filtered list, after saying what will change', async () => {
    const fake = fakeApi();
    await mount(fake);
    await click(byText('button', /Merge with another entity/));
    const combo = $<HTMLInputElement>('input[role="combobox"]');
    expect(document.activeElement).toBe(combo);
    expect(host.querySelector(`label[for="${combo.id}"]`)!.textContent).toBe('Merge with');
    await act(async () => type(combo, 'kre'));
    const options = [...host.querySelectorAll('[role="option"]')].map(
      (o) => o.querySelector('.sd-option-name')!.textContent,
    );
    expect(options).toEqual(['Kremlin']);
    await key(combo, 'Enter');
    expect(combo.value).toBe('Kremlin');
    // Keep this entity's name: Kremlin goes into Russia.
    const keepSelf = byText('label', 'Russia').querySelector('input')!;
    await click(keepSelf);
    await click(byText('button', /Review merge/));
    const group = $('[role="group"]');
    expect(group.textContent).toContain('Merge “Kremlin” into “Russia”?');
    expect(group.textContent).toContain('2 stories will be rewritten');
    await click(byText('button', 'Merge and rewrite 2 stories'));
    expect(fake.calls).toContainEqual({
      method: 'entity.merge',
      input: { from: 'kremlin', into: 'russia' },
    });
    expect($('h2').textContent).toBe('Russia');
    expect(byText('li', 'Kremlin')).toBeTruthy();
    expect(byText('h3', 'Mentioned in 3 stories')).toBeTruthy();
  });
});

describe('entity panel helpers', () => {
  it('marks every name of the entity in a sentence, longest first', () => {
    expect(highlightParts('Putin and Vladimir Putin met.', ['Putin', 'Vladimir Putin'])).toEqual([
      { text: 'Putin', mark: true },
      { text: ' and ', mark: false },
      { text: 'Vladimir Putin', mark: true },
      { text: ' met.', mark: false },
    ]);
    expect(highlightParts('a (b) c', ['(b)'])).toHaveLength(3);
  });

  it('filters entities by name, alias or slug, ignoring case and accents', () => {
    const e = (slug: string, name: string, aliases: string[] = []): EntityListItem => ({
      slug,
      name,
      aliases,
      kind: 'other',
      notes: '',
      stories: [],
    });
    const list = [e('sao-paulo', 'São Paulo'), e('paulo', 'Paulo'), e('br', 'Brazil', ['Brasil'])];
    expect(filterEntities(list, 'sao', 'x').map((x) => x.slug)).toEqual(['sao-paulo']);
    expect(filterEntities(list, 'paulo', 'x').map((x) => x.slug)).toEqual(['paulo', 'sao-paulo']);
    expect(filterEntities(list, 'brasil', 'x').map((x) => x.slug)).toEqual(['br']);
    expect(filterEntities(list, '', 'paulo')).toHaveLength(2);
  });

  it('checks a new name', () => {
    expect(renameProblem(' ', 'A')).toBe('Write the new name.');
    expect(renameProblem('A', 'A')).toBe('That is already its name.');
    expect(renameProblem('x'.repeat(301), 'A')).toMatch(/at most 300/);
    expect(renameProblem('B', 'A')).toBeNull();
  });

  it('words API errors plainly', () => {
    expect(plainError(new ApiError('failed', 'It broke.', 'entity.merge'))).toBe('It broke.');
    expect(plainError(new ApiError('forbidden', 'no', 'entity.merge'))).toMatch(/not allowed/);
    expect(plainError(new Error('The StoryDesk server is not answering.'))).toBe(
      'The StoryDesk server is not answering.',
    );
  });
});
