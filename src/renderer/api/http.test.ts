import { describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../../shared/api';
import type { ConnectionState } from './events';
import { createHttpEvents, createHttpInvoke, NOT_ANSWERING, type EventSourceClass } from './http';

// The browser transport's logic, driven from Node: fetch and EventSource are
// passed in. Its calls over a real server are proven in src/main/serve/serve.test.ts.

const wire = { baseUrl: 'http://127.0.0.1:4123/', token: 'a-token-of-thirty-two-characters' };

describe('createHttpInvoke', () => {
  it('POSTs { input } to /api/{method} with the bearer token and returns the reply', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ ok: true, value: 1 }));
    const invoke = createHttpInvoke(wire, fetchImpl as unknown as typeof fetch);
    expect(await invoke('story.read', { slug: 'a' })).toEqual({ ok: true, value: 1 });
    expect(fetchImpl).toHaveBeenCalledWith('http://127.0.0.1:4123/api/story.read', {
      method: 'POST',
      headers: { Authorization: `Bearer ${wire.token}`, 'Content-Type': 'application/json' },
      body: '{"input":{"slug":"a"}}',
      cache: 'no-store',
      credentials: 'omit',
    });
  });

  it('turns a network failure into one clear rejection', async () => {
    const invoke = createHttpInvoke(wire, (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    await expect(invoke('app.info', undefined)).rejects.toThrow(NOT_ANSWERING);
  });

  it('really fails that way when nothing listens', async () => {
    const invoke = createHttpInvoke({ baseUrl: 'http://127.0.0.1:9', token: wire.token });
    await expect(invoke('app.info', undefined)).rejects.toThrow(
      'The StoryDesk server is not answering.',
    );
  });

  it('says what a refused token means', async () => {
    const invoke = createHttpInvoke(
      wire,
      (async () => new Response('no', { status: 401 })) as typeof fetch,
    );
    await expect(invoke('app.info', undefined)).rejects.toThrow(/did not accept this page’s token/);
  });
});

/** An EventSource the test drives by hand. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static made: FakeEventSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  send(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  fail(closed = false) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('createHttpEvents', () => {
  it('opens /api/events with the token and delivers valid DeskEvents only', () => {
    FakeEventSource.made = [];
    const events = createHttpEvents(wire, FakeEventSource as unknown as EventSourceClass);
    const source = FakeEventSource.made[0]!;
    expect(source.url).toBe(`http://127.0.0.1:4123/api/events?token=${wire.token}`);
    const got: DeskEvent[] = [];
    const stop = events.subscribe((e) => got.push(e));
    source.open();
    const event: DeskEvent = { type: 'conflict', slug: 'a' };
    source.send(event);
    source.send('not json');
    source.send({ type: 'story.exploded' });
    expect(got).toEqual([event]);
    stop();
    source.send(event);
    expect(got).toHaveLength(1);
  });

  it('reports connected, reconnecting and offline, and reopens a stream the browser gave up on', () => {
    vi.useFakeTimers();
    try {
      FakeEventSource.made = [];
      const down = (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch;
      const events = createHttpEvents(wire, FakeEventSource as unknown as EventSourceClass, down);
      const states: ConnectionState[] = [];
      events.onState((s) => states.push(s));
      expect(events.state()).toBe('reconnecting');
      const first = FakeEventSource.made[0]!;
      first.open();
      first.fail();
      first.fail();
      first.fail();
      first.open();
      expect(states).toEqual(['connected', 'reconnecting', 'offline', 'connected']);

      first.fail(true);
      expect(events.state()).toBe('offline');
      expect(first.closed).toBe(true);
      expect(FakeEventSource.made).toHaveLength(1);
      vi.advanceTimersByTime(30_000);
      expect(FakeEventSource.made).toHaveLength(2);
      FakeEventSource.made[1]!.open();
      expect(events.state()).toBe('connected');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says refused when the server answers but not to this token, and offline when it is down', async () => {
    vi.useFakeTimers();
    try {
      FakeEventSource.made = [];
      let status: number | null = 401;
      const probes: string[] = [];
      const fetchImpl = (async (url: string, init: RequestInit) => {
        probes.push(
          `${init.method} ${url} ${(init.headers as Record<string, string>).Authorization}`,
        );
        if (status === null) throw new TypeError('fetch failed');
        return new Response('', { status });
      }) as unknown as typeof fetch;
      const events = createHttpEvents(
        wire,
        FakeEventSource as unknown as EventSourceClass,
        fetchImpl,
      );
      const states: ConnectionState[] = [];
      events.onState((s) => states.push(s));
      FakeEventSource.made[0]!.open();
      FakeEventSource.made[0]!.fail(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(events.state()).toBe('refused');
      expect(probes).toEqual([`POST http://127.0.0.1:4123/api/app.info Bearer ${wire.token}`]);

      // Still refused on the next try: it stays refused, no flicker to offline.
      await vi.advanceTimersByTimeAsync(30_000);
      FakeEventSource.made[1]!.fail(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(states).toEqual(['connected', 'offline', 'refused']);

      // The server went away altogether: offline; back with this page's token: connected.
      status = null;
      await vi.advanceTimersByTimeAsync(30_000);
      FakeEventSource.made[2]!.fail(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(events.state()).toBe('offline');
      await vi.advanceTimersByTimeAsync(30_000);
      FakeEventSource.made[3]!.open();
      expect(states).toEqual(['connected', 'offline', 'refused', 'offline', 'connected']);
    } finally {
      vi.useRealTimers();
    }
  });
});
