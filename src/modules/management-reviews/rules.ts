import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.js';
import type { Actor } from '../shared/actor.js';
import type { OutputUpdate } from './output-schema.js';
import type { OutputRow, ReviewRow } from './repository.js';
import type { ReviewStatus, ReviewTransition } from './schema.js';

const NEXT: Record<ReviewStatus, ReviewStatus[]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const isManager = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

/** Managers and admins run any review; a contributor only the reviews they chair, and cannot hand them on. */
export function assertMayRun(actor: Actor, chairId: string | null, nextChairId?: string | null): void {
  if (isManager(actor)) return;
  const chairs = (id: string | null | undefined) => id != null && id === actor.personId;
  if (!chairs(chairId)) throw new ForbiddenError('Contributors can only run reviews they chair.');
  if (nextChairId !== undefined && !chairs(nextChairId))
    throw new ForbiddenError('Contributors cannot hand the chair to someone else.');
}

/** An output's owner may report its progress; otherwise whoever may run the review. */
export function assertMayUpdateOutput(
  actor: Actor,
  review: ReviewRow,
  output: OutputRow,
  input: OutputUpdate,
) {
  const ownsIt = actor.personId !== null && output.owner_id === actor.personId;
  const onlyStatus = Object.keys(input).every((key) => key === 'status');
  if (ownsIt && onlyStatus) return;
  assertMayRun(actor, review.chair_id);
}

/** Completed reviews are the record and cancelled ones were never held: neither changes. */
export function assertOpen(review: ReviewRow, what = 'changed'): void {
  if (review.status === 'completed')
    throw new ConflictError(`This review is completed and cannot be ${what}; only its outputs' status can.`);
  if (review.status === 'cancelled')
    throw new ConflictError(`This review was cancelled and cannot be ${what}.`);
}

/** On a completed review an output can still be done or cancelled, but what was decided stays as decided. */
export function assertOutputChange(review: ReviewRow, input: OutputUpdate): void {
  if (review.status === 'cancelled')
    throw new ConflictError('This review was cancelled; its outputs do not change.');
  if (review.status !== 'completed') return;
  const other = Object.keys(input).find((key) => key !== 'status');
  if (other)
    throw new ConflictError(
      `This review is completed: only an output's status can change, not ${other}.`,
      other,
    );
}

/** planned → in progress → completed; either open state may be cancelled. Completing fixes the day held. */
export function checkTransition(review: ReviewRow, input: ReviewTransition, today: string): string | null {
  const current = review.status as ReviewStatus;
  if (!NEXT[current].includes(input.to))
    throw new ConflictError(
      `A ${current.replace('_', ' ')} review cannot become ${input.to.replace('_', ' ')}.`,
    );
  if (input.heldOn !== undefined && input.to !== 'completed')
    throw ValidationError.field('heldOn', 'is only given when completing a review');
  if (input.to !== 'completed') return null;
  const heldOn = input.heldOn ?? today;
  if (heldOn > today) throw ValidationError.field('heldOn', 'must not be in the future');
  return heldOn;
}
