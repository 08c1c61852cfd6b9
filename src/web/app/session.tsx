import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../contracts/identity.js';
import type { Role } from '../../domain/identity/roles.js';
import { ApiError, apiGet, setCsrfToken } from './api.js';

export type { Me };

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await apiGet<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

const SessionContext = createContext<Me | null>(null);

/** The signed-in user inside the authenticated part of the app. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside <RequireSession>');
  return me;
}

export function hasAnyRole(me: Pick<Me, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => me.roles.includes(r));
}

/** Staff = acting for the administration (every role except enterprise users). */
export function isStaff(me: Pick<Me, 'roles'>): boolean {
  return me.roles.some((r) => r !== 'enterprise');
}

export function FullPageSpin() {
  return (
    <div className="yq-full-center">
      <Spin size="large" />
    </div>
  );
}

/** Renders its children only with a session; otherwise sends the visitor to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: me, isPending, error } = useMeQuery();
  if (isPending) return <FullPageSpin />;
  if (error) throw error;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}
