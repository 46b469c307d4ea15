import { useSession } from '../session.js';

/**
 * What the signed-in role may do, mirroring the API's grants so the UI shows no controls that would only
 * produce a 403 (the API still enforces every rule).
 */
export function usePermissions() {
  const role = useSession().data?.role ?? 'member';
  return {
    role,
    canRead: role !== 'member',
    canWrite: role === 'admin' || role === 'manager' || role === 'contributor',
    canConfigure: role === 'admin' || role === 'manager',
    canDelete: role === 'admin' || role === 'manager',
    isAdmin: role === 'admin',
  };
}
