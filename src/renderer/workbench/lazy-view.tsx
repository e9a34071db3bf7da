import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

// Views the first screen does not show (the Graph, the form panels, the
// conflict view) are separate chunks, loaded when first shown: the page that
// opens the story parses and runs less before it is editable. While a chunk
// loads (a few ms from disk or 127.0.0.1) the view's room holds a quiet
// placeholder of the same size; a chunk that cannot be fetched (the server
// gone) says so and offers to try again, and nothing else is lost.

export function lazyView<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
): (props: P) => ReactNode {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const once = () => {
    loading ??= load().then(
      (View) => ({ default: View }),
      (error: unknown) => {
        loading = null; // The next attempt fetches again.
        throw error;
      },
    );
    return loading;
  };
  let Lazy = lazy(once);
  function View(props: P) {
    return (
      <LoadFailure name={name} onRetry={() => (Lazy = lazy(once))}>
        <Suspense fallback={<div className="lazy-placeholder" aria-busy="true" />}>
          <Lazy {...props} />
        </Suspense>
      </LoadFailure>
    );
  }
  return View;
}

class LoadFailure extends Component<
  { name: string; onRetry: () => void; children: ReactNode },
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
          server still running?
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            this.props.onRetry();
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}
