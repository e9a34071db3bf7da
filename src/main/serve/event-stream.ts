import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeskEvent } from '../../shared/api-events';

// GET /api/events: every DeskEvent as a Server-Sent Event (`data: {json}`), so
// a browser's EventSource hears the repository as the Electron window does.
// A comment line every `heartbeatMs` keeps proxies and idle timers from
// closing a quiet stream and lets a dead client be noticed.

export interface EventSourceLike {
  subscribe(listener: (event: DeskEvent) => void): () => void;
}

/** How long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 2000;

export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly events: EventSourceLike,
    private readonly heartbeatMs: number,
  ) {}

  get size(): number {
    return this.open.size;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    // The stream lives as long as the page: no socket timeout may end it.
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    this.open.add(res);

    const unsubscribe = this.events.subscribe((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();
    const cleanUp = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(res);
    };
    res.once('close', cleanUp);
    res.once('error', cleanUp);
  }

  /** Ends every stream (the server is closing); browsers will try again and find it gone. */
  closeAll(): void {
    for (const res of [...this.open]) res.end();
  }
}
