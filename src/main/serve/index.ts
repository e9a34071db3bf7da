import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeskHandlers } from '../repository/api-handlers';
import type { Desk } from '../repository/desk';
import { handleApiCall, MAX_BODY_BYTES } from './api-route';
import { EventStreams } from './event-stream';
import {
  isOwnHost,
  newToken,
  requestToken,
  sameToken,
  sendText,
  setSecurityHeaders,
} from './security';
import { StaticFiles } from './static-files';

// `desk serve`: api.ts over HTTP plus the built renderer, so the whole app
// runs in any browser on this machine (DESIGN.md, "One contract, three
// transports"). The server only adapts: every call goes through `dispatch`
// with the same handlers the Electron shell uses.
//
//   POST /api/{method}   { "input": … } -> ApiReply (200), Bearer token required
//   GET  /api/events     Server-Sent Events of every DeskEvent; token as Bearer or ?token=
//   GET  /…              the renderer's files; `/` is index.html

export interface ServeOptions {
  readonly desk: Desk;
  /** 0 (the default) takes any free port. */
  readonly port?: number;
  /** The built renderer: electron-vite's out/renderer. */
  readonly rendererDir: string;
  /** Chosen at random per run when absent; tests may fix it. */
  readonly token?: string;
  /** What app.info answers. */
  readonly app?: { readonly name: string; readonly version: string };
  readonly heartbeatMs?: number;
  readonly maxBodyBytes?: number;
}

export interface RunningServer {
  /** http://127.0.0.1:{port}/ */
  readonly url: string;
  /** The page to open: `url` with the token, which the page moves to its session storage. */
  readonly pageUrl: string;
  readonly port: number;
  readonly token: string;
  /** Stops listening, ends the event streams and the open connections. The desk stays the caller's. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const EVENTS_PATH = '/api/events';
const API_PREFIX = '/api/';

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  if (token.length < 16)
    return Promise.reject(new Error('A server token must be at least 16 characters.'));
  const handlers = createDeskHandlers(options.desk, {
    name: options.app?.name ?? 'StoryDesk',
    version: options.app?.version ?? '0.0.0',
    transport: 'http',
  });
  const streams = new EventStreams(options.desk.events, options.heartbeatMs ?? 15_000);
  const files = new StaticFiles(options.rendererDir);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!isOwnHost(req.headers.host, port)) {
      sendText(res, 403, `This server answers only to 127.0.0.1:${port} and localhost:${port}.`);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnHost(origin.replace(/^http:\/\//, ''), port)) {
      sendText(res, 403, 'Requests from other origins are refused.');
      return;
    }
    if (!req.url?.startsWith('/')) {
      sendText(res, 400, 'Bad request target.');
      return;
    }
    const url = new URL(req.url, `http://${HOST}:${port}`);
    const { pathname } = url;

    if (pathname === EVENTS_PATH || pathname.startsWith(API_PREFIX)) {
      const events = pathname === EVENTS_PATH;
      if (!sameToken(requestToken(req, url, events), token)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        sendText(res, 401, 'This server needs the token it printed when it started.');
        return;
      }
      if (events) {
        if (req.method !== 'GET') {
          res.setHeader('Allow', 'GET');
          sendText(res, 405, 'The event stream is read with GET.');
          return;
        }
        streams.handle(req, res);
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(pathname.slice(API_PREFIX.length));
      } catch {
        method = pathname.slice(API_PREFIX.length);
      }
      await handleApiCall(req, res, method, handlers, maxBodyBytes);
      return;
    }
    await files.handle(req, res, pathname);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('desk serve: a request failed:', error);
      sendText(res, 500, 'The server failed on this request; see its terminal.');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (error) => console.error('desk serve:', error));
      port = (server.address() as AddressInfo).port;
      const url = `http://${HOST}:${port}/`;
      let closing: Promise<void> | null = null;
      resolve({
        url,
        pageUrl: `${url}?token=${encodeURIComponent(token)}`,
        port,
        token,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            server.close(() => done());
            streams.closeAll();
            server.closeIdleConnections();
            // A call still running gets a moment to answer; then everything goes.
            setTimeout(() => server.closeAllConnections(), 500).unref();
          })),
      });
    });
  });
}
