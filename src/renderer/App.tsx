import type { ReactNode } from 'react';
import type { Api } from '../shared/api';
import type { DeskEventsConnection } from './api';
import { WorkbenchApp } from './workbench';

// The page: the workbench on whatever transport found its wire, or a plain
// notice when the page was opened with none. It takes the `Api` as a prop,
// so the same page runs over any transport.

export function App({ api, events }: { api: Api | null; events: DeskEventsConnection | null }) {
  if (!api) {
    return (
      <main className="notice-page">
        <Notice title="No desk to show">
          This page reaches a desk through the StoryDesk app, or through <code>desk serve</code> in
          a browser; it was opened with neither. Open the address that <code>desk serve</code>{' '}
          printed, token included.
        </Notice>
      </main>
    );
  }
  return <WorkbenchApp api={api} events={events} />;
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="notice" role="alert">
      <h1>{title}</h1>
      <p>{children}</p>
    </section>
  );
}
