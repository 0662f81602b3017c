// The alerts matching the filters, fetched a page at a time by keyset cursor as the list scrolls. The
// pages already loaded stay; a change of filters starts again from the newest.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../../api/session.js';
import type { Alert, AlertPage } from '../../api/types.js';
import { alertListQuery, type AlertFilters } from '../../lib/query-string.js';

/** The API's largest page: fewer round trips when scrolling through 100,000 alerts. */
const PAGE_SIZE = 500;

export interface AlertPages {
  readonly alerts: readonly Alert[];
  readonly loading: boolean;
  readonly error: Error | undefined;
  /** True once the last page is in. */
  readonly complete: boolean;
  readonly loadMore: () => void;
}

export function useAlertPages(filters: AlertFilters): AlertPages {
  const { request } = useSession();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const [complete, setComplete] = useState(false);
  // The cursor and the in-flight request live in refs: loadMore is called from scroll events and must
  // see the latest of both without waiting for a render.
  const cursor = useRef<string | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const generation = useRef(0);

  const fetchPage = useCallback(() => {
    if (inFlight.current) return;
    const controller = new AbortController();
    inFlight.current = controller;
    const mine = generation.current;
    setLoading(true);
    request<AlertPage>(`/api/alerts${alertListQuery(filters, cursor.current, PAGE_SIZE)}`, { signal: controller.signal })
      .then((page) => {
        if (mine !== generation.current) return;
        const first = cursor.current === undefined;
        setAlerts((current) => (first ? [...page.alerts] : current.concat(page.alerts)));
        cursor.current = page.nextCursor ?? undefined;
        setComplete(!page.nextCursor);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if ((failure as Error).name !== 'AbortError' && mine === generation.current) setError(failure as Error);
      })
      .finally(() => {
        if (inFlight.current === controller) inFlight.current = undefined;
        if (mine === generation.current) setLoading(false);
      });
  }, [filters, request]);

  useEffect(() => {
    generation.current += 1;
    inFlight.current?.abort();
    inFlight.current = undefined;
    cursor.current = undefined;
    setAlerts([]);
    setComplete(false);
    fetchPage();
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!complete && cursor.current !== undefined && error === undefined) fetchPage();
  }, [complete, error, fetchPage]);

  return { alerts, loading, error, complete, loadMore };
}
