import type { DeskEvent } from '../../shared/api';

// What the page hears from the repository, whichever transport carries it:
// the desk's events, and whether the wire is up so the status bar can say so.

/**
 * `connected`: events arrive as they happen. `reconnecting`: the wire dropped
 * (or is not up yet) and is being retried. `offline`: retries keep failing;
 * the transport goes on trying, more slowly. `refused`: a server answers at
 * this address but not to this page (it was started with another token):
 * only the address it printed, opened again, reaches it.
 *
 * Events that happen while not `connected` are lost: a view that shows desk
 * state should read it again when the state comes back to `connected`.
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface DeskEventsConnection {
  /** Listen to every DeskEvent; returns the function that stops listening. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
  state(): ConnectionState;
  /** Called with each new state; returns the function that stops listening. */
  onState(listener: (state: ConnectionState) => void): () => void;
}
