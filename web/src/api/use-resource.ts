// Loads one API resource for a component: the data, the error, whether it is loading, and reload().
// A change of path (or of the session) loads again; an answer for an old path is dropped.
import { useCallback, useEffect, useState } from 'react';
import { useSession } from './session.js';

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** path undefined: load nothing (yet). */
export function useResource<T>(path: string | undefined): Resource<T> {
  const { request } = useSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(path !== undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === undefined) return;
    const controller = new AbortController();
    setLoading(true);
    request<T>(path, { signal: controller.signal })
      .then((answer) => {
        setData(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if ((failure as Error).name !== 'AbortError') setError(failure as Error);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, request, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}
