import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

// Views the first screen does not show (the Graph, the form panels, the
// conflict view) are separate chunks, loaded when first shown: the page that
// opens the story parses and runs less before it is editable. While a chunk
// loads (a few ms from disk or 127.0.0.1) the view's room holds a quiet
// placeholder of the same size; a chunk that cannot be fetched (the server
// gone) says so and offers to reload the page: a chunk that failed is not
// fetched again within the page (trying again failed the same way), and
// unsaved text survives a reload (the draft journal, the browser's queue).

export function lazyView<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
): (props: P) => ReactNode {
  const Lazy = lazy(() => load().then((View) => ({ default: View })));
  function View(props: P) {
    return (
      <LoadFailure name={name}>
        <Suspense fallback={<div className="lazy-placeholder" aria-busy="true" />}>
          <Lazy {...props} />
        </Suspense>
      </LoadFailure>
    );
  }
  return View;
}

class LoadFailure extends Component<
  { name: string; children: ReactNode },
  { error: string | null }
> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="lazy-failure" role="alert">
        <p title={this.state.error}>
          The {this.props.name} could not be loaded: its code did not arrive. Is the StoryDesk
          server still running? Once it is, reload the page: unsaved text is kept and offered back.
        </p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
