import { useCallback, useEffect, useRef, useState } from 'react';

// One request's life as state: loading, failed (with the reason in words) or
// ready. A reload keeps what is shown until the answer comes, so the panel
// never blanks out while it refreshes; an answer that a newer request has
// overtaken is dropped.

export type Load<T> =
  | { status: 'loading'; value?: undefined; error?: undefined }
  | { status: 'failed'; value?: T | undefined; error: string }
  | { status: 'ready'; value: T; error?: undefined };

export function useLoad<T>(
  load: (() => Promise<T>) | null,
  describe: (error: unknown) => string,
): {
  state: Load<T>;
  reload: () => void;
  /** Replace the value shown (after a change whose result the caller already has). */
  set: (value: T) => void;
  refreshing: boolean;
} {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const describeRef = useRef(describe);
  describeRef.current = describe;

  const run = useCallback((keep: boolean) => {
    const fn = loadRef.current;
    const mine = ++generation.current;
    if (!fn) return;
    setRefreshing(true);
    if (!keep) setState({ status: 'loading' });
    fn().then(
      (value) => {
        if (mine !== generation.current) return;
        setRefreshing(false);
        setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setRefreshing(false);
        setState((prev) => ({
          status: 'failed',
          value: prev.status === 'loading' ? undefined : prev.value,
          error: describeRef.current(error),
        }));
      },
    );
  }, []);

  // A new loader (the panel followed a rename) runs again, showing the last
  // answer until the new one comes; the same loader is not re-run.
  useEffect(() => {
    run(true);
    return () => {
      generation.current++;
    };
  }, [load, run]);

  const reload = useCallback(() => run(true), [run]);
  const set = useCallback((value: T) => {
    generation.current++;
    setRefreshing(false);
    setState({ status: 'ready', value });
  }, []);
  return { state, reload, set, refreshing };
}
