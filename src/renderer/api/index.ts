import type { Api } from '../../shared/api';
import { electronApi } from './electron';

// The page never knows which wire carries its calls: it asks for an `Api` and
// gets the first transport that finds its wire in this page.
//
// Each transport answers null when its wire is absent. In a plain browser the
// page will talk to `desk serve` over HTTP: its transport (`createHttpApi`)
// joins this list, after Electron's bridge, and nothing else changes.
const transports: ReadonlyArray<() => Api | null> = [electronApi];

/** The API behind this page, or null when it was opened without any. */
export function connectApi(): Api | null {
  for (const connect of transports) {
    const api = connect();
    if (api) return api;
  }
  return null;
}
