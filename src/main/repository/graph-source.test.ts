import { describe, expect, test } from 'vitest';
import type { GraphStory } from '../../shared/graph';
import { generateDesk } from '../../../tests/bench/desk-generator';
import {
  REFERENCE_SLUG,
  openDesk,
  readStoryFile,
  tempDesk,
  tempDir,
} from '../../../tests/support/temp-desk';
import type { Desk } from './desk';
import { readDeskGraph, readGraphView, type GraphRequest, type GraphSource } from './graph';

// desk.graphSource() reads the graph's fields from the index's lean projection
// instead of every summary's JSON: it must give the very graph the Desk itself
// gives (its listStories and listEntities), on any desk and after any write.

const pick = (s: GraphStory): GraphStory => ({
  slug: s.slug,
  title: s.title,
  date: s.date,
  type: s.type,
  heads: s.heads,
  status: s.status,
  lenses: s.lenses,
  regions: s.regions,
  entities: s.entities,
  links: s.links,
});
const bySlug = (stories: GraphStory[]) =>
  stories.map(pick).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

/** Requests that exercise every part of the graph: filters, story nodes, both focuses, communities. */
function requests(desk: Desk): (GraphRequest & { communities?: boolean })[] {
  const stories = desk.listStories();
  const story = stories.find((s) => s.entities.length > 0 && s.links.length > 0) ?? stories[0]!;
  const dated = stories
    .map((s) => s.date)
    .filter(Boolean)
    .sort();
  return [
    {},
    { stories: true, communities: true },
    { filters: { dateFrom: dated[dated.length >> 2], dateTo: dated[(dated.length * 3) >> 2] } },
    { filters: { head: story.heads[0], lens: story.lenses[0], region: story.regions[0] } },
    { filters: { type: story.type, status: story.status } },
    { focus: { entity: story.entities[0]! }, hops: 2 },
    { focus: { story: story.slug }, stories: true },
  ];
}

function expectSameGraphs(desk: Desk) {
  const lean: GraphSource = desk.graphSource();
  expect(bySlug(lean.listStories())).toEqual(bySlug(desk.listStories()));
  for (const request of requests(desk)) {
    expect(readGraphView(lean, request)).toEqual(readGraphView(desk, request));
    expect(readDeskGraph(lean, request)).toEqual(readDeskGraph(desk, request));
  }
}

describe('desk.graphSource', () => {
  test('gives the graph the desk’s summaries give, on the sample desk', () => {
    const desk = openDesk(tempDesk());
    expect(desk.listStories().length).toBeGreaterThan(5);
    expectSameGraphs(desk);
  });

  test('gives the graph the desk’s summaries give, on a generated desk of 300 stories', async () => {
    const dir = tempDir();
    generateDesk(dir, 300, 7);
    const desk = openDesk(dir);
    await desk.whenIndexed();
    expect(desk.listStories()).toHaveLength(300);
    expect(readGraphView(desk.graphSource(), {}).edges.source.length).toBeGreaterThan(300);
    expectSameGraphs(desk);
  });

  test('follows a saved story, broken date and empty head included', () => {
    const dir = tempDesk();
    const desk = openDesk(dir);
    const { hash } = desk.readStory(REFERENCE_SLUG);
    const text = readStoryFile(dir, REFERENCE_SLUG)
      .replace(/date: \d{4}-\d{2}-\d{2}/, 'date: 2026-02-30')
      .replace(/heads: ([^·]+) ·/, 'heads: $1, , Graph Desk ·')
      .replace('- Entities: ', '- Entities: Lake Baikal, ');
    desk.saveStory({ slug: REFERENCE_SLUG, text, baseHash: hash });
    const saved = desk
      .graphSource()
      .listStories()
      .find((s) => s.slug === REFERENCE_SLUG)!;
    expect(saved.date).toBe('2026-02-30');
    expect(saved.heads).toContain('');
    expect(saved.heads).toContain('Graph Desk');
    expect(saved.entities).toContain('lake-baikal');
    const view = readGraphView(desk.graphSource(), { filters: { head: 'Graph Desk' } });
    expect(view.stories).toEqual([
      { slug: REFERENCE_SLUG, title: saved.title, date: '2026-02-30' },
    ]);
    expect(view.nodes.map((n) => n.id)).toContain('lake-baikal');
    expectSameGraphs(desk);
  });

  test('follows a renamed entity and a deleted story', () => {
    const desk = openDesk(tempDesk());
    const before = readGraphView(desk.graphSource(), {});
    expect(before.nodes.map((n) => n.id)).toContain('vladimir-putin');
    desk.renameEntity('vladimir-putin', 'President Putin');
    const after = readGraphView(desk.graphSource(), {});
    const ids = after.nodes.map((n) => n.id);
    expect(ids).not.toContain('vladimir-putin');
    expect(after.nodes.find((n) => n.id === 'president-putin')).toMatchObject({
      label: 'President Putin',
      weight: before.nodes.find((n) => n.id === 'vladimir-putin')!.weight,
    });
    expectSameGraphs(desk);

    desk.deleteStory(REFERENCE_SLUG);
    expect(readGraphView(desk.graphSource(), {}).stories.map((s) => s.slug)).not.toContain(
      REFERENCE_SLUG,
    );
    expectSameGraphs(desk);
  });
});
