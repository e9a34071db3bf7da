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
  const [wb] = useState(() => new Workbench(api, events));
  useEffect(() => commands.register(createCommands(wb)), [wb]);
  // The Electron application menu sends command ids; a browser has no menu.
  useEffect(() => window.storydesk?.onCommand?.((id) => void commands.runFromMenu(id)), []);
  // Started once for the page's life (StrictMode's second mount finds it started).
  useEffect(() => void wb.start(), [wb]);
  return (
    <WorkbenchContext.Provider value={wb}>
      <Shell />
    </WorkbenchContext.Provider>
  );
}
