import { z } from 'zod';
import { DeskEvent } from './api-events';
import { DeskSettings, StoryStatus } from './desk';
import { Entity, EntityKind } from './entity';
import { GraphFilters } from './graph/model';
import { OutletEntry, SearchQuery, SearchResult, SourceEntry } from './search';
import { DIAGNOSTIC_CODES } from './story/diagnostics';
import { StorySummary } from './story-summary';

// THE contract between the repository and any user interface. Every method is
// declared once, here, as a pair of zod schemas; the types are derived from
// them, so a method cannot drift between its compile-time and run-time shape.
// The Electron IPC transport, `desk serve`'s HTTP transport and direct calls
// (CLI, tests) all go through `dispatch` on the serving side and
// `createApiClient` on the calling side, so every payload is checked the same
// way whichever wire carries it.
//
// To add a method: add its schemas to `apiMethods`, implement it in every
// `ApiHandlers` object (the compiler lists the ones that lack it). Nothing in
// a transport needs to change.

const Transport = z.enum(['electron', 'http', 'direct']);

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which wire the caller is talking through, so the UI can say what it runs in. */
  transport: Transport,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SampleStory = z.object({
  /** Relative to the desk's root, with `/` separators, as every desk path is. */
  path: z.string(),
  /** The file's text, byte for byte (the reference has no final newline). */
  text: z.string(),
  /** The text's hash, as story.read gives it: the base of its first save. */
  hash: z.string(),
});
export type SampleStory = z.infer<typeof SampleStory>;

interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

// One object per domain, named `{domain}.{verb}`, composed below: the
// contract grows by domains (stories, entities, sources, sync) without any
// one of them becoming the whole file.

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug is lowercase letters, digits and single hyphens');

export const TextChange = z.object({ from: z.number(), to: z.number(), insert: z.string() });

export const Diagnostic = z.object({
  code: z.enum(DIAGNOSTIC_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  from: z.number(),
  to: z.number(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  fixes: z.array(z.object({ label: z.string(), changes: z.array(TextChange) })).optional(),
});

export const DeskProblem = z.object({ path: z.string(), message: z.string() });
export type DeskProblem = z.infer<typeof DeskProblem>;

export const DeskInfo = z.object({
  name: z.string(),
  /** Absolute path of the desk's folder, for the window title and dialogs. */
  root: z.string(),
  settings: DeskSettings,
  /** A desk written by a newer StoryDesk is shown, never changed. */
  readOnly: z.boolean(),
  /** Files that could not be used as they are; each is left untouched. */
  problems: z.array(DeskProblem),
});
export type DeskInfo = z.infer<typeof DeskInfo>;

export const StoryText = z.object({
  slug: Slug,
  text: z.string(),
  /** sha256 of the file's bytes: what a save must name to overwrite it. */
  hash: z.string(),
  diagnostics: z.array(Diagnostic),
});
export type StoryText = z.infer<typeof StoryText>;

export const SaveResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), hash: z.string() }),
  z.object({
    ok: z.literal(false),
    /** The file changed on disk since the editor read it: nothing was written; both texts are here. */
    conflict: z.object({
      slug: Slug,
      mine: z.string(),
      theirs: z.string().nullable(),
      theirsHash: z.string().nullable(),
    }),
  }),
]);
export type SaveResult = z.infer<typeof SaveResult>;

export const TrashItem = z.object({ id: z.string(), slug: Slug, deletedAt: z.string() });

export const ImportResult = z.object({
  name: z.string(),
  slug: z.string().nullable(),
  status: z.enum(['imported', 'replaced', 'skipped', 'failed']),
  errors: z.number(),
  warnings: z.number(),
  message: z.string(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportedStory = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  text: z.string(),
});

export const EntityWithStories = Entity.extend({ stories: z.array(z.string()) });
export const EntityDetail = EntityWithStories.extend({ problem: z.string().nullable() });
export const EntityMention = z.object({
  slug: Slug,
  title: z.string(),
  sentences: z.array(z.string()),
});

const FacetCount = z.object({ value: z.string(), count: z.number() });
export const Facets = z.object({
  types: z.array(FacetCount),
  heads: z.array(FacetCount),
  lenses: z.array(FacetCount),
  regions: z.array(FacetCount),
  languages: z.array(FacetCount),
  statuses: z.array(FacetCount),
});

export const Draft = z.object({
  slug: Slug,
  text: z.string(),
  baseHash: z.string().nullable(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

const StoryBody = z
  .string()
  .max(5_000_000, 'a story of more than 5 million characters is not a story');
const Ok = z.object({ ok: z.literal(true) });

// One object per domain, named `{domain}.{verb}`, composed below: the
// contract grows by domains without any one of them becoming the whole file.

const appMethods = {
  'app.info': { input: z.undefined(), output: AppInfo },
} as const satisfies Record<`app.${string}`, MethodSpec>;

const deskMethods = {
  'desk.info': { input: z.undefined(), output: DeskInfo },
  'desk.updateSettings': {
    input: DeskSettings.omit({ schemaVersion: true }).partial(),
    output: DeskSettings,
  },
} as const satisfies Record<`desk.${string}`, MethodSpec>;

const storyMethods = {
  /** The reference story that the app ships in its sample desk. */
  'story.sample': { input: z.undefined(), output: SampleStory },
  'story.list': { input: z.undefined(), output: z.array(StorySummary) },
  /** Every outlet the takes name, with its most used region and language (take lines' autocomplete). */
  'story.outlets': { input: z.undefined(), output: z.array(OutletEntry) },
  'story.read': { input: z.object({ slug: Slug }), output: StoryText },
  'story.create': {
    input: z.object({
      slug: Slug,
      title: z.string().max(500).optional(),
      type: z.string().max(100).optional(),
    }),
    output: StoryText,
  },
  'story.save': {
    input: z.object({ slug: Slug, text: StoryBody, baseHash: z.string().nullable() }),
    output: SaveResult,
  },
  /** The stories a rename would rewrite, to show before doing it. */
  'story.renameImpact': {
    input: z.object({ slug: Slug }),
    output: z.object({ stories: z.array(Slug) }),
  },
  'story.rename': {
    input: z.object({ from: Slug, to: Slug }),
    output: z.object({ rewritten: z.array(Slug) }),
  },
  'story.delete': { input: z.object({ slug: Slug }), output: z.object({ trashId: z.string() }) },
  'story.trash': { input: z.undefined(), output: z.array(TrashItem) },
  'story.restore': { input: z.object({ trashId: z.string() }), output: z.object({ slug: Slug }) },
  /** Deletes every story in the trash for good. */
  'story.emptyTrash': { input: z.undefined(), output: z.object({ removed: z.number() }) },
  'story.import': {
    input: z.object({
      files: z.array(z.object({ name: z.string().max(1000), text: StoryBody })).max(10_000),
      onDuplicate: z.enum(['skip', 'replace']),
    }),
    output: z.array(ImportResult),
  },
  'story.export': {
    input: z.object({ slug: Slug, format: z.enum(['md', 'html', 'json']) }),
    output: ExportedStory,
  },
  /** Move a story through the workflow: its front matter's `status`, nothing else touched. */
  'story.setStatus': {
    input: z.object({ slug: Slug, status: StoryStatus, baseHash: z.string().nullable() }),
    output: SaveResult,
  },
} as const satisfies Record<`story.${string}`, MethodSpec>;

const searchMethods = {
  'search.query': { input: SearchQuery, output: SearchResult },
  'search.facets': { input: z.undefined(), output: Facets },
  'search.sources': { input: z.undefined(), output: z.array(SourceEntry) },
} as const satisfies Record<`search.${string}`, MethodSpec>;

const entityMethods = {
  'entity.list': { input: z.undefined(), output: z.array(EntityWithStories) },
  'entity.get': { input: z.object({ slug: Slug }), output: EntityDetail },
  'entity.mentions': { input: z.object({ slug: Slug }), output: z.array(EntityMention) },
  'entity.setKind': { input: z.object({ slug: Slug, kind: EntityKind }), output: Entity },
  'entity.rename': {
    input: z.object({ slug: Slug, name: z.string().min(1).max(300) }),
    output: Entity,
  },
  'entity.merge': { input: z.object({ from: Slug, into: Slug }), output: Entity },
} as const satisfies Record<`entity.${string}`, MethodSpec>;

const GraphNodeKind = z.union([EntityKind, z.literal('story')]);
// Checked with one plain loop: zod's per-element check takes most of a second
// on the million numbers of a big desk's edges.
const Counts = z.custom<number[]>(
  (v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)),
  'an array of numbers',
);

/** What the Graph view asks for: `desk graph`'s options. */
export const GraphRequest = z.object({
  filters: GraphFilters.optional(),
  /** The nodes within `hops` edges of one entity (slug, name or alias) or one story. */
  focus: z
    .union([z.object({ entity: z.string().min(1).max(300) }), z.object({ story: Slug })])
    .optional(),
  hops: z.number().int().min(0).max(20).optional(),
  /** Story nodes, story–story and story–entity edges (always with a story focus). */
  stories: z.boolean().optional(),
  /**
   * With a story focus, instead of its ego graph: the story's entities, the
   * `neighbours` entities most mentioned with them and the edges that touch
   * the story's entities (no story nodes; none at all for a story not there).
   */
  neighbours: z.number().int().min(0).max(500).optional(),
  /** Each node's community (Louvain): costs time on a big desk, so only when asked. */
  communities: z.boolean().optional(),
});
export type GraphRequest = z.infer<typeof GraphRequest>;

/**
 * The graph as the Graph view draws it. Edges are columns of numbers (edge i
 * joins nodes[source[i]] and nodes[target[i]]; its stories are
 * stories[storyIndex[j]] for j in storyStart[i] .. storyStart[i + 1]); a
 * desk has about a million of them, and as objects they would not cross a
 * wire quickly. Node v's stories are stories[nodeStories.index[j]] for j in
 * nodeStories.start[v] .. start[v + 1]: an entity's mentions, a story node's
 * own story. Each story's date lets the view replay how the graph grew.
 */
export const GraphView = z.object({
  nodes: z.array(
    z.object({ id: z.string(), label: z.string(), kind: GraphNodeKind, weight: z.number() }),
  ),
  edges: z.object({
    source: Counts,
    target: Counts,
    weight: Counts,
    storyStart: Counts,
    storyIndex: Counts,
  }),
  stories: z.array(z.object({ slug: z.string(), title: z.string(), date: z.string() })),
  nodeStories: z.object({ start: Counts, index: Counts }),
  /** By node, when asked for; null otherwise. */
  communities: Counts.nullable(),
});
export type GraphView = z.infer<typeof GraphView>;

const graphMethods = {
  'graph.get': { input: GraphRequest, output: GraphView },
} as const satisfies Record<`graph.${string}`, MethodSpec>;

const draftMethods = {
  'draft.put': {
    input: z.object({ slug: Slug, text: StoryBody, baseHash: z.string().nullable() }),
    output: Ok,
  },
  'draft.list': { input: z.undefined(), output: z.array(Draft) },
  'draft.discard': { input: z.object({ slug: Slug }), output: Ok },
} as const satisfies Record<`draft.${string}`, MethodSpec>;

export const apiMethods = {
  ...appMethods,
  ...deskMethods,
  ...storyMethods,
  ...searchMethods,
  ...entityMethods,
  ...graphMethods,
  ...draftMethods,
} as const satisfies Record<string, MethodSpec>;

/** The events every transport pushes to the user interface. */
export { DeskEvent };

export type ApiMethods = typeof apiMethods;
export type Method = keyof ApiMethods;
export const methodNames = Object.keys(apiMethods) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiMethods, name);
}

/** What a caller passes (before the schema's defaults and transforms). */
export type Input<K extends Method> = z.input<ApiMethods[K]['input']>;
/** What a caller receives, after validation. */
export type Output<K extends Method> = z.output<ApiMethods[K]['output']>;

// A method whose input may be undefined can be called without an argument.
type Params<K extends Method> = undefined extends Input<K> ? [input?: Input<K>] : [input: Input<K>];

/** The whole API as the user interface sees it, whatever the transport. */
export type Api = { readonly [K in Method]: (...params: Params<K>) => Promise<Output<K>> };

/**
 * What the serving side implements: each handler gets its input already
 * validated and may return anything its output schema accepts.
 */
export type ApiHandlers = {
  readonly [K in Method]: (
    input: z.output<ApiMethods[K]['input']>,
  ) => Promise<z.input<ApiMethods[K]['output']>> | z.input<ApiMethods[K]['output']>;
};

// Errors cross every transport as data, not as thrown objects: Electron's IPC
// flattens a rejection into a prefixed message and HTTP has only a body, so a
// structured reply is the one form all of them carry intact.

export const ApiErrorCode = z.enum([
  /** No such method in this contract. */
  'unknown-method',
  /** The input did not match the method's schema. */
  'invalid-input',
  /** The serving side produced something its own schema rejects: a bug there. */
  'invalid-output',
  /** The caller is not allowed to call (for example a frame that is not the app's). */
  'forbidden',
  /** The handler failed; the message says why. */
  'failed',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ApiErrorCode, message: z.string() }) }),
]);
export type ApiReply = z.infer<typeof ApiReply>;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly method?: string,
  ) {
    super(method ? `${method}: ${message}` : message);
  }
}

function failure(code: ApiErrorCode, message: string): ApiReply {
  return { ok: false, error: { code, message } };
}

/**
 * The serving side of every transport: checks the method name and input,
 * runs the handler, checks its output, and never throws. The transport only
 * moves `method`, `input` and the reply.
 */
export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  input: unknown,
): Promise<ApiReply> {
  if (!isMethod(method))
    return failure('unknown-method', `Unknown method ${JSON.stringify(method)}.`);
  const spec: MethodSpec = apiMethods[method];
  const parsedInput = spec.input.safeParse(input);
  if (!parsedInput.success) return failure('invalid-input', z.prettifyError(parsedInput.error));
  let result: unknown;
  try {
    // The index loses the link between a method and its handler's input type;
    // the schema just checked that link at run time.
    const handler = handlers[method] as (input: unknown) => unknown;
    result = await handler(parsedInput.data);
  } catch (error) {
    return failure('failed', error instanceof Error ? error.message : String(error));
  }
  const parsedOutput = spec.output.safeParse(result);
  if (!parsedOutput.success) return failure('invalid-output', z.prettifyError(parsedOutput.error));
  return { ok: true, value: parsedOutput.data };
}

/** Moves one call over a wire and resolves with the other side's `ApiReply`. */
export type RawInvoke = (method: Method, input: unknown) => Promise<unknown>;

/** What a bridge hands the renderer: one raw invoke and nothing else. */
export interface ApiBridge {
  readonly invoke: RawInvoke;
  /** Listen to the repository's events; returns the function that stops listening. */
  readonly onEvent: (listener: (event: DeskEvent) => void) => () => void;
  /** Listen to commands chosen in the application's menu, by command id. */
  readonly onCommand: (listener: (id: string) => void) => () => void;
}

/**
 * The names the Electron transport shares between its main and preload ends,
 * kept here so the two cannot disagree. Every IPC channel of the app starts
 * with `channelPrefix`, which lets the main side refuse anything else.
 */
export const electronTransport = {
  channelPrefix: 'storydesk:',
  apiChannel: 'storydesk:api',
  /** Main to renderer: each DeskEvent, as it happens. */
  eventChannel: 'storydesk:event',
  /** Main to renderer: the id of a command chosen in the application menu. */
  commandChannel: 'storydesk:command',
  /** `window.storydesk` in the renderer. */
  bridgeGlobal: 'storydesk',
} as const;

/**
 * Builds the `Api` a user interface talks to from a transport's raw invoke.
 * Replies are validated here too: the renderer trusts nothing it did not check,
 * whichever process or server sent it.
 */
export function createApiClient(invoke: RawInvoke): Api {
  const client: Partial<Record<Method, (input?: unknown) => Promise<unknown>>> = {};
  for (const method of methodNames) {
    const spec: MethodSpec = apiMethods[method];
    client[method] = async (input?: unknown) => {
      const reply = ApiReply.safeParse(await invoke(method, input));
      if (!reply.success)
        throw new ApiError('invalid-output', 'The reply is not an API reply.', method);
      if (!reply.data.ok)
        throw new ApiError(reply.data.error.code, reply.data.error.message, method);
      const output = spec.output.safeParse(reply.data.value);
      if (!output.success)
        throw new ApiError('invalid-output', z.prettifyError(output.error), method);
      return output.data;
    };
  }
  return Object.freeze(client) as Api;
}
