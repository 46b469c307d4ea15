import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ConflictError } from '../../lib/errors.js';
import { updateAudit } from './repository.js';
import type { Audit } from './schema.js';

const readable = (status: string) => status.replace('_', ' ');

/** planned → in progress: results can be recorded from now on. */
export async function startAudit(trx: Transaction<DB>, audit: Audit, now: string) {
  if (audit.status !== 'planned')
    throw new ConflictError(`The audit is ${readable(audit.status)}; only a planned audit can start.`);
  await updateAudit(trx, audit.id, { status: 'in_progress', started_at: now, updated_at: now });
}

/** in progress → completed, once every item has a result; the audit is read-only afterwards. */
export async function completeAudit(trx: Transaction<DB>, audit: Audit, conclusion: string, now: string) {
  if (audit.status !== 'in_progress')
    throw new ConflictError(
      `The audit is ${readable(audit.status)}; only an audit in progress can complete.`,
    );
  const open = audit.checklist.filter((i) => i.result === null).length;
  if (open > 0)
    throw new ConflictError(
      `${open} checklist item(s) have no result yet; record every result before completing.`,
    );
  await updateAudit(trx, audit.id, { status: 'completed', conclusion, completed_at: now, updated_at: now });
}

/** Findings that became nonconformities keep their audit: it can be neither cancelled nor deleted. */
export function assertNoNonconformities(audit: Audit, what: string) {
  if (audit.findings.some((f) => f.nonconformityId))
    throw new ConflictError(`Nonconformities were raised from this audit; it cannot be ${what}.`);
}

export async function cancelAudit(trx: Transaction<DB>, audit: Audit, now: string) {
  if (audit.status === 'completed' || audit.status === 'cancelled')
    throw new ConflictError(`The audit is ${audit.status}; it can no longer be cancelled.`);
  assertNoNonconformities(audit, 'cancelled');
  await updateAudit(trx, audit.id, { status: 'cancelled', updated_at: now });
}
