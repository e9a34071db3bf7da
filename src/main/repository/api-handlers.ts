import type { ApiHandlers, AppInfo } from '../../shared/api';
import { setFrontMatterKey } from '../../shared/story';
import { parseStory } from '../../shared/story';
import type { ExportFormat } from '../../shared/export';
import type { Desk } from './desk';
import { readGraphView } from './graph';

// The contract's serving side for a desk: every method of api.ts mapped onto
// the repository. Transports (Electron IPC, HTTP, direct calls) wrap this one
// object, so all three behave alike by construction.

export interface AppIdentity {
  name: string;
  version: string;
  transport: AppInfo['transport'];
}

const MIME: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
};

/** The story a first start shows: the reference when the desk has it. */
const SAMPLE_SLUG = 'ukraine-russia-geneva-territory-talks';

export function createDeskHandlers(desk: Desk, app: AppIdentity): ApiHandlers {
  return {
    'app.info': () => app,

    'desk.info': () => ({
      name: desk.settings.name,
      root: desk.layout.root,
      settings: desk.settings,
      readOnly: desk.readOnly,
      problems: desk.problems,
    }),
    'desk.updateSettings': (change) => desk.updateSettings((s) => Object.assign(s, change)),

    'story.sample': () => {
      const slug = desk.hasStory(SAMPLE_SLUG) ? SAMPLE_SLUG : desk.listStories()[0]?.slug;
      if (!slug) throw new Error('This desk has no stories yet.');
      const { text, hash } = desk.readStory(slug);
      return { path: `stories/${slug}.md`, text, hash };
    },
    'story.list': () => desk.listStories(),
    'story.outlets': () => desk.outletLedger(),
    'story.read': ({ slug }) => desk.readStory(slug),
    'story.create': (input) => desk.createStory(input),
    'story.save': (input) => desk.saveStory(input),
    'story.renameImpact': ({ slug }) => ({ stories: desk.storiesLinking(slug) }),
    'story.rename': (input) => desk.renameStory(input),
    'story.delete': ({ slug }) => desk.deleteStory(slug),
    'story.trash': () => desk.listTrash(),
    'story.restore': ({ trashId }) => desk.restoreStory(trashId),
    'story.emptyTrash': () => desk.emptyTrash(),
    'story.import': ({ files, onDuplicate }) => desk.importStories(files, onDuplicate),
    'story.export': ({ slug, format }) => ({
      fileName: `${slug}.${format}`,
      mimeType: MIME[format],
      text: desk.exportStory(slug, format),
    }),
    'story.setStatus': ({ slug, status, baseHash }) => {
      const { text } = desk.readStory(slug);
      const { story, facts } = parseStory(text);
      const yaml = setFrontMatterKey(story.frontMatter ?? '', 'status', status);
      const block = `---\n${yaml}---\n`;
      const next = facts.frontMatter ? block + text.slice(facts.frontMatter.to + 1) : block + text;
      return desk.saveStory({ slug, text: next, baseHash });
    },

    'search.query': (query) => desk.search(query),
    'search.facets': () => desk.facets(),
    'search.sources': () => desk.sourceLedger(),

    'entity.list': () => desk.listEntities(),
    'entity.get': ({ slug }) => desk.getEntity(slug),
    'entity.mentions': ({ slug }) => desk.entityMentions(slug),
    'entity.setKind': ({ slug, kind }) => desk.setEntityKind(slug, kind),
    'entity.rename': ({ slug, name }) => desk.renameEntity(slug, name),
    'entity.merge': ({ from, into }) => desk.mergeEntities(from, into),

    'graph.get': (request) => readGraphView(desk.graphSource(), request),

    'draft.put': (input) => {
      desk.putDraft(input);
      return { ok: true as const };
    },
    'draft.list': () => desk.listDrafts(),
    'draft.discard': ({ slug }) => {
      desk.discardDraft(slug);
      return { ok: true as const };
    },
  };
}
