import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { findChromium } from '../../scripts/chromium.mjs';
import { readGraphView } from '../../src/main/repository/graph';
import { rendererCsp } from '../../src/shared/csp';
import { buildGraph } from '../../src/shared/graph';
import { generateDesk } from './desk-generator';
import { CHROMIUM_ARGS } from '../e2e/support/chromium';
import { canvasGraph } from './graph-view-data';

// The Graph view's canvas in the tests' headless Chromium, whose WebGL is
// software (SwiftShader), with the tests' CHROMIUM_ARGS (--disable-gpu among
// them; WebGL 2 still runs on SwiftShader). A bench page
// (tests/bench/graph-view-page) mounts the app's GraphCanvas, built by Vite
// and minified as the renderer is, served with the renderer's CSP, at
// 1280 × 800. For 5,000 nodes / 50,000 edges and 2,000 / 20,000:
//   FirstFrameMs     new canvas, setData with no positions, to the first frame
//   LayoutSettleMs   from the same start until ForceAtlas2 (worker) settles
//   LayoutMaxGapMs   longest gap between animation frames meanwhile
//   LayoutLongestTaskMs  longest main-thread task meanwhile (longtask)
//   PanFps           frames with the view moved / s, over a scripted 5 s of
//                    mouse drag and wheel zoom (real input events, via CDP)
//   ReopenMs         destroy, new canvas with the cached positions, first frame
//   RedrawMs         one full crisp redraw (fit), to the frame

const HERE = dirname(fileURLToPath(import.meta.url));
const PAGE_DIR = join(HERE, 'graph-view-page');
const VIEWPORT = { width: 1280, height: 800 };
const PAN_MS = 5000;

export async function benchGraphView(
  options: { stories: number } = { stories: 10_000 },
): Promise<Record<string, number>> {
  const log = (m: string) => console.error(`  graph-view: ${m}`);
  log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const build = process.env.GRAPH_BENCH_SKIP_BUILD
    ? {}
    : await benchGraphBuild(options.stories, log);
  return { ...build, ...(await benchCanvas(log)) };
}

/**
 * The graph of a generated desk (tests/bench/desk-generator.ts) of `stories`
 * stories, read from its index as graph.get does (readGraphView of
 * src/main/repository/graph.ts), median of RUNS, with its parts: reading the
 * summaries and the registry from the index, and buildGraph alone.
 */
export async function benchGraphBuild(
  stories: number,
  log: (m: string) => void,
): Promise<Record<string, number>> {
  const RUNS = 5;
  const root = mkdtempSync(join(tmpdir(), 'storydesk-graph-build-'));
  try {
    let t0 = performance.now();
    const deskDir = join(root, 'desk');
    generateDesk(deskDir, stories, 20260605);
    log(`generated a desk of ${stories} stories in ${ms(performance.now() - t0)} ms`);
    const { Desk } = await import('../../src/main/repository/desk');
    t0 = performance.now();
    const desk = Desk.open(deskDir);
    await desk.whenIndexed();
    await desk.whenSettled();
    log(`opened and indexed it in ${ms(performance.now() - t0)} ms`);
    const view: number[] = [];
    const read: number[] = [];
    const built: number[] = [];
    let nodes = 0;
    let edges = 0;
    for (let run = 0; run < RUNS; run++) {
      t0 = performance.now();
      // What graph.get reads: the index's lean graph projection and the registry.
      const reply = readGraphView(desk.graphSource(), {});
      view.push(performance.now() - t0);
      nodes = reply.nodes.length;
      edges = reply.edges.source.length;
      t0 = performance.now();
      const source = desk.graphSource();
      const stories = source.listStories();
      const entities = source.listEntities();
      const t1 = performance.now();
      buildGraph(stories, entities);
      read.push(t1 - t0);
      built.push(performance.now() - t1);
    }
    desk.close();
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
    log(`graph of ${nodes} nodes, ${edges} edges`);
    return {
      graphBuildMs: ms(median(view)),
      graphIndexReadMs: ms(median(read)),
      graphBuildOnlyMs: ms(median(built)),
      graphBuildNodes: nodes,
      graphBuildEdges: edges,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function benchCanvas(log: (m: string) => void): Promise<Record<string, number>> {
  const outDir = join(tmpdir(), `storydesk-graph-bench-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root: PAGE_DIR,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      chunkSizeWarningLimit: 1024,
      modulePreload: { polyfill: false },
    },
  });
  const sizes = [
    { prefix: 'graph', nodes: 5000, edges: 50_000 },
    { prefix: 'graphSmall', nodes: 2000, edges: 20_000 },
  ];
  for (const size of sizes) {
    const t0 = performance.now();
    writeFileSync(
      join(outDir, `${size.prefix}.json`),
      JSON.stringify(canvasGraph(size.nodes, size.edges)),
    );
    log(`generated ${size.nodes} / ${size.edges} in ${Math.round(performance.now() - t0)} ms`);
  }
  const server = await serve(outDir);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (see scripts/chromium.mjs)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const result: Record<string, number> = {};
  try {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: VIEWPORT });
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && log(`console: ${m.text()}`));
      await page.goto(`${server.url}/index.html`);
      Object.assign(result, await measure(page, size.prefix, log));
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.server.close(r));
    rmSync(outDir, { recursive: true, force: true });
  }
  return result;
}

async function measure(
  page: Page,
  prefix: string,
  log: (m: string) => void,
): Promise<Record<string, number>> {
  type Bench = {
    load(url: string): Promise<{ nodes: number; edges: number }>;
    idleGaps(ms: string): Promise<{ maxGapMs: number; longestTaskMs: number; frames: number }>;
    open(): Promise<number>;
    complete(): Promise<number>;
    settle(): Promise<{
      settleMs: number;
      completeMs: number;
      maxGapMs: number;
      longestTaskMs: number;
      frames: number;
    }>;
    reopen(): Promise<number>;
    redraw(): Promise<number>;
    startCounting(): void;
    panInPage(ms: string): Promise<void>;
    sigma(ms: string): Promise<{
      firstFrameMs: number;
      renders: number;
      moved: number;
      maxGapMs: number;
      ms: number;
    }>;
    stopCounting(): { moved: number; frames: number; maxGapMs: number; ms: number };
  };
  const call = <K extends keyof Bench>(name: K, arg = '') =>
    page.evaluate(
      ([method, a]) =>
        (window as unknown as { graphBench: Record<string, (a: string) => unknown> }).graphBench[
          method
        ]!(a),
      [name, arg] as const,
    ) as Promise<Awaited<ReturnType<Bench[K]>>>;
  const loaded = await call('load', `./${prefix}.json`);
  log(`${prefix}: ${loaded.nodes} nodes, ${loaded.edges} edges`);
  const firstFrame = await call('open');
  const layout = await call('settle');
  log(`${prefix}: first frame ${ms(firstFrame)} ms, layout ${JSON.stringify(layout)}`);
  const redraw = await call('redraw');
  const pan = await panAndZoom(
    page,
    () => call('startCounting'),
    () => call('stopCounting'),
  );
  log(`${prefix}: pan ${JSON.stringify(pan)}`);
  await call('startCounting');
  await call('panInPage', String(PAN_MS));
  const scripted = await call('stopCounting');
  log(`${prefix}: pan scripted in the page ${JSON.stringify(scripted)}`);
  const reopen = await call('reopen');
  const reopenComplete = await call('complete');
  log(`${prefix}: reopen ${ms(reopen)} ms, complete picture ${ms(reopenComplete)} ms`);
  const sigma = await call('sigma', String(PAN_MS));
  log(`${prefix}: sigma 3.0.3 baseline ${JSON.stringify(sigma)}`);
  const idle = await call('idleGaps', String(PAN_MS));
  log(`${prefix}: idle page ${JSON.stringify(idle)}`);
  return {
    [`${prefix}FirstFrameMs`]: ms(firstFrame),
    [`${prefix}FirstCompleteMs`]: ms(layout.completeMs),
    [`${prefix}LayoutSettleMs`]: ms(layout.settleMs),
    [`${prefix}LayoutMaxGapMs`]: ms(layout.maxGapMs),
    [`${prefix}LayoutLongestTaskMs`]: ms(layout.longestTaskMs),
    [`${prefix}PanFps`]: fps(scripted.moved, scripted.ms),
    [`${prefix}PanAllFps`]: fps(scripted.frames, scripted.ms),
    [`${prefix}PanMaxGapMs`]: ms(scripted.maxGapMs),
    [`${prefix}PanCdpFps`]: fps(pan.moved, pan.ms),
    [`${prefix}PanCdpAllFps`]: fps(pan.frames, pan.ms),
    [`${prefix}ReopenMs`]: ms(reopen),
    [`${prefix}ReopenCompleteMs`]: ms(reopenComplete),
    [`${prefix}RedrawMs`]: ms(redraw),
    [`${prefix}SigmaFirstFrameMs`]: ms(sigma.firstFrameMs),
    [`${prefix}SigmaPanFps`]: fps(sigma.moved, sigma.ms),
    [`${prefix}SigmaPanMaxGapMs`]: ms(sigma.maxGapMs),
    [`${prefix}IdleMaxGapMs`]: ms(idle.maxGapMs),
    [`${prefix}IdleLongestTaskMs`]: ms(idle.longestTaskMs),
  };
}

/** 2.5 s of dragging in circles, then 2.5 s of wheel zoom in and out, at the viewport's centre. */
async function panAndZoom(
  page: Page,
  start: () => Promise<unknown>,
  stop: () => Promise<{ moved: number; frames: number; maxGapMs: number; ms: number }>,
) {
  const cx = VIEWPORT.width / 2;
  const cy = VIEWPORT.height / 2;
  await page.mouse.move(cx, cy);
  await start();
  const t0 = Date.now();
  await page.mouse.down();
  let k = 0;
  while (Date.now() - t0 < PAN_MS / 2) {
    k++;
    await page.mouse.move(cx + 150 * Math.sin(k / 15), cy + 100 * Math.sin(k / 10));
  }
  await page.mouse.up();
  k = 0;
  while (Date.now() - t0 < PAN_MS) {
    k++;
    await page.mouse.wheel(0, Math.floor(k / 25) % 2 ? 40 : -40);
  }
  return stop();
}

async function serve(root: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
  };
  const csp = rendererCsp('header');
  const server = createServer((req, res) => {
    const path = resolve(
      root,
      `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`,
    );
    if (!path.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': csp,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}` };
}

const ms = (v: number) => Math.round(v);
const fps = (frames: number, ms: number) => Math.round((frames / ms) * 10_000) / 10;

if (process.argv[1]?.endsWith('graph-view.ts')) {
  mkdirSync(tmpdir(), { recursive: true });
  benchGraphView().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
