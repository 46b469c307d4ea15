import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api/client.js';

export interface SessionUser {
  email: string;
  role: string;
  /** The person record behind the account: what "own records" means for a contributor. */
  personId: string | null;
}

/** Who is signed in (undefined while loading, null when nobody is). */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionUser | null> => {
      const { data, response } = await api.GET('/api/auth/me');
      if (response.status === 401 || !data) {
        setCsrfToken(undefined);
        return null;
      }
      setCsrfToken(data.csrfToken);
      return { email: data.email, role: data.role, personId: data.personId };
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api.POST('/api/auth/logout');
    setCsrfToken(undefined);
    // Forget everything fetched as this user; the session itself becomes "nobody", showing the login form.
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    client.setQueryData(['session'], null);
  };
}

export const canEdit = (role: string | undefined) =>
  role === 'admin' || role === 'manager' || role === 'contributor';
