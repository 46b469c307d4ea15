import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ValidationError } from '../../lib/errors.js';
import { todayIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { assertReferences } from '../shared/references.js';
import { settleStatus } from './load.js';
import { checksOf, insertNonconformity, nextReference, updateNonconformity } from './repository.js';
import { assertClosable, assertEditable } from './rules.js';
import type { NcStatus, Nonconformity, NonconformityCreate, NonconformityUpdate } from './schema.js';
import { claimSource } from './sources.js';

/** Field checks that need the database or the calendar; each names the field it is about. */
export async function validateNonconformity(
  db: Executor,
  input: Partial<NonconformityCreate>,
): Promise<void> {
  await assertReferences(db, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
  if (input.requirementId) {
    const found = await db
      .selectFrom('requirements')
      .select('id')
      .where('id', '=', input.requirementId)
      .executeTakeFirst();
    if (!found)
      throw ValidationError.field('requirementId', `no requirement with id "${input.requirementId}"`);
  }
  if (input.raisedOn && input.raisedOn > todayIso())
    throw ValidationError.field('raisedOn', 'must not be in the future');
}

const whys = (value: NonconformityCreate['rootCauseWhys']) => value && JSON.stringify(value);

export async function insertNonconformityRows(
  trx: Transaction<DB>,
  db: { dialect: Parameters<typeof nextReference>[1] },
  id: string,
  input: NonconformityCreate,
  now: string,
  actor: Actor,
): Promise<void> {
  const defaults = await claimSource(trx, input.source, input.sourceId, id);
  const requirementId =
    input.requirementId !== undefined ? input.requirementId : (defaults.requirementId ?? null);
  if (requirementId !== (input.requirementId ?? null)) await validateNonconformity(trx, { requirementId });
  const ref = await nextReference(trx, db.dialect, Number(now.slice(0, 4)));
  await insertNonconformity(trx, {
    id,
    reference: ref.reference,
    ref_year: ref.year,
    ref_number: ref.number,
    title: input.title,
    description: input.description ?? defaults.description ?? '',
    source: input.source,
    source_id: input.source === 'manual' ? null : (input.sourceId ?? null),
    requirement_id: requirementId,
    grade: input.grade ?? defaults.grade ?? 'minor',
    status: 'open',
    containment: input.containment ?? '',
    correction: input.correction ?? '',
    root_cause_whys: whys(input.rootCauseWhys) ?? '[]',
    root_cause: input.rootCause ?? '',
    owner_id: input.ownerId ?? null,
    raised_by: actor.label,
    raised_on: input.raisedOn ?? todayIso(),
    closed_at: null,
    cancellation_reason: '',
    created_at: now,
    updated_at: now,
  });
}

/** Field edits, then the status the edits lead to, then closing or cancelling when asked. */
export async function patchNonconformityRows(
  trx: Transaction<DB>,
  id: string,
  input: NonconformityUpdate,
  now: string,
  existing: Nonconformity,
): Promise<void> {
  assertEditable(existing.status, existing.reference);
  if (input.cancellationReason !== undefined && input.status !== 'cancelled')
    throw ValidationError.field('cancellationReason', 'only given when cancelling (status "cancelled")');
  if (input.status === 'cancelled' && !input.cancellationReason?.trim())
    throw ValidationError.field('cancellationReason', 'say why the nonconformity is cancelled');
  await updateNonconformity(trx, id, {
    title: input.title,
    description: input.description,
    requirement_id: input.requirementId,
    grade: input.grade,
    owner_id: input.ownerId,
    raised_on: input.raisedOn,
    containment: input.containment,
    correction: input.correction,
    root_cause_whys: whys(input.rootCauseWhys),
    root_cause: input.rootCause,
    updated_at: now,
  });
  const status = (await settleStatus(trx, id, now)) as NcStatus;
  if (input.status === 'closed') {
    const checks = (await checksOf(trx, [id])).get(id) ?? [];
    assertClosable(status, checks);
    await updateNonconformity(trx, id, { status: 'closed', closed_at: now });
  }
  if (input.status === 'cancelled')
    await updateNonconformity(trx, id, {
      status: 'cancelled',
      cancellation_reason: input.cancellationReason?.trim() ?? '',
    });
}
