import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB, TrailTable } from '../../db/schema.js';

export type TrailRow = TrailTable;

export async function lastEntry(trx: Transaction<DB>): Promise<Pick<TrailRow, 'seq' | 'hash'> | undefined> {
  return trx.selectFrom('trail').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEntry(trx: Transaction<DB>, row: TrailRow): Promise<void> {
  await trx.insertInto('trail').values(row).execute();
}

export async function entriesFrom(db: Executor, afterSeq: number, batch: number): Promise<TrailRow[]> {
  return db.selectFrom('trail').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(batch).execute();
}
