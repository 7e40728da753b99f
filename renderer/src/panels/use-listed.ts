import { useCallback, useEffect, useState } from 'react';

/** A list read from the main process: still loading, failed with a message, or there. */
export type ListState<T> =
  { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; items: T[] };

/**
 * Reads a list when the dialog opens (and again on `refresh`, e.g. after a save or a delete).
 * `load` must be stable (useCallback). The answer lands in state from the promise, never during
 * render; an answer arriving after the dialog closed is dropped.
 */
export function useListed<T>(load: () => Promise<T[]>): { list: ListState<T>; refresh(): Promise<void> } {
  const [list, setList] = useState<ListState<T>>({ status: 'loading' });
  const fetchList = useCallback(
    () =>
      load().then(
        (items): ListState<T> => ({ status: 'ready', items }),
        (error: unknown): ListState<T> => ({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    [load],
  );
  const refresh = useCallback(() => fetchList().then(setList), [fetchList]);
  useEffect(() => {
    let live = true;
    void fetchList().then((next) => {
      if (live) setList(next);
    });
    return () => {
      live = false;
    };
  }, [fetchList]);
  return { list, refresh };
}
