import type { DeskEvent } from '../../shared/api-events';

// The repository's one event stream. Transports subscribe and forward; a
// listener that throws is isolated so it cannot break a save.

export type DeskListener = (event: DeskEvent) => void;

export class DeskEvents {
  private readonly listeners = new Set<DeskListener>();

  subscribe(listener: DeskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DeskEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('A desk event listener failed:', e);
      }
    }
  }
}
