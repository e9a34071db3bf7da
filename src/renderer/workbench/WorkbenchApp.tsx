import { useEffect, useState } from 'react';
import type { Api } from '../../shared/api';
import type { DeskEventsConnection } from '../api';
import { commands } from './commands';
import { createCommands } from './command-list';
import { Shell } from './Shell';
import { WorkbenchContext } from './ui';
import { Workbench } from './workbench';

/** Starts the workbench on an Api (and its events, when the transport has them). */
export function WorkbenchApp({ api, events }: { api: Api; events: DeskEventsConnection | null }) {
  const [wb] = useState(() => workbenchFor(api, events));
  useEffect(() => commands.register(createCommands(wb)), [wb]);
  // The Electron application menu sends command ids; a browser has no menu.
  useEffect(() => window.storydesk?.onCommand?.((id) => void commands.runFromMenu(id)), []);
  return (
    <WorkbenchContext.Provider value={wb}>
      <Shell />
    </WorkbenchContext.Provider>
  );
}

const workbenches = new WeakMap<Api, Workbench>();

/**
 * One Workbench per Api for the page's life, started when first asked for: its first
 * requests (desk, story list, the sample story) go out while React renders the first
 * frame, not after it is painted (an effect would wait for that). start() does nothing
 * but send them before its first await, so calling it from a render is safe, and
 * StrictMode's second call finds the same Workbench.
 */
function workbenchFor(api: Api, events: DeskEventsConnection | null): Workbench {
  let wb = workbenches.get(api);
  if (!wb) {
    wb = new Workbench(api, events);
    workbenches.set(api, wb);
    void wb.start();
  }
  return wb;
}
