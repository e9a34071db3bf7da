import { createApiClient, type Api, type ApiBridge } from '../../shared/api';

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
