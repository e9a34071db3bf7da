import type { Session, WebContents } from 'electron';

// Electron's security checklist, applied to every web contents the app ever
// creates (not just the main window), so a future window cannot forget it.

/** Navigation and new windows stay on the app's own page; no <webview>. */
export function guardWebContents(contents: WebContents, isOwnPage: (url: string) => boolean): void {
  // A story's links are untrusted: a click must not turn the privileged
  // window into a browser, nor open one.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * No permission is ever granted (camera, notifications, geolocation, ...):
 * nothing in StoryDesk needs one, so any request is a page misbehaving. The
 * CSP header goes on every response, replacing whatever a server sent.
 */
export function hardenSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    responseHeaders['Content-Security-Policy'] = [contentSecurityPolicy];
    callback({ responseHeaders });
  });
}
