import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererCsp } from './src/shared/csp';

// Three builds: main and preload as CommonJS for Node (the package has no
// "type": "module", and a sandboxed preload cannot be ESM), the renderer as a
// static page. Paths are spelled out rather than left to electron-vite's
// defaults because main lives in src/main/electron, beside the CLI and serve.

const root = import.meta.dirname;

export default defineConfig(({ command }) => ({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'src/main/electron/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'src/preload/index.ts') },
      // A sandboxed preload can require only 'electron' and a few built-ins,
      // so its dependencies (zod, via api.ts) are bundled in, not required.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: command === 'build',
      // The page is read from disk (or from 127.0.0.1 under `desk serve`), so
      // chunks cost no round trips worth the name: what the first screen does
      // not show (Graph, form panels, conflict view) is imported lazily and
      // the page parses less before the story is editable (workbench/lazy-view.tsx).
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
    plugins: [react(), cspMeta(command === 'serve')],
  },
}));

/**
 * Keeps index.html's CSP <meta> equal to the policy the main process sends as
 * a header: the build fails when they drift. Under the dev server only, the
 * <meta> is swapped for the dev policy, which Vite's injected preamble needs.
 */
function cspMeta(dev: boolean): Plugin {
  const pattern = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;
  return {
    name: 'storydesk:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const match = pattern.exec(html);
        const expected = rendererCsp('meta');
        if (!match || match[1] !== expected) {
          throw new Error(
            `src/renderer/index.html must carry <meta http-equiv="Content-Security-Policy" content="${expected}">` +
              ' (from src/shared/csp.ts).',
          );
        }
        if (!dev) return html;
        return html.replace(
          match[0],
          `<meta http-equiv="Content-Security-Policy" content="${rendererCsp('meta', { dev: true })}" />`,
        );
      },
    },
  };
}
