import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Where the window's page comes from, and the one test of "is this URL the
// app's own page" that navigation guards and the IPC sender check share.

export type RendererLocation =
  | { readonly kind: 'file'; readonly file: string; readonly url: string }
  | { readonly kind: 'dev-server'; readonly url: string };

/**
 * The built page beside the built main script, or electron-vite's dev server.
 * The dev server is honoured only in an unpackaged app: a packaged one must
 * never let an environment variable point its privileged window elsewhere.
 */
export function rendererLocation(options: {
  mainDir: string;
  devServerUrl: string | undefined;
  allowDevServer: boolean;
}): RendererLocation {
  if (options.allowDevServer && options.devServerUrl) {
    return { kind: 'dev-server', url: new URL(options.devServerUrl).href };
  }
  const file = path.join(options.mainDir, '..', 'renderer', 'index.html');
  return { kind: 'file', file, url: pathToFileURL(file).href };
}

/** Same page (ignoring query and fragment) for a file; same origin for the dev server. */
export function isAppUrl(location: RendererLocation, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const own = new URL(location.url);
  if (location.kind === 'dev-server') return url.origin === own.origin;
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}
