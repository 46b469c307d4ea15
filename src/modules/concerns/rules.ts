import type { Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.js';
import type { Actor } from '../shared/actor.js';
import type { ConcernRow } from './repository.js';
import type { ConcernStatus, ConcernUpdate } from './schema.js';

/** Stands in for the reporter of an anonymous concern, so the trail holds no user id, person or email. */
export const ANONYMOUS_REPORTER: Actor = {
  type: 'system',
  userId: null,
  personId: null,
  role: 'member',
  label: 'anonymous reporter',
};

const NEXT: Record<ConcernStatus, ConcernStatus[]> = {
  open: ['open', 'in_progress', 'closed'],
  in_progress: ['in_progress', 'closed'],
  closed: [],
};

/** Managers and admins handle any concern; anyone else who may write records only the ones assigned to them. */
export function assertMayHandle(actor: Actor, concern: ConcernRow, input: ConcernUpdate): void {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  if (!actor.personId || concern.assignee_id !== actor.personId)
    throw new ForbiddenError('Only the assignee, managers and admins may update a concern.');
  if (input.assigneeId !== undefined && input.assigneeId !== actor.personId)
    throw new ForbiddenError('Only managers and admins may hand a concern to someone else.');
}

/** Open → in progress → closed; closing needs a resolution, and a closed concern stays closed. */
export function nextStatus(
  concern: ConcernRow,
  input: ConcernUpdate,
): { status: ConcernStatus; closing: boolean } {
  const current = concern.status as ConcernStatus;
  if (current === 'closed') throw new ConflictError('This concern is closed; closed concerns do not change.');
  const status = input.status ?? current;
  if (!NEXT[current].includes(status))
    throw ValidationError.field('status', `cannot go from ${current} back to ${status}`);
  const closing = status === 'closed';
  const resolution = input.resolution ?? concern.resolution ?? '';
  if (closing && resolution.trim() === '')
    throw ValidationError.field('resolution', 'must describe how the concern was resolved to close it');
  return { status, closing };
}

export async function assertActiveAssignee(db: Executor, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const person = await db
    .selectFrom('people')
    .select('active')
    .where('id', '=', assigneeId)
    .executeTakeFirst();
  if (!person) throw ValidationError.field('assigneeId', `no person with id "${assigneeId}"`);
  if (!readBool(person.active)) throw ValidationError.field('assigneeId', 'must be an active person');
}
