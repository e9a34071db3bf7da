import { createApiClient, type Api, type ApiBridge } from '../../shared/api';
import type { DeskEventsConnection } from './events';

// The Electron transport, renderer end: the preload's bridge already speaks
// api.ts's raw invoke, so the shared client is all it takes.

declare global {
  interface Window {
    /** Present only in the Electron app; see src/preload/index.ts. */
    readonly storydesk?: ApiBridge;
  }
}

export function electronApi(): Api | null {
  const bridge = window.storydesk;
  return bridge ? createApiClient((method, input) => bridge.invoke(method, input)) : null;
}

/** In the app, events come over IPC from the same process that owns the desk: always connected. */
export function electronEvents(): DeskEventsConnection | null {
  const bridge = window.storydesk;
  if (!bridge) return null;
  return {
    subscribe: (listener) => bridge.onEvent(listener),
    state: () => 'connected',
    onState: () => () => undefined,
  };
}
