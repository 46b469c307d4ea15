import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { todayIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { presentReview } from './presenter.js';
import { findReview, type ReviewRow, relationsOf } from './repository.js';
import type { Review } from './schema.js';

export const ENTITY = 'management_review';

export async function mustFindReview(db: Executor, id: string): Promise<ReviewRow> {
  const row = isUuid(id) ? await findReview(db, id) : undefined;
  if (!row) throw new NotFoundError('management review', id);
  return row;
}

export async function loadReview(db: Executor, id: string): Promise<Review> {
  const row = await mustFindReview(db, id);
  return presentReview(row, await relationsOf(db, [id]), todayIso());
}

/**
 * One write to a review in a transaction: `work` checks and changes it, and the trail gets the review
 * as it was and as it is, outputs included, so every change to the record shows in one place.
 */
export function writeReview(
  db: Db,
  actor: Actor,
  id: string,
  work: (row: ReviewRow, trx: Transaction<DB>) => Promise<void>,
): Promise<Review> {
  return db.transaction(async (trx) => {
    const row = await mustFindReview(trx, id);
    const before = presentReview(row, await relationsOf(trx, [id]), todayIso());
    await work(row, trx);
    const after = await loadReview(trx, id);
    await appendTrail(db, trx, actor, { entityType: ENTITY, entityId: id, action: 'update', before, after });
    return after;
  });
}
