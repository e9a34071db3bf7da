import { z } from 'zod';

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
});
export type SampleStory = z.infer<typeof SampleStory>;

interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

// One object per domain, named `{domain}.{verb}`, composed below: the
// contract grows by domains (stories, entities, sources, sync) without any
// one of them becoming the whole file.

const appMethods = {
  'app.info': { input: z.undefined(), output: AppInfo },
} as const satisfies Record<`app.${string}`, MethodSpec>;

const storyMethods = {
  /** The reference story that the app ships in its sample desk. */
  'story.sample': { input: z.undefined(), output: SampleStory },
} as const satisfies Record<`story.${string}`, MethodSpec>;

export const apiMethods = { ...appMethods, ...storyMethods } as const satisfies Record<
  string,
  MethodSpec
>;

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
}

/**
 * The names the Electron transport shares between its main and preload ends,
 * kept here so the two cannot disagree. Every IPC channel of the app starts
 * with `channelPrefix`, which lets the main side refuse anything else.
 */
export const electronTransport = {
  channelPrefix: 'storydesk:',
  apiChannel: 'storydesk:api',
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
