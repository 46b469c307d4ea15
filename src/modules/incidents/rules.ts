import { ConflictError, type FieldError, ValidationError } from '../../lib/errors.js';
import type { NotificationRow } from './notification-repository.js';
import { INCIDENT_STATUSES, type IncidentStatus, type SeriousCategory } from './schema.js';

/** Clock skew we forgive when a client sends "now" as a timestamp. */
const SKEW_MS = 5 * 60_000;

export const toUtc = (value: string) => new Date(value).toISOString();
export const inFuture = (value: string, now = Date.now()) => Date.parse(value) > now + SKEW_MS;

/** The incident's facts after a create or change, checked across fields. */
export function assertConsistent(facts: {
  occurredAt: string;
  detectedAt: string;
  serious: boolean;
  seriousCategory: SeriousCategory | null;
}): void {
  const errors: FieldError[] = [];
  if (inFuture(facts.occurredAt)) errors.push({ field: 'occurredAt', message: 'must not be in the future' });
  if (inFuture(facts.detectedAt)) errors.push({ field: 'detectedAt', message: 'must not be in the future' });
  if (Date.parse(facts.detectedAt) < Date.parse(facts.occurredAt))
    errors.push({ field: 'detectedAt', message: 'must not be before the incident occurred' });
  if (!facts.serious && facts.seriousCategory !== null)
    errors.push({ field: 'seriousCategory', message: 'only a serious incident has a serious category' });
  if (errors.length > 0) throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
}

/** Forward in order (skipping steps is fine: a small incident may go straight to resolved), or reopen. */
export function assertTransition(from: IncidentStatus, to: IncidentStatus): void {
  if (from === to || INCIDENT_STATUSES.indexOf(to) > INCIDENT_STATUSES.indexOf(from)) return;
  if (to === 'investigating') return;
  throw new ConflictError(
    `An incident does not go back from ${from} to ${to}; reopen it as investigating instead.`,
    'status',
  );
}

/** Closing is the end of the record: the cause is known, the lesson written and everyone told. */
export function assertClosable(
  facts: { rootCause: string; lessonsLearned: string },
  notifications: NotificationRow[],
): void {
  const errors: FieldError[] = [];
  if (!facts.rootCause.trim())
    errors.push({ field: 'rootCause', message: 'record the root cause before closing the incident' });
  if (!facts.lessonsLearned.trim())
    errors.push({
      field: 'lessonsLearned',
      message: 'record the lessons learned before closing the incident',
    });
  if (errors.length > 0) throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
  const unsent = notifications.filter((n) => n.notified_at === null);
  if (unsent.length > 0)
    throw new ConflictError(
      `Notify ${unsent.map((n) => n.party).join(', ')} before closing the incident.`,
      'status',
    );
}

/** When it was resolved and closed, after moving to `to`; reopening clears both. */
export function statusDates(
  to: IncidentStatus,
  existing: { resolvedAt: string | null; closedAt: string | null },
  now: string,
) {
  const rank = INCIDENT_STATUSES.indexOf(to);
  return {
    resolved_at: rank >= INCIDENT_STATUSES.indexOf('resolved') ? (existing.resolvedAt ?? now) : null,
    closed_at: to === 'closed' ? (existing.closedAt ?? now) : null,
  };
}
