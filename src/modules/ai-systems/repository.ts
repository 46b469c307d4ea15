import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { AiSystemsTable, DB } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { replaceLinks } from '../shared/references.js';
import type { AiSystemCreate, AiSystemUpdate } from './schema.js';
import { aiSystemListSpec } from './schema.js';

export type AiSystemRow = AiSystemsTable & { owner_name: string | null };

export interface AiSystemLinks {
  datasetIds: Map<string, string[]>;
  vendorIds: Map<string, string[]>;
  riskCounts: Map<string, number>;
}

const base = (db: Executor) =>
  db.selectFrom('ai_systems').leftJoin('people as owner', 'owner.id', 'ai_systems.owner_id');

export function findAiSystem(db: Executor, id: string): Promise<AiSystemRow | undefined> {
  return base(db)
    .selectAll('ai_systems')
    .select('owner.name as owner_name')
    .where('ai_systems.id', '=', id)
    .executeTakeFirst();
}

export function listAiSystems(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<AiSystemRow>(
    base(db),
    aiSystemListSpec,
    query,
    dialect,
    (q) => q.selectAll('ai_systems').select('owner.name as owner_name'),
    db.selectFrom('ai_systems'),
  );
}

/** Loads the many-to-many links of a page of systems in three queries, not three per system. */
export async function loadLinks(db: Executor, ids: string[]): Promise<AiSystemLinks> {
  const links: AiSystemLinks = { datasetIds: new Map(), vendorIds: new Map(), riskCounts: new Map() };
  if (ids.length === 0) return links;
  const [datasets, vendors, risks] = await Promise.all([
    db
      .selectFrom('ai_system_datasets')
      .selectAll()
      .where('ai_system_id', 'in', ids)
      .orderBy('target_id')
      .execute(),
    db
      .selectFrom('ai_system_vendors')
      .selectAll()
      .where('ai_system_id', 'in', ids)
      .orderBy('target_id')
      .execute(),
    db
      .selectFrom('risk_ai_systems')
      .select((eb) => ['ai_system_id', eb.fn.countAll<number>().as('count')])
      .where('ai_system_id', 'in', ids)
      .groupBy('ai_system_id')
      .execute(),
  ]);
  for (const row of datasets)
    links.datasetIds.set(row.ai_system_id, [
      ...(links.datasetIds.get(row.ai_system_id) ?? []),
      row.target_id,
    ]);
  for (const row of vendors)
    links.vendorIds.set(row.ai_system_id, [...(links.vendorIds.get(row.ai_system_id) ?? []), row.target_id]);
  for (const row of risks) links.riskCounts.set(row.ai_system_id, Number(row.count));
  return links;
}

function columns(input: AiSystemUpdate) {
  return {
    name: input.name,
    description: input.description,
    intended_purpose: input.intendedPurpose,
    lifecycle_stage: input.lifecycleStage,
    organisation_role: input.organisationRole,
    risk_tier: input.riskTier,
    affected_persons: input.affectedPersons && JSON.stringify(input.affectedPersons),
    decision_autonomy: input.decisionAutonomy,
    human_oversight: input.humanOversight,
    deployment_environment: input.deploymentEnvironment,
    business_unit: input.businessUnit,
    owner_id: input.ownerId,
    models:
      input.models &&
      JSON.stringify(
        input.models.map((m) => ({
          name: m.name,
          version: m.version ?? null,
          providerVendorId: m.providerVendorId ?? null,
          baseModel: m.baseModel ?? null,
        })),
      ),
    deployed_at: input.deployedAt,
    last_reviewed_at: input.lastReviewedAt,
    next_review_due: input.nextReviewDue,
  };
}

export async function insertAiSystem(trx: Transaction<DB>, id: string, input: AiSystemCreate, now: string) {
  const c = columns(input);
  await trx
    .insertInto('ai_systems')
    .values({
      id,
      name: input.name,
      description: c.description ?? '',
      intended_purpose: c.intended_purpose ?? '',
      lifecycle_stage: c.lifecycle_stage ?? 'idea',
      organisation_role: c.organisation_role ?? 'deployer',
      risk_tier: c.risk_tier ?? 'unassessed',
      affected_persons: c.affected_persons ?? '[]',
      decision_autonomy: c.decision_autonomy ?? null,
      human_oversight: c.human_oversight ?? '',
      deployment_environment: c.deployment_environment ?? '',
      business_unit: c.business_unit ?? '',
      owner_id: c.owner_id ?? null,
      models: c.models ?? '[]',
      deployed_at: c.deployed_at ?? null,
      last_reviewed_at: c.last_reviewed_at ?? null,
      next_review_due: c.next_review_due ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await writeLinks(trx, id, input);
}

export async function updateAiSystem(trx: Transaction<DB>, id: string, input: AiSystemUpdate, now: string) {
  await trx
    .updateTable('ai_systems')
    .set({ ...columns(input), updated_at: now })
    .where('id', '=', id)
    .execute();
  await writeLinks(trx, id, input);
}

async function writeLinks(trx: Transaction<DB>, id: string, input: AiSystemUpdate) {
  if (input.datasetIds) await replaceLinks(trx, 'ai_system_datasets', id, input.datasetIds);
  if (input.vendorIds) await replaceLinks(trx, 'ai_system_vendors', id, input.vendorIds);
}

export async function deleteAiSystem(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('ai_systems').where('id', '=', id).execute();
}
