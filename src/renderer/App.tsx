import { useEffect, useState, type ReactNode } from 'react';
import type { Api, AppInfo, SampleStory } from '../shared/api';
import { StoryPreview } from './StoryPreview';

// The shell's page: asks the API for the sample story and previews it. It
// takes the `Api` as a prop, so the same page runs over any transport and in
// tests without one.

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly info: AppInfo; readonly sample: SampleStory };

export function App({ api }: { api: Api | null }) {
  if (!api) {
    return (
      <Shell>
        <Notice title="No desk to show">
          This page reaches a desk through the StoryDesk app, or through <code>desk serve</code> in
          a browser; it was opened with neither.
        </Notice>
      </Shell>
    );
  }
  return <SampleDesk api={api} />;
}

function SampleDesk({ api }: { api: Api }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    // StrictMode runs effects twice and a reply may outlive the page's
    // interest in it: only the live request may set state.
    let live = true;
    const settle = (next: Load) => {
      if (live) setLoad(next);
    };
    Promise.all([api['app.info'](), api['story.sample']()]).then(
      ([info, sample]) => settle({ status: 'ready', info, sample }),
      (error: unknown) =>
        settle({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  switch (load.status) {
    case 'loading':
      return (
        <Shell>
          <p className="notice" role="status">
            Opening the sample story…
          </p>
        </Shell>
      );
    case 'failed':
      return (
        <Shell>
          <Notice title="The sample story could not be opened">{load.message}</Notice>
        </Shell>
      );
    case 'ready':
      return (
        <Shell info={load.info} path={load.sample.path}>
          <StoryPreview text={load.sample.text} />
        </Shell>
      );
  }
}

function Shell({ info, path, children }: { info?: AppInfo; path?: string; children: ReactNode }) {
  return (
    <div className="shell">
      <header className="shell-bar">
        <span className="shell-brand">StoryDesk</span>
        {path && <span className="shell-path">{path}</span>}
        {info && (
          <span className="shell-about">
            {info.version} · {info.transport}
          </span>
        )}
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="notice" role="alert">
      <h2>{title}</h2>
      <p>{children}</p>
    </section>
  );
}
