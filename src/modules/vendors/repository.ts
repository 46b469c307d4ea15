import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB, VendorsTable } from '../../db/schema.js';
import { addMonths } from '../../lib/time.js';
import { type ListQuery, runList } from '../shared/list.js';
import { ownedBase } from '../shared/owned.js';
import type { Vendor, VendorCreate, VendorUpdate } from './schema.js';
import { vendorListSpec } from './schema.js';

export type VendorRow = VendorsTable & { owner_name: string | null };

export function findVendor(db: Executor, id: string): Promise<VendorRow | undefined> {
  return ownedBase(db, 'vendors')
    .selectAll('vendors')
    .select('owner.name as owner_name')
    .where('vendors.id', '=', id)
    .executeTakeFirst() as Promise<VendorRow | undefined>;
}

export function listVendors(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<VendorRow>(
    ownedBase(db, 'vendors'),
    vendorListSpec,
    query,
    dialect,
    (q) => q.selectAll('vendors').select('owner.name as owner_name'),
    db.selectFrom('vendors'),
  );
}

const nextReviewDue = (lastReviewAt: string | null, cadence: number) =>
  lastReviewAt ? addMonths(lastReviewAt, cadence) : null;

function columns(input: VendorUpdate, dialect: Dialect) {
  return {
    name: input.name,
    website: input.website,
    services: input.services,
    models_provided: input.modelsProvided && JSON.stringify(input.modelsProvided),
    criticality: input.criticality,
    contract_status: input.contractStatus,
    dpa_status: input.dpaStatus,
    sla_summary: input.slaSummary,
    intended_use_approved:
      input.intendedUseApproved === undefined ? undefined : dialect.bool(input.intendedUseApproved),
    review_cadence_months: input.reviewCadenceMonths,
    last_review_at: input.lastReviewAt,
    owner_id: input.ownerId,
  };
}

export async function insertVendor(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: VendorCreate,
  now: string,
) {
  const c = columns(input, dialect);
  const cadence = input.reviewCadenceMonths ?? 12;
  await trx
    .insertInto('vendors')
    .values({
      id,
      name: input.name,
      website: c.website ?? null,
      services: c.services ?? '',
      models_provided: c.models_provided ?? '[]',
      criticality: c.criticality ?? 'medium',
      contract_status: c.contract_status ?? 'none',
      dpa_status: c.dpa_status ?? 'pending',
      sla_summary: c.sla_summary ?? '',
      intended_use_approved: c.intended_use_approved ?? dialect.bool(false),
      review_cadence_months: cadence,
      last_review_at: c.last_review_at ?? null,
      next_review_due: nextReviewDue(input.lastReviewAt ?? null, cadence),
      owner_id: c.owner_id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateVendor(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: VendorUpdate,
  now: string,
  existing: Vendor,
) {
  const lastReviewAt = input.lastReviewAt === undefined ? existing.lastReviewAt : input.lastReviewAt;
  const cadence = input.reviewCadenceMonths ?? existing.reviewCadenceMonths;
  await trx
    .updateTable('vendors')
    .set({
      ...columns(input, dialect),
      next_review_due: nextReviewDue(lastReviewAt, cadence),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteVendor(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('vendors').where('id', '=', id).execute();
}
