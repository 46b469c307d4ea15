import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB, RisksTable } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { ownedBase } from '../shared/owned.js';
import { type MatrixQuery, riskListSpec } from './schema.js';

export type RiskRow = RisksTable & {
  owner_name: string | null;
  scenario_title: string | null;
  approver_name: string | null;
};

/** Fully resolved values the service computed (defaults from the scenario, scores); the repository only stores. */
export interface RiskValues {
  title: string;
  description: string;
  scenario_id: string | null;
  likelihood: number;
  impact: number;
  residual_likelihood: number | null;
  residual_impact: number | null;
  treatment: string | null;
  treatment_plan: string;
  owner_id: string | null;
  due_date: string | null;
  status: string;
  accepted_by_id: string | null;
  accepted_at: string | null;
  acceptance_expires_at: string | null;
}

function base(db: Executor) {
  return ownedBase(db, 'risks')
    .leftJoin('risk_scenarios as scenario', 'scenario.id', 'risks.scenario_id')
    .leftJoin('people as approver', 'approver.id', 'risks.accepted_by_id');
}

const columns = [
  'owner.name as owner_name',
  'scenario.title as scenario_title',
  'approver.name as approver_name',
] as const;

export function findRisk(db: Executor, id: string): Promise<RiskRow | undefined> {
  return base(db).selectAll('risks').select(columns).where('risks.id', '=', id).executeTakeFirst() as Promise<
    RiskRow | undefined
  >;
}

export function listRisks(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<RiskRow>(
    base(db),
    riskListSpec,
    query,
    dialect,
    (q) => q.selectAll('risks').select(columns),
    db.selectFrom('risks'),
  );
}

export async function aiSystemIdsOf(db: Executor, riskIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (riskIds.length === 0) return map;
  const rows = await db
    .selectFrom('risk_ai_systems')
    .selectAll()
    .where('risk_id', 'in', riskIds)
    .orderBy('ai_system_id')
    .execute();
  for (const row of rows) map.set(row.risk_id, [...(map.get(row.risk_id) ?? []), row.ai_system_id]);
  return map;
}

function scored(values: RiskValues) {
  const residual =
    values.residual_likelihood !== null && values.residual_impact !== null
      ? values.residual_likelihood * values.residual_impact
      : null;
  return { ...values, inherent_score: values.likelihood * values.impact, residual_score: residual };
}

export async function insertRisk(
  trx: Transaction<DB>,
  id: string,
  values: RiskValues,
  aiSystemIds: string[],
  now: string,
) {
  await trx
    .insertInto('risks')
    .values({ id, ...scored(values), created_at: now, updated_at: now })
    .execute();
  await replaceRiskSystems(trx, id, aiSystemIds);
}

export async function updateRisk(
  trx: Transaction<DB>,
  id: string,
  values: RiskValues,
  aiSystemIds: string[] | undefined,
  now: string,
) {
  await trx
    .updateTable('risks')
    .set({ ...scored(values), updated_at: now })
    .where('id', '=', id)
    .execute();
  if (aiSystemIds) await replaceRiskSystems(trx, id, aiSystemIds);
}

async function replaceRiskSystems(trx: Transaction<DB>, riskId: string, aiSystemIds: string[]) {
  await trx.deleteFrom('risk_ai_systems').where('risk_id', '=', riskId).execute();
  const unique = [...new Set(aiSystemIds)];
  if (unique.length > 0) {
    await trx
      .insertInto('risk_ai_systems')
      .values(unique.map((ai_system_id) => ({ risk_id: riskId, ai_system_id })))
      .execute();
  }
}

export async function deleteRisk(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('risks').where('id', '=', id).execute();
}

/** Counts per likelihood × impact cell, grouped in the database. */
export async function countByCell(db: Executor, query: MatrixQuery) {
  const [l, i] =
    query.basis === 'residual'
      ? (['risks.residual_likelihood', 'risks.residual_impact'] as const)
      : (['risks.likelihood', 'risks.impact'] as const);
  let q = db
    .selectFrom('risks')
    .select((eb) => [
      sql.ref<number>(l).as('likelihood'),
      sql.ref<number>(i).as('impact'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where(l, 'is not', null)
    .groupBy([l, i]);
  if (query.status) q = q.where('risks.status', '=', query.status);
  if (query.ownerId) q = q.where('risks.owner_id', '=', query.ownerId);
  if (query.aiSystemId) {
    const aiSystemId = query.aiSystemId;
    q = q.where('risks.id', 'in', (eb) =>
      eb.selectFrom('risk_ai_systems').select('risk_id').where('ai_system_id', '=', aiSystemId),
    );
  }
  return q.execute();
}
