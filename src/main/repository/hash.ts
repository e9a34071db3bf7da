import { createHash } from 'node:crypto';

/** The content hash a save carries: what the editor last read. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
