import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type ApiHandlers, type ApiReply } from '../../shared/api';
import { sendText } from './security';

// POST /api/{method} with `{ "input": … }`: the body goes to api.ts's
// `dispatch` and its ApiReply comes back as JSON with status 200, whatever
// the reply says. HTTP statuses are kept for what never reached `dispatch`: a
// body that is too large (413) or not JSON (400).

/** Larger than any import a person makes at once (10,000 files is the schema's limit). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

class BodyTooLarge extends Error {}

export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  handlers: ApiHandlers,
  maxBodyBytes: number,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendText(res, 405, 'API methods are called with POST.');
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // The rest of the body is not read: close the connection once this is sent.
      res.setHeader('Connection', 'close');
      sendText(res, 413, `A call's body may be at most ${maxBodyBytes} bytes.`);
      res.once('finish', () => req.destroy());
      return;
    }
    throw error;
  }
  let input: unknown;
  try {
    input = parseCall(body);
  } catch (error) {
    sendText(res, 400, (error as Error).message);
    return;
  }
  const reply: ApiReply = await dispatch(handlers, method, input);
  const json = Buffer.from(JSON.stringify(reply), 'utf8');
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': json.length,
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

/** The call's input from its body: `{ "input": … }`, `{}` or nothing for a method without one. */
function parseCall(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  let call: unknown;
  try {
    call = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new Error('The body is not JSON: send { "input": … } as UTF-8 JSON.');
  }
  if (typeof call !== 'object' || call === null || Array.isArray(call))
    throw new Error('The body must be a JSON object: { "input": … }.');
  return (call as { input?: unknown }).input;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    // After 'end' this changes nothing; before it, the client went away mid-request.
    req.once('close', () => reject(new Error('The client went away mid-request.')));
  });
}
