import { ConflictError, ValidationError } from '../../lib/errors.js';
import { UNFINISHED_ACTION } from './filters.js';
import type { NcStatus } from './schema.js';

export interface ActionFact {
  status: string;
  completed_at: string | null;
}
export interface CheckFact {
  result: string | null;
  checked_at: string | null;
  planned_for: string;
}

const TERMINAL: NcStatus[] = ['closed', 'cancelled'];
const isUnfinished = (a: ActionFact) => UNFINISHED_ACTION.includes(a.status);

export const isTerminal = (status: string) => TERMINAL.includes(status as NcStatus);

/** Closed and cancelled nonconformities are the record of what happened; nothing about them changes. */
export function assertEditable(status: string, reference: string): void {
  if (isTerminal(status))
    throw new ConflictError(`${reference} is ${status}; a ${status} nonconformity cannot be changed.`);
}

/** Checks are kept oldest first; the last one decides whether the actions worked. */
const latestOf = (checks: CheckFact[]) => checks.at(-1);

/**
 * Where a nonconformity stands, from its root cause, actions and checks: open until the cause is known and
 * an action planned; verifying once every action is finished (one at least done); back to action planned when
 * a check found the finished actions not effective, until a further action is finished after that check.
 */
export function followingStatus(
  current: NcStatus,
  rootCause: string,
  actions: ActionFact[],
  checks: CheckFact[],
): NcStatus {
  if (isTerminal(current)) return current;
  const live = actions.filter((a) => a.status !== 'cancelled');
  if (!rootCause.trim() || live.length === 0) return 'open';
  if (live.some(isUnfinished)) return 'action_planned';
  const lastDone =
    live
      .map((a) => a.completed_at ?? '')
      .sort()
      .at(-1) ?? '';
  const recorded = checks.filter((c) => c.result !== null);
  const last = recorded.at(-1);
  if (last?.result === 'not_effective' && (last.checked_at ?? '') >= lastDone) return 'action_planned';
  return 'verifying';
}

/** Why the nonconformity cannot be closed now, or null when it can. */
export function closeBlocker(status: NcStatus, checks: CheckFact[]): string | null {
  if (status === 'closed') return 'It is already closed.';
  if (status === 'cancelled') return 'It was cancelled.';
  const latest = latestOf(checks);
  if (status === 'open') return 'Record the root cause and plan at least one corrective action first.';
  if (status === 'action_planned')
    return latest?.result === 'not_effective'
      ? 'The last effectiveness check found the actions not effective: finish a further action first.'
      : 'Finish its corrective actions first (at least one done).';
  if (!latest) return 'Plan and record an effectiveness check first.';
  if (latest.result === null)
    return `Record the effectiveness check planned for ${latest.planned_for} first.`;
  if (latest.result !== 'effective')
    return 'The latest effectiveness check did not find the actions effective.';
  return null;
}

export function assertClosable(status: NcStatus, checks: CheckFact[]): void {
  const blocker = closeBlocker(status, checks);
  if (blocker) throw new ConflictError(`The nonconformity cannot be closed: ${blocker}`, 'status');
}

/** A check's result only means something once every action it judges is finished. */
export function assertCheckRecordable(actions: ActionFact[], check: CheckFact): void {
  if (check.result !== null)
    throw new ConflictError('This effectiveness check is already recorded; plan a new one instead.');
  if (actions.some(isUnfinished))
    throw new ConflictError(
      'Finish or cancel every corrective action before recording how effective they were.',
    );
  if (!actions.some((a) => a.status === 'done'))
    throw new ConflictError(
      'At least one corrective action must be done before its effectiveness is checked.',
    );
}

/** Done means 100% with notes on what was done; leaving done clears the completion time. */
export function completion(
  next: { status: string; progress: number; completionNotes: string },
  completedAt: string | null,
  now: string,
): { progress: number; completed_at: string | null } {
  if (next.status !== 'done') return { progress: next.progress, completed_at: null };
  if (!next.completionNotes.trim())
    throw ValidationError.field('completionNotes', 'describe what was done before marking the action done');
  return { progress: 100, completed_at: completedAt ?? now };
}

/** Corrections and corrective actions answer a gap; only improvements may stand on their own. */
export function assertHasGap(
  kind: string,
  gap: { nonconformityId: string | null; incidentId: string | null },
) {
  if (kind !== 'improvement' && !gap.nonconformityId && !gap.incidentId)
    throw ValidationError.field(
      'nonconformityId',
      'a correction or corrective action needs a nonconformityId or incidentId; use kind "improvement" otherwise',
    );
}
