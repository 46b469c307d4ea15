import { ForbiddenError } from '../../lib/errors.js';
import { type Permission, type Role, roleCan } from '../auth/permissions.js';

/** Who is acting: a signed-in user, an API token, or the system itself (CLI, demo seed). */
export interface Actor {
  type: 'user' | 'token' | 'system';
  /** users.id, or the token's id for token actors' audit trail purposes. */
  userId: string | null;
  personId: string | null;
  role: Role;
  label: string;
  tokenId?: string;
}

export function systemActor(label: string): Actor {
  return { type: 'system', userId: null, personId: null, role: 'admin', label };
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!roleCan(actor.role, permission)) throw new ForbiddenError();
}

/**
 * Contributors may only touch records they own, and may not give a record away to someone else;
 * admins and managers may edit any record.
 */
export function assertOwnership(
  actor: Actor,
  currentOwnerId: string | null,
  nextOwnerId?: string | null,
): void {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  const own = (ownerId: string | null | undefined) => ownerId != null && ownerId === actor.personId;
  if (!own(currentOwnerId)) throw new ForbiddenError('Contributors can only change records they own.');
  if (nextOwnerId !== undefined && !own(nextOwnerId)) {
    throw new ForbiddenError('Contributors cannot assign a record to someone else.');
  }
}
