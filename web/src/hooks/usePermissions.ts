import { useSession } from '../session.js';

/**
 * What the signed-in role may do, mirroring the API's grants so the UI shows no controls that would only
 * produce a 403 (the API still enforces every rule).
 */
export function usePermissions() {
  const session = useSession().data;
  const role = session?.role ?? 'member';
  const canWrite = role === 'admin' || role === 'manager' || role === 'contributor';
  return {
    role,
    canRead: role !== 'member',
    canWrite,
    /** Contributors change only the records they own (the API's rule); managers and admins change any. */
    canEdit: (ownerId: string | null | undefined) =>
      role === 'admin' || role === 'manager' || (canWrite && !!ownerId && ownerId === session?.personId),
    canConfigure: role === 'admin' || role === 'manager',
    canDelete: role === 'admin' || role === 'manager',
    isAdmin: role === 'admin',
  };
}
