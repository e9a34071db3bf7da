import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from './security';

// The built renderer (out/renderer), file by file. Nothing outside that
// folder can be reached: the request path is decoded, resolved against the
// folder and then checked, after symlinks, to still be inside it. No
// directory is ever listed; `/` is index.html.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export class StaticFiles {
  private rootReal: Promise<string> | null = null;

  constructor(private readonly root: string) {}

  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Only GET and HEAD here.');
      return;
    }
    const file = await this.resolve(pathname);
    if (!file) {
      sendText(res, 404, 'Not found.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentType(file.path),
      'Content-Length': file.size,
      // Served from this machine: always ask, and let the browser revalidate cheaply.
      'Cache-Control': 'no-cache',
      'Last-Modified': file.mtime.toUTCString(),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file.path);
    stream.once('error', () => res.destroy());
    stream.pipe(res);
  }

  /** The file a URL path names, or null: outside the root, hidden, missing or not a file. */
  private async resolve(
    pathname: string,
  ): Promise<{ path: string; size: number; mtime: Date } | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    if (decoded === '/' || decoded === '') decoded = '/index.html';
    // A dot-file or dot-folder (.git, .env, `..` once resolved) is never the renderer's.
    if (decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
    const root = await this.realRoot();
    if (!root) return null;
    const candidate = path.resolve(root, '.' + decoded);
    if (!isInside(root, candidate)) return null;
    try {
      const real = await realpath(candidate);
      if (!isInside(root, real)) return null;
      const info = await stat(real);
      return info.isFile() ? { path: real, size: info.size, mtime: info.mtime } : null;
    } catch {
      return null;
    }
  }

  private realRoot(): Promise<string | null> {
    // Resolved on first use and again after a failure, so a renderer built
    // after the server started is found.
    this.rootReal ??= realpath(this.root);
    return this.rootReal.catch(() => {
      this.rootReal = null;
      return null;
    });
  }
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
