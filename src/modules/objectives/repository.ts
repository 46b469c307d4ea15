import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { ObjectiveMeasurementsTable, ObjectivesTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { objectiveListSpec } from './schema.js';

export type ObjectiveRow = ObjectivesTable & { owner_name: string | null; ai_system_name: string | null };
export type MeasurementRow = ObjectiveMeasurementsTable;
export type ObjectiveColumns = Omit<ObjectivesTable, 'id' | 'created_at' | 'updated_at'>;

function base(db: Executor) {
  return db
    .selectFrom('objectives')
    .leftJoin('people as owner', 'owner.id', 'objectives.owner_id')
    .leftJoin('ai_systems', 'ai_systems.id', 'objectives.ai_system_id');
}

const withNames = (q: ReturnType<typeof base>) =>
  q.selectAll('objectives').select(['owner.name as owner_name', 'ai_systems.name as ai_system_name']);

export function findObjective(db: Executor, id: string): Promise<ObjectiveRow | undefined> {
  return withNames(base(db)).where('objectives.id', '=', id).executeTakeFirst();
}

export function listObjectives(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<ObjectiveRow>(
    base(db),
    objectiveListSpec,
    query,
    dialect,
    (q) => withNames(q as ReturnType<typeof base>),
    db.selectFrom('objectives'),
  );
}

/** Objectives in one state with the given sources, e.g. the active automatic ones the worker measures. */
export function objectivesWhere(db: Executor, status: string, sources: string[], ownerId?: string) {
  let q = withNames(base(db))
    .where('objectives.status', '=', status)
    .where('objectives.source', 'in', sources);
  if (ownerId) q = q.where('objectives.owner_id', '=', ownerId);
  return q.orderBy('objectives.title').orderBy('objectives.id').execute();
}

export async function insertObjective(
  trx: Transaction<DB>,
  id: string,
  columns: ObjectiveColumns,
  now: string,
) {
  await trx
    .insertInto('objectives')
    .values({ id, ...columns, created_at: now, updated_at: now })
    .execute();
}

export async function updateObjective(
  trx: Transaction<DB>,
  id: string,
  columns: ObjectiveColumns,
  now: string,
) {
  await trx
    .updateTable('objectives')
    .set({ ...columns, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Measurements go with the objective (cascade); plan links are not foreign keys, so they are removed here. */
export async function deleteObjective(trx: Transaction<DB>, id: string) {
  await trx
    .deleteFrom('monitoring_plan_links')
    .where('target_type', '=', 'objective')
    .where('target_id', '=', id)
    .execute();
  await trx.deleteFrom('objectives').where('id', '=', id).execute();
}

export function measurementsOf(db: Executor, objectiveId: string): Promise<MeasurementRow[]> {
  return db
    .selectFrom('objective_measurements')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .orderBy('measured_at')
    .orderBy('created_at')
    .execute();
}

/** The most recent measurement of each of the given objectives. */
export async function latestMeasurements(
  db: Executor,
  objectiveIds: string[],
): Promise<Map<string, MeasurementRow>> {
  const latest = new Map<string, MeasurementRow>();
  if (objectiveIds.length === 0) return latest;
  const rows = await db
    .selectFrom('objective_measurements as m')
    .selectAll('m')
    .where('m.objective_id', 'in', [...new Set(objectiveIds)])
    .where(({ eb, selectFrom }) =>
      eb(
        'm.measured_at',
        '=',
        selectFrom('objective_measurements as n')
          .select(({ fn }) => fn.max('n.measured_at').as('latest'))
          .whereRef('n.objective_id', '=', 'm.objective_id'),
      ),
    )
    .orderBy('m.created_at')
    .execute();
  for (const row of rows) latest.set(row.objective_id, row);
  return latest;
}

export async function insertMeasurement(trx: Transaction<DB>, row: MeasurementRow) {
  await trx.insertInto('objective_measurements').values(row).execute();
}

export function objectivesByIds(db: Executor, ids: string[]): Promise<ObjectiveRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withNames(base(db))
    .where('objectives.id', 'in', [...new Set(ids)])
    .execute();
}
