import type { Executor } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { todayIso } from '../../lib/time.js';
import { assertReferences } from '../shared/references.js';
import { findAction } from './action-repository.js';
import type { ActionCreate, CorrectiveAction } from './action-schema.js';
import { presentAction } from './presenter.js';

export async function loadAction(db: Executor, id: string): Promise<CorrectiveAction | undefined> {
  const row = isUuid(id) ? await findAction(db, id) : undefined;
  return row && presentAction(row, todayIso());
}

/** The action, or a 404. */
export async function mustLoadAction(db: Executor, id: string): Promise<CorrectiveAction> {
  const action = await loadAction(db, id);
  if (!action) throw new NotFoundError('corrective action', id);
  return action;
}

/** The owner, nonconformity and incident named must exist; a wrong one is a 422 naming its field. */
export async function validateAction(trx: Executor, input: Partial<ActionCreate>) {
  await assertReferences(trx, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
  const exists = async (
    table: 'nonconformities' | 'incidents',
    field: string,
    id: string | null | undefined,
  ) => {
    if (!id) return;
    const row = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!row)
      throw ValidationError.field(
        field,
        `no ${table === 'incidents' ? 'incident' : 'nonconformity'} with id "${id}"`,
      );
  };
  await exists('nonconformities', 'nonconformityId', input.nonconformityId);
  await exists('incidents', 'incidentId', input.incidentId);
}
