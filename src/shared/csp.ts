// The renderer's Content-Security-Policy, in one place, for every shell that
// shows the renderer. The Electron app delivers it twice: as a response
// header by the session (covers every HTTP response, including the dev
// server's) and as a <meta> in index.html (covers file:// loads, which carry
// no headers); `desk serve` sends it as a header on every response.
// electron.vite.config.ts fails the build when the <meta> differs from
// `rendererCsp('meta')`.
//
// No 'unsafe-inline' anywhere: React sets styles through the CSSOM, which CSP
// does not govern, and the stylesheets are files. Story previews are
// sanitized HTML and so can neither run script nor fetch anything but the
// app's own files.
//
// Kept free of imports so the build config can load it too.

const production: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['form-action', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * `delivery: 'meta'` leaves out `frame-ancestors`: browsers ignore it in a
 * <meta> and log a warning each load.
 *
 * `dev: true` is for `electron-vite dev` only: Vite's dev server injects an
 * inline React Refresh preamble and <style> tags and talks to the page over a
 * WebSocket. A production build never receives it.
 */
export function rendererCsp(delivery: 'header' | 'meta', options: { dev?: boolean } = {}): string {
  return production
    .filter(([name]) => !(delivery === 'meta' && name === 'frame-ancestors'))
    .map(([name, ...values]) => {
      if (options.dev) {
        if (name === 'script-src' || name === 'style-src') values = [...values, "'unsafe-inline'"];
        if (name === 'connect-src') values = [...values, 'ws:'];
      }
      return [name, ...values].join(' ');
    })
    .join('; ');
}
