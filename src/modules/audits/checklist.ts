import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../shared/actor.js';
import {
  deleteFinding,
  findChecklistItem,
  findingOfItem,
  insertFinding,
  requirementOf,
  updateChecklistItem,
  updateFinding,
} from './checklist-repository.js';
import type { ChecklistUpdate, FindingCreate } from './checklist-schema.js';
import type { Audit } from './schema.js';

/** Results and findings are recorded while auditing, not before it starts nor after it is reported. */
export function assertInProgress(audit: Audit, what: string) {
  if (audit.status !== 'in_progress')
    throw new ConflictError(
      `The audit is ${audit.status.replace('_', ' ')}; ${what} only while it is in progress.`,
    );
}

async function assertEvidence(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db.selectFrom('evidence').select('id').where('id', 'in', ids).execute();
  const present = new Set(found.map((r) => r.id));
  const missing = ids.findIndex((id) => !present.has(id));
  if (missing >= 0)
    throw ValidationError.field(`sampledEvidenceIds.${missing}`, `no evidence with id "${ids[missing]}"`);
}

/**
 * One checklist result. Anything but "conforming" is a finding of that type, kept in step with the item;
 * going back to conforming withdraws the finding unless a nonconformity was already raised from it.
 */
export async function recordResult(
  trx: Transaction<DB>,
  actor: Actor,
  audit: Audit,
  itemId: string,
  input: ChecklistUpdate,
  now: string,
) {
  const item = await findChecklistItem(trx, audit.id, itemId);
  if (!item) throw new NotFoundError('checklist item', itemId);
  assertInProgress(audit, 'results are recorded');
  if (input.sampledEvidenceIds) await assertEvidence(trx, input.sampledEvidenceIds);
  const result = input.result === undefined ? item.result : input.result;
  const notes = input.notes ?? item.notes;
  const finding = await findingOfItem(trx, item.id);
  if (result === null || result === 'conforming') {
    if (finding?.nonconformity_id)
      throw new ConflictError(
        "A nonconformity was raised from this item's finding; handle it there instead of withdrawing the finding.",
        'result',
      );
    if (finding) await deleteFinding(trx, finding.id);
  } else if (finding) {
    await updateFinding(trx, finding.id, { type: result, description: notes, updated_at: now });
  } else {
    await insertFinding(trx, {
      id: newId(),
      audit_id: audit.id,
      checklist_item_id: item.id,
      requirement_id: item.requirement_id,
      type: result,
      description: notes,
      nonconformity_id: null,
      created_at: now,
      updated_at: now,
    });
  }
  const assessed = input.result !== undefined && input.result !== item.result;
  await updateChecklistItem(trx, item.id, {
    result,
    notes,
    sampled_evidence_ids: input.sampledEvidenceIds
      ? JSON.stringify([...new Set(input.sampledEvidenceIds)])
      : undefined,
    ...(assessed ? { assessed_by: result ? actor.personId : null, assessed_at: result ? now : null } : {}),
    updated_at: now,
  });
}

/** A finding not tied to one checklist item, e.g. something seen on the way. */
export async function addFinding(trx: Transaction<DB>, audit: Audit, input: FindingCreate, now: string) {
  assertInProgress(audit, 'findings are recorded');
  if (input.requirementId) {
    const requirement = await requirementOf(trx, input.requirementId);
    if (!requirement || requirement.framework_id !== audit.frameworkId)
      throw ValidationError.field(
        'requirementId',
        `no ${audit.frameworkId} requirement with id "${input.requirementId}"`,
      );
  }
  const id = newId();
  await insertFinding(trx, {
    id,
    audit_id: audit.id,
    checklist_item_id: null,
    requirement_id: input.requirementId ?? null,
    type: input.type,
    description: input.description,
    nonconformity_id: null,
    created_at: now,
    updated_at: now,
  });
  return id;
}
