import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { ConcernsTable } from '../../db/schema-accountability.js';
import { type ListQuery, runList } from '../shared/list.js';
import { concernListSpec } from './schema.js';

export type ConcernRow = ConcernsTable & {
  reporter_name: string | null;
  assignee_name: string | null;
  ai_system_name: string | null;
};

const NUMBER_LOCK = 420_030;

function concernBase(db: Executor) {
  return db
    .selectFrom('concerns')
    .leftJoin('people as reporter', 'reporter.id', 'concerns.reporter_id')
    .leftJoin('people as assignee', 'assignee.id', 'concerns.assignee_id')
    .leftJoin('ai_systems', 'ai_systems.id', 'concerns.ai_system_id');
}

const withNames = (q: ReturnType<typeof concernBase>) =>
  q
    .selectAll('concerns')
    .select([
      'reporter.name as reporter_name',
      'assignee.name as assignee_name',
      'ai_systems.name as ai_system_name',
    ]);

export function findConcern(db: Executor, id: string): Promise<ConcernRow | undefined> {
  return withNames(concernBase(db)).where('concerns.id', '=', id).executeTakeFirst();
}

/** Lists concerns; with `reporterId`, only that person's own non-anonymous reports. */
export function listConcerns(db: Executor, dialect: Dialect, query: ListQuery, reporterId?: string) {
  const base = concernBase(db);
  const mine = reporterId
    ? base
        .where('concerns.reporter_id', '=', reporterId)
        .where('concerns.anonymous', '=', dialect.bool(false))
    : base;
  return runList<ConcernRow>(mine, concernListSpec, query, dialect, (q) => withNames(q as typeof base));
}

/** Concern numbers are sequential; the lock keeps two reports from taking the same one on PostgreSQL. */
export async function nextConcernNumber(trx: Transaction<DB>, dialect: Dialect): Promise<number> {
  await dialect.lockForAppend(trx, NUMBER_LOCK);
  const last = await trx
    .selectFrom('concerns')
    .select((eb) => eb.fn.max('number').as('n'))
    .executeTakeFirst();
  return Number(last?.n ?? 0) + 1;
}

export async function insertConcern(trx: Transaction<DB>, row: ConcernsTable) {
  await trx.insertInto('concerns').values(row).execute();
}

export async function updateConcern(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<Pick<ConcernsTable, 'assignee_id' | 'status' | 'resolution' | 'closed_at'>>,
  now: string,
) {
  await trx
    .updateTable('concerns')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Open concerns assigned to one person, soonest due first. */
export function openConcernsOf(db: Executor, personId: string) {
  return withNames(concernBase(db))
    .where('concerns.assignee_id', '=', personId)
    .where('concerns.status', '<>', 'closed')
    .orderBy('concerns.due_on')
    .orderBy('concerns.number')
    .execute();
}

export async function countOverdueConcerns(db: Executor, today: string): Promise<number> {
  const row = await db
    .selectFrom('concerns')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '<>', 'closed')
    .where('due_on', '<', today)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every AI system by name: what a reporter may pick from, without the register's details. */
export function aiSystemNames(db: Executor) {
  return db.selectFrom('ai_systems').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}
