import { ApiError } from '../../shared/api';

// An error from the API as a desk editor should read it: the repository's
// own sentence without the method name in front, and the transport's
// failures in words instead of codes.

export function plainError(error: unknown): string {
  if (error instanceof ApiError) {
    const message =
      error.method && error.message.startsWith(`${error.method}: `)
        ? error.message.slice(error.method.length + 2)
        : error.message;
    switch (error.code) {
      case 'failed':
        return message;
      case 'invalid-input': {
        const first = message.split('\n').find((l) => l.trim()) ?? message;
        return `StoryDesk did not accept that: ${first.replace(/^✖\s*/, '')}`;
      }
      case 'forbidden':
        return 'This window is not allowed to change the desk.';
      case 'unknown-method':
      case 'invalid-output':
        return `StoryDesk could not do that (${message}). Restarting the app may help.`;
    }
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
