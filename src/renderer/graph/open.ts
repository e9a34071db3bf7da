import { store } from '../workbench/store';

// The desk's graph takes the editor's place and the side panel's room: it is
// wide by nature. Closing it gives the side panel back as it was.

let sidePanelWasOpen = false;
let pendingFocus: string | null = null;

/** Shows the desk's graph; with `focus`, centred on that node with its panel open. */
export function openGraph(focus?: string): void {
  const s = store.get();
  pendingFocus = focus ?? null;
  if (s.graphOpen) return;
  sidePanelWasOpen = !s.layout.rightCollapsed;
  store.set({ graphOpen: true });
  if (sidePanelWasOpen) store.setLayout({ rightCollapsed: true });
}

export function closeGraph(): void {
  if (!store.get().graphOpen) return;
  store.set({ graphOpen: false });
  if (sidePanelWasOpen) store.setLayout({ rightCollapsed: false });
  sidePanelWasOpen = false;
}

export function toggleGraph(): void {
  if (store.get().graphOpen) closeGraph();
  else openGraph();
}

/** The node the graph was opened for, once (GraphMain takes it when its data is there). */
export function takePendingFocus(): string | null {
  const id = pendingFocus;
  pendingFocus = null;
  return id;
}
