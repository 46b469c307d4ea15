import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { PoliciesTable } from '../../db/schema-policies.js';
import { type ListQuery, runList } from '../shared/list.js';
import { ownedBase } from '../shared/owned.js';
import { policyListSpec } from './schema.js';

export type PolicyRow = PoliciesTable & { owner_name: string | null };

export function findPolicy(db: Executor, id: string): Promise<PolicyRow | undefined> {
  return ownedBase(db, 'policies')
    .selectAll('policies')
    .select('owner.name as owner_name')
    .where('policies.id', '=', id)
    .executeTakeFirst() as Promise<PolicyRow | undefined>;
}

/** Members only ever see policies with a version in force. */
export function listPolicies(db: Executor, dialect: Dialect, query: ListQuery, publishedOnly: boolean) {
  const scoped = (q: ReturnType<typeof ownedBase>) =>
    publishedOnly
      ? q.where('policies.published_version', 'is not', null).where('policies.status', '!=', 'retired')
      : q;
  return runList<PolicyRow>(
    scoped(ownedBase(db, 'policies')),
    policyListSpec,
    query,
    dialect,
    (q) => q.selectAll('policies').select('owner.name as owner_name'),
    publishedOnly
      ? db.selectFrom('policies').where('published_version', 'is not', null).where('status', '!=', 'retired')
      : db.selectFrom('policies'),
  );
}

export async function insertPolicy(trx: Transaction<DB>, row: PoliciesTable) {
  await trx.insertInto('policies').values(row).execute();
}

export async function updatePolicy(trx: Transaction<DB>, id: string, changes: Partial<PoliciesTable>) {
  await trx.updateTable('policies').set(changes).where('id', '=', id).execute();
}

export async function deletePolicy(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('policies').where('id', '=', id).execute();
}

export function listVersions(db: Executor, policyId: string) {
  return db
    .selectFrom('policy_versions')
    .selectAll()
    .where('policy_id', '=', policyId)
    .orderBy('version', 'desc')
    .execute();
}

export function findVersion(db: Executor, policyId: string, version: number) {
  return db
    .selectFrom('policy_versions')
    .selectAll()
    .where('policy_id', '=', policyId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Assigned and acknowledged counts of each policy's version in force. */
export async function acknowledgementCounts(db: Executor, policies: Array<{ id: string; version: number }>) {
  const counts = new Map<string, { assigned: number; acknowledged: number }>();
  if (policies.length === 0) return counts;
  const rows = await db
    .selectFrom('policy_acknowledgements as a')
    .innerJoin('policies as p', (join) =>
      join.onRef('p.id', '=', 'a.policy_id').onRef('p.published_version', '=', 'a.version'),
    )
    .select([
      'a.policy_id',
      (eb) => eb.fn.countAll<number>().as('assigned'),
      (eb) => eb.fn.count<number>('a.acknowledged_at').as('acknowledged'),
    ])
    .where(
      'a.policy_id',
      'in',
      policies.map((p) => p.id),
    )
    .groupBy('a.policy_id')
    .execute();
  for (const row of rows)
    counts.set(row.policy_id, { assigned: Number(row.assigned), acknowledged: Number(row.acknowledged) });
  return counts;
}

/** The person's own acknowledgements of the versions in force. */
export async function ownAcknowledgements(db: Executor, personId: string | null, policyIds: string[]) {
  if (!personId || policyIds.length === 0)
    return new Map<string, { version: number; due_on: string; acknowledged_at: string | null }>();
  const rows = await db
    .selectFrom('policy_acknowledgements as a')
    .innerJoin('policies as p', (join) =>
      join.onRef('p.id', '=', 'a.policy_id').onRef('p.published_version', '=', 'a.version'),
    )
    .select(['a.policy_id', 'a.version', 'a.due_on', 'a.acknowledged_at'])
    .where('a.person_id', '=', personId)
    .where('a.policy_id', 'in', policyIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.policy_id,
      { version: Number(r.version), due_on: r.due_on, acknowledged_at: r.acknowledged_at },
    ]),
  );
}

/** The text in force of each policy, in one query. */
export async function publishedBodies(
  db: Executor,
  rows: Array<{ id: string; published_version: number | null }>,
) {
  const wanted = rows.filter((r) => r.published_version !== null);
  if (wanted.length === 0) return new Map<string, string>();
  const versions = await db
    .selectFrom('policy_versions')
    .select(['policy_id', 'version', 'body'])
    .where(
      'policy_id',
      'in',
      wanted.map((r) => r.id),
    )
    .execute();
  const inForce = new Map(wanted.map((r) => [r.id, Number(r.published_version)]));
  return new Map(
    versions.filter((v) => inForce.get(v.policy_id) === Number(v.version)).map((v) => [v.policy_id, v.body]),
  );
}
