import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import { nowIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { loadNonconformity, settleStatus } from './load.js';
import { assertEditable } from './rules.js';
import type { Nonconformity } from './schema.js';

export interface ChangeContext {
  trx: Transaction<DB>;
  now: string;
  before: Nonconformity;
}

export async function mustLoadNonconformity(trx: Transaction<DB>, id: string): Promise<Nonconformity> {
  const nc = await loadNonconformity(trx, id);
  if (!nc) throw new NotFoundError('nonconformity', id);
  return nc;
}

/**
 * A change to an open nonconformity (its checks, or its actions) in one transaction: the work, then the status
 * it leads to, and a trail entry for the nonconformity when it changed. Answers what the work answers.
 */
export async function changeNonconformity<T>(
  db: Db,
  actor: Actor,
  trx: Transaction<DB>,
  id: string,
  work: (ctx: ChangeContext) => Promise<T>,
): Promise<T> {
  const now = nowIso();
  const before = await mustLoadNonconformity(trx, id);
  assertEditable(before.status, before.reference);
  const result = await work({ trx, now, before });
  await settleStatus(trx, id, now);
  const after = await mustLoadNonconformity(trx, id);
  if (JSON.stringify(after) !== JSON.stringify(before))
    await appendTrail(db, trx, actor, {
      entityType: 'nonconformity',
      entityId: id,
      action: 'update',
      before,
      after,
    });
  return result;
}
