import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, methodNames, type Api, type Method } from '../../shared/api';
import { rendererCsp } from '../../shared/csp';
import { createHttpInvoke } from '../../renderer/api/http';
import { Desk } from '../repository/desk';
import { startServer, type RunningServer } from './index';

// `desk serve` over real HTTP on 127.0.0.1: every api.ts method through the
// renderer's own HTTP transport, the token, the Host check, the event stream
// and the static files, each test on a fresh copy of the sample desk.

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = path.join(ROOT, 'resources', 'sample-desk');
const SAMPLE_STORIES = 11;
const REFERENCE = 'ukraine-russia-geneva-territory-talks';
const INDEX_HTML = '<!doctype html><title>StoryDesk test page</title><p>renderer</p>\n';

interface Fixture {
  dir: string;
  deskDir: string;
  rendererDir: string;
  desk: Desk;
  server: RunningServer;
  api: Api;
}

function makeDesk(): { dir: string; deskDir: string; rendererDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-serve-'));
  const deskDir = path.join(dir, 'desk');
  cpSync(SAMPLE, deskDir, { recursive: true });
  // The renderer folder sits beside a file it must never serve.
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
  writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body { color: black; }\n');
  writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser\n');
  return { dir, deskDir, rendererDir };
}

let f: Fixture;

beforeEach(async () => {
  const { dir, deskDir, rendererDir } = makeDesk();
  const desk = Desk.open(deskDir, { watch: true });
  const server = await startServer({
    desk,
    port: 0,
    rendererDir,
    app: { name: 'StoryDesk', version: '9.9.9' },
  });
  const api = createApiClient(
    createHttpInvoke({ baseUrl: server.url, token: server.token }, fetch),
  );
  f = { dir, deskDir, rendererDir, desk, server, api };
});

afterEach(async () => {
  await f.server.close();
  f.desk.close();
  rmSync(f.dir, { recursive: true, force: true });
});

// -- Every method, over HTTP -------------------------------------------------

// One valid call per method, checked for sense. A method added to api.ts
// without an entry here fails the suite below, so none goes untested.
const calls: { readonly [K in Method]: (api: Api) => Promise<void> } = {
  'app.info': async (api) => {
    expect(await api['app.info']()).toEqual({
      name: 'StoryDesk',
      version: '9.9.9',
      transport: 'http',
    });
  },
  'desk.info': async (api) => {
    const info = await api['desk.info']();
    expect(info.root).toBe(f.deskDir);
    expect(info.name).toBe('desk');
    expect(info.readOnly).toBe(false);
  },
  'desk.updateSettings': async (api) => {
    const settings = await api['desk.updateSettings']({ author: 'Night desk' });
    expect(settings.author).toBe('Night desk');
    expect((await api['desk.info']()).settings.author).toBe('Night desk');
  },
  'story.sample': async (api) => {
    const sample = await api['story.sample']();
    expect(sample.path).toBe(`stories/${REFERENCE}.md`);
    expect(sample.text).toMatch(/^# Ukraine-Russia talks/);
    expect(sample.hash).toBe((await api['story.read']({ slug: REFERENCE })).hash);
  },
  'story.list': async (api) => {
    const stories = await api['story.list']();
    expect(stories).toHaveLength(SAMPLE_STORIES);
    expect(stories.map((s) => s.slug)).toContain(REFERENCE);
  },
  'story.outlets': async (api) => {
    const outlets = await api['story.outlets']();
    expect(outlets.find((o) => o.outlet === 'Reuters')).toMatchObject({
      region: 'Global',
      language: 'en',
    });
    expect(outlets.every((o) => o.takes > 0)).toBe(true);
  },
  'story.read': async (api) => {
    const story = await api['story.read']({ slug: REFERENCE });
    expect(story.slug).toBe(REFERENCE);
    expect(story.text).toContain('Ukraine-Russia talks');
    expect(story.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(story.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  },
  'story.create': async (api) => {
    const story = await api['story.create']({ slug: 'night-shift', title: 'Night shift' });
    expect(story.text).toContain('Night shift');
    expect((await api['story.read']({ slug: 'night-shift' })).hash).toBe(story.hash);
    expect(await api['story.list']()).toHaveLength(SAMPLE_STORIES + 1);
  },
  'story.save': async (api) => {
    const before = await api['story.read']({ slug: REFERENCE });
    const text = before.text.replace('Ukraine-Russia talks', 'Ukraine–Russia talks');
    const saved = await api['story.save']({ slug: REFERENCE, text, baseHash: before.hash });
    expect(saved.ok).toBe(true);
    const after = await api['story.read']({ slug: REFERENCE });
    expect(after.text).toBe(text);
    if (saved.ok) expect(after.hash).toBe(saved.hash);
    // The editor's copy is stale now: nothing is written, both texts come back.
    const stale = await api['story.save']({ slug: REFERENCE, text: 'mine', baseHash: before.hash });
    expect(stale).toEqual({
      ok: false,
      conflict: { slug: REFERENCE, mine: 'mine', theirs: text, theirsHash: after.hash },
    });
    expect((await api['story.read']({ slug: REFERENCE })).text).toBe(text);
  },
  'story.renameImpact': async (api) => {
    const { stories } = await api['story.renameImpact']({ slug: 'china-mediation-ukraine-envoy' });
    expect(stories).toContain('us-congress-ukraine-aid-vote');
  },
  'story.rename': async (api) => {
    const { rewritten } = await api['story.rename']({
      from: 'china-mediation-ukraine-envoy',
      to: 'beijing-envoy',
    });
    expect(rewritten).toContain('us-congress-ukraine-aid-vote');
    const slugs = (await api['story.list']()).map((s) => s.slug);
    expect(slugs).toContain('beijing-envoy');
    expect(slugs).not.toContain('china-mediation-ukraine-envoy');
    expect((await api['story.read']({ slug: 'us-congress-ukraine-aid-vote' })).text).toContain(
      '[[beijing-envoy]]',
    );
  },
  'story.delete': async (api) => {
    const { trashId } = await api['story.delete']({ slug: REFERENCE });
    expect(trashId).toBeTruthy();
    expect((await api['story.list']()).map((s) => s.slug)).not.toContain(REFERENCE);
    await expect(api['story.read']({ slug: REFERENCE })).rejects.toMatchObject({
      code: 'failed',
    });
  },
  'story.trash': async (api) => {
    expect(await api['story.trash']()).toEqual([]);
    const { trashId } = await api['story.delete']({ slug: REFERENCE });
    expect(await api['story.trash']()).toEqual([
      expect.objectContaining({ id: trashId, slug: REFERENCE }),
    ]);
  },
  'story.restore': async (api) => {
    const before = await api['story.read']({ slug: REFERENCE });
    const { trashId } = await api['story.delete']({ slug: REFERENCE });
    expect(await api['story.restore']({ trashId })).toEqual({ slug: REFERENCE });
    expect((await api['story.read']({ slug: REFERENCE })).hash).toBe(before.hash);
  },
  'story.emptyTrash': async (api) => {
    await api['story.delete']({ slug: REFERENCE });
    expect(await api['story.emptyTrash']()).toEqual({ removed: 1 });
    expect(await api['story.trash']()).toEqual([]);
    expect(await api['story.emptyTrash']()).toEqual({ removed: 0 });
  },
  'story.import': async (api) => {
    const results = await api['story.import']({
      files: [
        { name: 'wire-copy.md', text: '# Wire copy\n\nA paragraph from the wire.\n' },
        { name: 'Not A Slug!.md', text: '# Nothing\n' },
      ],
      onDuplicate: 'skip',
    });
    expect(results.map((r) => [r.slug, r.status])).toEqual([
      ['wire-copy', 'imported'],
      [null, 'failed'],
    ]);
    expect((await api['story.read']({ slug: 'wire-copy' })).text).toContain('from the wire');
  },
  'story.export': async (api) => {
    const html = await api['story.export']({ slug: REFERENCE, format: 'html' });
    expect(html.fileName).toBe(`${REFERENCE}.html`);
    expect(html.mimeType).toMatch(/^text\/html/);
    expect(html.text).toMatch(/<h1[^>]*>Ukraine-Russia talks/);
    const md = await api['story.export']({ slug: REFERENCE, format: 'md' });
    expect(md.text).toContain('# Ukraine-Russia talks');
  },
  'story.setStatus': async (api) => {
    const { hash } = await api['story.read']({ slug: REFERENCE });
    const result = await api['story.setStatus']({
      slug: REFERENCE,
      status: 'fact-check',
      baseHash: hash,
    });
    expect(result.ok).toBe(true);
    expect((await api['story.read']({ slug: REFERENCE })).text).toMatch(
      /^---\n(.*\n)*status: fact-check\n/,
    );
    const summary = (await api['story.list']()).find((s) => s.slug === REFERENCE);
    expect(summary?.status).toBe('fact-check');
  },
  'search.query': async (api) => {
    const result = await api['search.query']({ text: 'Zelensky' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.map((h) => h.slug)).toContain('putin-zelensky-talks-rebuff');
    expect(result.hits[0]!.snippet.some((run) => run.match)).toBe(true);
  },
  'search.facets': async (api) => {
    const facets = await api['search.facets']();
    const stories = facets.statuses.reduce((n, s) => n + s.count, 0);
    expect(stories).toBe(SAMPLE_STORIES);
    expect(facets.types.length).toBeGreaterThan(0);
  },
  'search.sources': async (api) => {
    const sources = await api['search.sources']();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0]!.url).toMatch(/^https?:\/\//);
  },
  'entity.list': async (api) => {
    const entities = await api['entity.list']();
    expect(entities.map((e) => e.slug)).toContain('volodymyr-zelensky');
  },
  'entity.get': async (api) => {
    const entity = await api['entity.get']({ slug: 'volodymyr-zelensky' });
    expect(entity).toMatchObject({ name: 'Volodymyr Zelensky', kind: 'person', problem: null });
    expect(entity.stories).toContain('putin-zelensky-talks-rebuff');
  },
  'entity.mentions': async (api) => {
    const mentions = await api['entity.mentions']({ slug: 'volodymyr-zelensky' });
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.flatMap((m) => m.sentences).join(' ')).toContain('Zelensky');
  },
  'entity.setKind': async (api) => {
    expect((await api['entity.setKind']({ slug: 'g7', kind: 'event' })).kind).toBe('event');
    expect((await api['entity.get']({ slug: 'g7' })).kind).toBe('event');
  },
  'entity.rename': async (api) => {
    const entity = await api['entity.rename']({ slug: 'naftogaz', name: 'Naftogaz of Ukraine' });
    expect(entity.name).toBe('Naftogaz of Ukraine');
  },
  'entity.merge': async (api) => {
    const into = await api['entity.merge']({ from: 'evian-les-bains', into: 'france' });
    expect(into.slug).toBe('france');
    expect((await api['entity.list']()).map((e) => e.slug)).not.toContain('evian-les-bains');
  },
  'graph.get': async (api) => {
    const g = await api['graph.get']({ focus: { story: REFERENCE }, hops: 1 });
    const entities = g.nodes.filter((n) => n.kind !== 'story').map((n) => n.id);
    expect(entities).toEqual([
      'russia',
      'ukraine',
      'ukraine-russia-war',
      'united-states',
      'vladimir-putin',
      'volodymyr-zelensky',
    ]);
    expect(g.edges.source).toHaveLength(g.edges.weight.length);
    expect(g.stories.map((s) => s.slug)).toContain(REFERENCE);
  },
  'draft.put': async (api) => {
    const { hash } = await api['story.read']({ slug: REFERENCE });
    expect(
      await api['draft.put']({ slug: REFERENCE, text: 'half a story', baseHash: hash }),
    ).toEqual({ ok: true });
    expect(await api['draft.list']()).toEqual([
      expect.objectContaining({ slug: REFERENCE, text: 'half a story', baseHash: hash }),
    ]);
  },
  'draft.list': async (api) => {
    expect(await api['draft.list']()).toEqual([]);
    await api['draft.put']({ slug: 'night-shift', text: 'new', baseHash: null });
    expect((await api['draft.list']()).map((d) => d.slug)).toEqual(['night-shift']);
  },
  'draft.discard': async (api) => {
    await api['draft.put']({ slug: REFERENCE, text: 'half a story', baseHash: null });
    expect(await api['draft.discard']({ slug: REFERENCE })).toEqual({ ok: true });
    expect(await api['draft.list']()).toEqual([]);
  },
};

describe('every api.ts method over HTTP', () => {
  it('has a call in this table for each method of the contract', () => {
    const missing = methodNames.filter((m) => !Object.hasOwn(calls, m));
    expect(missing, 'methods of api.ts with no test call here').toEqual([]);
  });

  it.each(methodNames)('%s', async (method) => {
    const call = (calls as Partial<Record<string, (api: Api) => Promise<void>>>)[method];
    if (!call) throw new Error(`No test call for ${method}: add one to \`calls\`.`);
    await call(f.api);
  });
});

// -- The API's edges ------------------------------------------------------------

async function post(
  method: string,
  body: string,
  headers: Record<string, string> = { Authorization: `Bearer ${f.server.token}` },
) {
  const response = await fetch(`${f.server.url}api/${method}`, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('the API', () => {
  it('answers 401 without the token, or with another', async () => {
    expect((await post('app.info', '{}', {})).status).toBe(401);
    const wrong = await post('app.info', '{}', { Authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    const almost = f.server.token.slice(0, -1) + (f.server.token.endsWith('A') ? 'B' : 'A');
    expect((await post('app.info', '{}', { Authorization: `Bearer ${almost}` })).status).toBe(401);
    // The query string is for the event stream only.
    const viaQuery = await fetch(`${f.server.url}api/app.info?token=${f.server.token}`, {
      method: 'POST',
      body: '{}',
    });
    expect(viaQuery.status).toBe(401);
  });

  it('makes a fresh token per run', async () => {
    expect(f.server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startServer({ desk: f.desk, rendererDir: f.rendererDir });
    try {
      expect(other.token).not.toBe(f.server.token);
      expect(other.port).not.toBe(f.server.port);
    } finally {
      await other.close();
    }
  });

  it('returns an unknown method as an ApiReply error', async () => {
    const r = await post('story.burn', '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('returns invalid input as an ApiReply error', async () => {
    const r = await post('story.read', JSON.stringify({ input: { slug: '../../etc/passwd' } }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(f.api['story.read']({ slug: 'Not a slug' })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'invalid-input',
    });
  });

  it('answers 400 to a body that is not JSON, or not an object', async () => {
    expect((await post('app.info', '{"input":')).status).toBe(400);
    expect((await post('app.info', '[1]')).status).toBe(400);
    // An empty body is a call without input.
    expect(JSON.parse((await post('app.info', '')).text)).toMatchObject({ ok: true });
  });

  it('answers 405 to anything but POST', async () => {
    const r = await fetch(`${f.server.url}api/story.list`, {
      headers: { Authorization: `Bearer ${f.server.token}` },
    });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const declared = await raw({
      method: 'POST',
      path: '/api/story.import',
      headers: {
        Authorization: `Bearer ${f.server.token}`,
        'Content-Length': String(64 * 1024 * 1024 + 1),
      },
      body: '',
      endEarly: true,
    });
    expect(declared.status).toBe(413);

    const small = await startServer({
      desk: f.desk,
      rendererDir: f.rendererDir,
      maxBodyBytes: 1024,
    });
    try {
      // No Content-Length: the body streams in chunks until it passes the limit.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: small.port,
          method: 'POST',
          path: '/api/story.import',
          headers: { Authorization: `Bearer ${small.token}` },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        // The server may close before all chunks are written; the answer came first.
        req.on('error', (e) => reject(e));
        req.write('{"input":{"files":[{"name":"x.md","text":"');
        for (let i = 0; i < 4; i++) req.write('x'.repeat(500));
      });
      expect(status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('sends no CORS headers and refuses other origins', async () => {
    const r = await post('app.info', '{}', {
      Authorization: `Bearer ${f.server.token}`,
      Origin: 'http://evil.example',
    });
    expect(r.status).toBe(403);
    const ok = await post('app.info', '{}', {
      Authorization: `Bearer ${f.server.token}`,
      Origin: f.server.url.slice(0, -1),
    });
    expect(ok.status).toBe(200);
    expect([...ok.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });
});

// -- Raw HTTP, for what fetch will not send -------------------------------------

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  endEarly?: boolean;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: f.server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: !(options.headers && 'Host' in options.headers),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.endEarly) req.flushHeaders();
    else req.end(options.body);
  });
}

describe('the Host check (DNS rebinding)', () => {
  it('answers 403 to any other Host, on the page and the API alike', async () => {
    for (const host of ['evil.example', `evil.example:${f.server.port}`, '127.0.0.1:1', '']) {
      expect((await raw({ path: '/', headers: { Host: host } })).status, host).toBe(403);
      const api = await raw({
        method: 'POST',
        path: '/api/app.info',
        headers: { Host: host, Authorization: `Bearer ${f.server.token}` },
        body: '{}',
      });
      expect(api.status, host).toBe(403);
    }
  });

  it('serves 127.0.0.1:port and localhost:port', async () => {
    for (const host of [`127.0.0.1:${f.server.port}`, `localhost:${f.server.port}`]) {
      const r = await raw({ path: '/', headers: { Host: host } });
      expect(r.status, host).toBe(200);
    }
  });
});

describe('the renderer files', () => {
  it('serves index.html for / with the renderer CSP and nosniff', async () => {
    const r = await fetch(f.server.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(rendererCsp('header'));
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toBe(INDEX_HTML);
  });

  it('gives each file its content type; HEAD has no body', async () => {
    const js = await fetch(`${f.server.url}assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('console.log');
    const css = await fetch(`${f.server.url}assets/app.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await raw({ method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("app");\n'.length));
    expect(head.body).toBe('');
  });

  it('lists no directory and answers 404 to what is not there', async () => {
    for (const p of ['/assets', '/assets/', '/missing.html', '/api', '/.hidden'])
      expect((await raw({ path: p })).status, p).toBe(404);
  });

  it('reaches nothing outside its folder', async () => {
    symlinkSync(path.join(f.dir, 'secret.txt'), path.join(f.rendererDir, 'assets', 'link.txt'));
    const attempts = [
      '/../secret.txt',
      '/../../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2e%2e/package.json',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt',
      `/${encodeURIComponent(path.join(f.dir, 'secret.txt'))}`,
      '//etc/passwd',
      '/%00index.html',
      '/%E0%A4%A',
    ];
    for (const p of attempts) {
      const r = await raw({ path: p });
      expect(r.status, p).toBe(404);
      expect(r.body, p).not.toContain('not for the browser');
    }
  });

  it('answers 405 to a POST for a file', async () => {
    expect((await raw({ method: 'POST', path: '/index.html', body: '' })).status).toBe(405);
  });
});

// -- The event stream -------------------------------------------------------------

/** Opens /api/events and collects its `data:` lines as parsed JSON. */
function openEvents(query: string) {
  const events: unknown[] = [];
  let text = '';
  let ended = false;
  let status = 0;
  const ready = new Promise<void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: f.server.port, path: `/api/events${query}` },
      (res) => {
        status = res.statusCode!;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (let i; (i = text.indexOf('\n\n')) >= 0;) {
            const block = text.slice(0, i);
            text = text.slice(i + 2);
            for (const line of block.split('\n'))
              if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
          }
        });
        res.on('end', () => (ended = true));
        res.on('close', () => (ended = true));
        resolve();
      },
    );
    req.on('error', reject);
    req.end();
  });
  return {
    ready,
    events,
    get status() {
      return status;
    },
    get ended() {
      return ended;
    },
  };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the event stream', () => {
  it('needs the token', async () => {
    const stream = openEvents('');
    await stream.ready;
    expect(stream.status).toBe(401);
  });

  it('sends each DeskEvent as `data:` JSON, and ends when the server closes', async () => {
    const stream = openEvents(`?token=${encodeURIComponent(f.server.token)}`);
    await stream.ready;
    expect(stream.status).toBe(200);
    const { hash, text } = await f.api['story.read']({ slug: REFERENCE });
    const saved = await f.api['story.save']({
      slug: REFERENCE,
      text: text + '\n',
      baseHash: hash,
    });
    expect(saved.ok).toBe(true);
    await until(() => stream.events.length > 0);
    expect(stream.events).toContainEqual({
      type: 'story.changed',
      slug: REFERENCE,
      change: 'changed',
      hash: saved.ok ? saved.hash : '',
      external: false,
    });

    // A story changed by another program reaches the page too (the watcher).
    writeFileSync(path.join(f.deskDir, 'stories', 'from-an-editor.md'), '# From an editor\n');
    await until(() =>
      stream.events.some((e) => (e as { slug?: string }).slug === 'from-an-editor'),
    );
    expect(stream.events).toContainEqual(
      expect.objectContaining({ slug: 'from-an-editor', change: 'added', external: true }),
    );

    await f.server.close();
    await until(() => stream.ended);
  });

  it('sends a heartbeat comment and forgets a client that leaves', async () => {
    const quick = await startServer({ desk: f.desk, rendererDir: f.rendererDir, heartbeatMs: 50 });
    try {
      const chunks: string[] = [];
      const req = request({
        host: '127.0.0.1',
        port: quick.port,
        path: '/api/events',
        headers: { Authorization: `Bearer ${quick.token}` },
      });
      await new Promise<void>((resolve, reject) => {
        req.on('response', (res) => {
          res.setEncoding('utf8');
          res.on('data', (c: string) => chunks.push(c));
          resolve();
        });
        req.on('error', reject);
        req.end();
      });
      await until(() => chunks.join('').includes(': heartbeat\n\n'));
      req.destroy();
      // The listener is gone: emitting now reaches no one and throws nothing.
      await new Promise((r) => setTimeout(r, 100));
      f.desk.events.emit({ type: 'conflict', slug: REFERENCE });
    } finally {
      await quick.close();
    }
  });
});

describe('startServer', () => {
  it('listens on 127.0.0.1 only and reports a port in use', async () => {
    expect(f.server.url).toBe(`http://127.0.0.1:${f.server.port}/`);
    expect(f.server.pageUrl).toBe(`${f.server.url}?token=${f.server.token}`);
    await expect(
      startServer({ desk: f.desk, rendererDir: f.rendererDir, port: f.server.port }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('closes twice without complaint', async () => {
    await f.server.close();
    await f.server.close();
    await expect(fetch(f.server.url)).rejects.toThrow();
  });
});

// -- desk serve, the command ------------------------------------------------------

const DESK_BIN = path.join(ROOT, 'bin', 'desk.mjs');

function spawnServe(args: string[]) {
  const child = spawn(process.execPath, [DESK_BIN, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('close', () => reject(new Error(`desk serve exited: ${stderr}`)));
  });
  // Not every test reads the line; an exit before it is then no failure of its own.
  firstLine.catch(() => {});
  return {
    child,
    exited,
    firstLine,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

describe('desk serve', () => {
  it('prints one line with the address and token, serves, and exits 0 on SIGTERM', async () => {
    const run = spawnServe([
      '--repo',
      f.deskDir,
      '--port',
      '0',
      '--no-open',
      '--renderer',
      f.rendererDir,
    ]);
    const line = await run.firstLine;
    const match =
      /^StoryDesk is serving desk at (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=([\w-]+)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, base, port, token] = match!;
    expect(Number(port)).toBeGreaterThan(0);
    const api = createApiClient(createHttpInvoke({ baseUrl: base!, token: token! }, fetch));
    expect(await api['app.info']()).toMatchObject({ name: 'StoryDesk', transport: 'http' });
    expect((await api['desk.info']()).root).toBe(f.deskDir);
    expect(await (await fetch(base!)).text()).toBe(INDEX_HTML);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout).toBe(line + '\n');
  });

  it('started again on the same desk and --port, it is the same address: the token is the desk’s', async () => {
    const args = ['--repo', f.deskDir, '--no-open', '--renderer', f.rendererDir];
    const first = spawnServe([...args, '--port', '0']);
    const line = await first.firstLine;
    const [, port, token] = /:(\d+)\/\?token=([\w-]+)$/.exec(line)!;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const tokenFile = path.join(f.deskDir, '.desk', 'cache', 'serve-token');
    expect(readFileSync(tokenFile, 'utf8')).toBe(`${token}\n`);
    if (process.platform !== 'win32') expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

    const again = spawnServe([...args, '--port', port!]);
    expect(await again.firstLine).toBe(line);
    const api = createApiClient(
      createHttpInvoke({ baseUrl: `http://127.0.0.1:${port}/`, token: token! }, fetch),
    );
    expect((await api['desk.info']()).root).toBe(f.deskDir);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('says in one line that the port is in use, and exits 2', async () => {
    const blocker: NetServer = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = spawnServe([
        '--repo',
        f.deskDir,
        '--port',
        String(port),
        '--no-open',
        '--renderer',
        f.rendererDir,
      ]);
      expect(await run.exited).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([
        `desk serve: port ${port} is in use; choose another with --port N, or --port 0 for any free port`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it('refuses a folder that is not a desk, and a bad port, with exit 2', async () => {
    const notADesk = mkdtempSync(path.join(tmpdir(), 'not-a-desk-'));
    const a = spawnServe(['--repo', notADesk, '--no-open', '--renderer', f.rendererDir]);
    expect(await a.exited).toBe(2);
    expect(a.stderr).toMatch(/^desk serve: .*not a desk/);
    const b = spawnServe(['--repo', f.deskDir, '--port', 'eighty', '--no-open']);
    expect(await b.exited).toBe(2);
    expect(b.stderr).toMatch(/--port must be a number/);
    expect(existsSync(path.join(notADesk, '.desk'))).toBe(false);
  });
});
