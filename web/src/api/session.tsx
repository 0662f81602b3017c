// Who is signed in: the bearer token (kept in sessionStorage, so it dies with the tab and is never in
// a cookie the browser would send by itself) and the user and organisation it belongs to. Any 401
// signs out: the token was revoked, or the user disabled.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiRequest, type RequestOptions } from './client.js';
import type { Me } from './types.js';
import { may, type Permission } from '../lib/permissions.js';

const TOKEN_KEY = 'rampart.token';

export interface Session {
  readonly me: Me | undefined;
  /** True while a stored token is being checked at start-up. */
  readonly checking: boolean;
  readonly signIn: (token: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly request: <T>(path: string, options?: Omit<RequestOptions, 'token'>) => Promise<T>;
  readonly may: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [token, setToken] = useState<string | undefined>(() => sessionStorage.getItem(TOKEN_KEY) ?? undefined);
  const [me, setMe] = useState<Me>();
  const [checking, setChecking] = useState(token !== undefined);

  const forget = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(undefined);
    setMe(undefined);
  }, []);

  useEffect(() => {
    if (token === undefined || me !== undefined) return;
    const controller = new AbortController();
    apiRequest<Me>('/api/me', { token, signal: controller.signal })
      .then(setMe)
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') forget();
      })
      .finally(() => setChecking(false));
    return () => controller.abort();
  }, [token, me, forget]);

  const signIn = useCallback(async (newToken: string) => {
    const found = await apiRequest<Me>('/api/me', { token: newToken });
    sessionStorage.setItem(TOKEN_KEY, newToken);
    setToken(newToken);
    setMe(found);
  }, []);

  const request = useCallback(
    async <T,>(path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> => {
      try {
        return await apiRequest<T>(path, { ...options, token });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) forget();
        throw error;
      }
    },
    [token, forget],
  );

  const signOut = useCallback(async () => {
    // Forgotten here first, so no page still open sends it again once revoked (that would be a 401);
    // then revoked on the server, so a copy left behind (a shared screen, a proxy log) is dead too.
    const leaving = token;
    forget();
    if (leaving === undefined) return;
    try {
      await apiRequest('/api/sessions/current', { method: 'DELETE', token: leaving });
    } catch {
      // Already revoked or the server is gone: nothing more to do here.
    }
  }, [forget, token]);

  const value = useMemo<Session>(
    () => ({ me, checking, signIn, signOut, request, may: (permission) => may(me && { role: me.user.role, kind: me.organisation.kind }, permission) }),
    [me, checking, signIn, signOut, request],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}
