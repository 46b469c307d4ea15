import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { MonitoringPlanItemsTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { planListSpec } from './schema.js';

export type PlanItemRow = MonitoringPlanItemsTable & { analyst_name: string | null };
export type PlanItemColumns = Partial<Omit<MonitoringPlanItemsTable, 'id' | 'created_at' | 'updated_at'>>;
export type LinkType = 'test' | 'objective';
export interface Links {
  testIds: string[];
  objectiveIds: string[];
}

function base(db: Executor) {
  return db
    .selectFrom('monitoring_plan_items')
    .leftJoin('people as analyst', 'analyst.id', 'monitoring_plan_items.analyst_id');
}

const withNames = (q: ReturnType<typeof base>) =>
  q.selectAll('monitoring_plan_items').select('analyst.name as analyst_name');

export function findPlanItem(db: Executor, id: string): Promise<PlanItemRow | undefined> {
  return withNames(base(db)).where('monitoring_plan_items.id', '=', id).executeTakeFirst();
}

export function listPlanItems(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<PlanItemRow>(
    base(db),
    planListSpec,
    query,
    dialect,
    (q) => withNames(q as ReturnType<typeof base>),
    db.selectFrom('monitoring_plan_items'),
  );
}

/** The whole plan in subject order, for the export. */
export function allPlanItems(db: Executor): Promise<PlanItemRow[]> {
  return withNames(base(db))
    .orderBy('monitoring_plan_items.subject')
    .orderBy('monitoring_plan_items.id')
    .execute();
}

export async function insertPlanItem(
  trx: Transaction<DB>,
  id: string,
  columns: Required<PlanItemColumns>,
  now: string,
) {
  await trx
    .insertInto('monitoring_plan_items')
    .values({ id, ...columns, created_at: now, updated_at: now })
    .execute();
}

export async function updatePlanItem(
  trx: Transaction<DB>,
  id: string,
  columns: PlanItemColumns,
  now: string,
) {
  await trx
    .updateTable('monitoring_plan_items')
    .set({ ...columns, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deletePlanItem(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('monitoring_plan_items').where('id', '=', id).execute();
}

/** Each item's linked tests and objectives, sorted by id so the order is stable. */
export async function linksOf(db: Executor, itemIds: string[]): Promise<Map<string, Links>> {
  const map = new Map<string, Links>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('monitoring_plan_links')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('target_id')
    .execute();
  for (const row of rows) {
    const links = map.get(row.item_id) ?? { testIds: [], objectiveIds: [] };
    (row.target_type === 'test' ? links.testIds : links.objectiveIds).push(row.target_id);
    map.set(row.item_id, links);
  }
  return map;
}

export async function replaceLinkTargets(
  trx: Transaction<DB>,
  itemId: string,
  type: LinkType,
  ids: string[],
) {
  await trx
    .deleteFrom('monitoring_plan_links')
    .where('item_id', '=', itemId)
    .where('target_type', '=', type)
    .execute();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await trx
    .insertInto('monitoring_plan_links')
    .values(unique.map((target_id) => ({ item_id: itemId, target_type: type, target_id })))
    .execute();
}

/** Which of the given ids exist in a table, to name the missing ones. */
export async function existingIds(
  db: Executor,
  table: 'tests' | 'objectives',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function testsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tests')
    .select(['id', 'title', 'status', 'counts', 'last_run_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
