import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { isUuid } from '../../lib/ids.js';
import { todayIso } from '../../lib/time.js';
import { actionFactsOf } from './action-repository.js';
import { presentNonconformity } from './presenter.js';
import { checksOf, findNonconformity, type NonconformityRow, updateNonconformity } from './repository.js';
import { followingStatus } from './rules.js';
import type { NcStatus, Nonconformity } from './schema.js';
import { describeSources } from './sources.js';

/** Rows to API shapes, with their sources, action counts and checks loaded in one query each. */
export async function presentRows(db: Executor, rows: NonconformityRow[]): Promise<Nonconformity[]> {
  const ids = rows.map((r) => r.id);
  const [sources, facts, checks] = await Promise.all([
    describeSources(db, rows),
    actionFactsOf(db, ids),
    checksOf(db, ids),
  ]);
  const today = todayIso();
  return rows.map((row) =>
    presentNonconformity(
      row,
      {
        source: row.source_id ? sources.get(row.source_id) : undefined,
        actions: facts.filter((a) => a.nonconformity_id === row.id),
        checks: checks.get(row.id),
      },
      today,
    ),
  );
}

export async function loadNonconformity(db: Executor, id: string): Promise<Nonconformity | undefined> {
  const row = isUuid(id) ? await findNonconformity(db, id) : undefined;
  return row && (await presentRows(db, [row]))[0];
}

/** Moves the nonconformity to the status its root cause, actions and checks call for; answers the new status. */
export async function settleStatus(
  trx: Transaction<DB>,
  id: string,
  now: string,
): Promise<NcStatus | undefined> {
  const row = await findNonconformity(trx, id);
  if (!row) return undefined;
  const [facts, checks] = await Promise.all([actionFactsOf(trx, [id]), checksOf(trx, [id])]);
  const status = followingStatus(row.status as NcStatus, row.root_cause, facts, checks.get(id) ?? []);
  if (status !== row.status) await updateNonconformity(trx, id, { status, updated_at: now });
  return status;
}
