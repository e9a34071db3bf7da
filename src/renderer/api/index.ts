import type { Api } from '../../shared/api';
import { electronApi, electronEvents } from './electron';
import type { DeskEventsConnection } from './events';
import { httpApi, httpEvents } from './http';

export type { ConnectionState, DeskEventsConnection } from './events';

// The page never knows which wire carries its calls: it asks for an `Api` and
// gets the first transport that finds its wire in this page: Electron's
// bridge, then `desk serve`'s HTTP. Each transport answers null when its wire
// is absent.
const transports: ReadonlyArray<() => Api | null> = [electronApi, httpApi];

/** The API behind this page, or null when it was opened without any. */
export function connectApi(): Api | null {
  for (const connect of transports) {
    const api = connect();
    if (api) return api;
  }
  return null;
}

const eventTransports: ReadonlyArray<() => DeskEventsConnection | null> = [
  electronEvents,
  httpEvents,
];

/**
 * The desk's events and the state of the wire that carries them, or null
 * when this page has no wire for events. One connection per page: every call
 * returns the same object.
 */
export function connectEvents(): DeskEventsConnection | null {
  for (const connect of eventTransports) {
    const events = connect();
    if (events) return events;
  }
  return null;
}
