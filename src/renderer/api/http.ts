import { createApiClient, DeskEvent, type Api, type RawInvoke } from '../../shared/api';
import type { ConnectionState, DeskEventsConnection } from './events';

// The browser transport, page end: api.ts over `desk serve`'s HTTP. It is
// active when the page came from a server (http or https) and holds the
// server's per-run token: first as `?token=` in the address `desk serve`
// printed, which is then kept in this tab's sessionStorage and taken out of
// the address bar (so it is not bookmarked, shared or kept in history), and
// after a reload from sessionStorage.
//
// The factories below take their globals as arguments, so tests drive them
// from Node against a real server; `httpApi` and `httpEvents` bind them to
// this page.

const TOKEN_KEY = 'storydesk.token';
export const NOT_ANSWERING = 'The StoryDesk server is not answering.';

export interface HttpWire {
  /** The server's origin, e.g. http://127.0.0.1:4123 (no trailing slash needed). */
  readonly baseUrl: string;
  readonly token: string;
}

/** POST /api/{method} with the bearer token; resolves with the server's ApiReply, unchecked. */
export function createHttpInvoke(
  wire: HttpWire,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): RawInvoke {
  const base = wire.baseUrl.replace(/\/+$/, '');
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${wire.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ input }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new Error(NOT_ANSWERING);
    }
    if (response.ok) {
      try {
        return (await response.json()) as unknown;
      } catch {
        throw new Error(`${NOT_ANSWERING} Its reply to ${method} broke off or is not JSON.`);
      }
    }
    const detail = (await response.text().catch(() => '')).trim();
    if (response.status === 401)
      throw new Error(
        'The StoryDesk server did not accept this page’s token: it has probably restarted. ' +
          'Open the address that desk serve printed.',
      );
    throw new Error(
      `The StoryDesk server answered ${response.status} to ${method}${detail ? `: ${detail}` : '.'}`,
    );
  };
}

export interface EventSourceClass {
  new (url: string): EventSource;
  readonly CLOSED: number;
}

/** After this many failed attempts in a row, `reconnecting` becomes `offline`. */
const OFFLINE_AFTER = 3;
const MAX_RETRY_MS = 30_000;

/**
 * GET /api/events as an EventSource. The browser reconnects by itself after
 * a dropped stream; when it gives up (the server answered with an error, say
 * after a restart with a new token) this opens a new one, backing off up to
 * 30 s, so a page left open recovers whenever the server comes back.
 */
export function createHttpEvents(
  wire: HttpWire,
  EventSourceImpl: EventSourceClass = globalThis.EventSource,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): DeskEventsConnection {
  const base = wire.baseUrl.replace(/\/+$/, '');
  const url = `${base}/api/events?token=${encodeURIComponent(wire.token)}`;
  // An EventSource does not say why it gave up: one call tells a server that is
  // down from one that answers but refuses this page's token.
  const refusesToken = async (): Promise<boolean> => {
    try {
      const response = await fetchImpl(`${base}/api/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${wire.token}`, 'Content-Type': 'application/json' },
        body: '{}',
        cache: 'no-store',
        credentials: 'omit',
      });
      return response.status === 401;
    } catch {
      return false;
    }
  };
  const listeners = new Set<(event: DeskEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let current: ConnectionState = 'reconnecting';
  let failures = 0;

  const setState = (next: ConnectionState) => {
    if (next === current) return;
    current = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const open = () => {
    const source = new EventSourceImpl(url);
    source.onopen = () => {
      failures = 0;
      setState('connected');
    };
    source.onmessage = (message: MessageEvent) => {
      let event: DeskEvent;
      try {
        const parsed = DeskEvent.safeParse(JSON.parse(String(message.data)));
        if (!parsed.success) return; // From a newer server, or garbled: not ours to act on.
        event = parsed.data;
      } catch {
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error('A desk event listener failed:', error);
        }
      }
    };
    source.onerror = () => {
      failures += 1;
      if (source.readyState === EventSourceImpl.CLOSED) {
        source.close();
        if (current !== 'refused') setState('offline');
        const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(failures, 5));
        void refusesToken().then((refused) => {
          if (refused) setState('refused');
          else if (current === 'refused') setState('offline');
        });
        setTimeout(open, delay);
      } else {
        setState(failures >= OFFLINE_AFTER ? 'offline' : 'reconnecting');
      }
    };
  };
  open();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    state: () => current,
    onState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
  };
}

// -- This page --------------------------------------------------------------

let pageWire: HttpWire | null | undefined;

/** The server and token this page was opened with, or null when it was not opened by `desk serve`. */
function thisPagesWire(): HttpWire | null {
  if (pageWire !== undefined) return pageWire;
  pageWire = null;
  if (typeof location === 'undefined') return null;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  const address = new URL(location.href);
  let token = address.searchParams.get('token');
  if (token) {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage refused (a privacy setting): the token lives as long as this page.
    }
    address.searchParams.delete('token');
    history.replaceState(history.state, '', address.pathname + address.search + address.hash);
  } else {
    try {
      token = sessionStorage.getItem(TOKEN_KEY);
    } catch {
      token = null;
    }
  }
  if (!token) return null;
  pageWire = { baseUrl: location.origin, token };
  return pageWire;
}

/** The Api over `desk serve`, or null when this page was not served by it. */
export function httpApi(): Api | null {
  const wire = thisPagesWire();
  return wire ? createApiClient(createHttpInvoke(wire)) : null;
}

let pageEvents: DeskEventsConnection | null = null;

/** The desk's events over `desk serve` (one stream per page), or null when not served by it. */
export function httpEvents(): DeskEventsConnection | null {
  if (pageEvents) return pageEvents;
  const wire = thisPagesWire();
  if (!wire || typeof EventSource === 'undefined') return null;
  pageEvents = createHttpEvents(wire);
  return pageEvents;
}
