import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DatasetsTable, DB } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { ownedBase } from '../shared/owned.js';
import type { DatasetCreate, DatasetUpdate } from './schema.js';
import { datasetListSpec } from './schema.js';

export type DatasetRow = DatasetsTable & { owner_name: string | null };

export function findDataset(db: Executor, id: string): Promise<DatasetRow | undefined> {
  return ownedBase(db, 'datasets')
    .selectAll('datasets')
    .select('owner.name as owner_name')
    .where('datasets.id', '=', id)
    .executeTakeFirst() as Promise<DatasetRow | undefined>;
}

export function listDatasets(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<DatasetRow>(
    ownedBase(db, 'datasets'),
    datasetListSpec,
    query,
    dialect,
    (q) => q.selectAll('datasets').select('owner.name as owner_name'),
    db.selectFrom('datasets'),
  );
}

function columns(input: DatasetUpdate) {
  return {
    name: input.name,
    description: input.description,
    source: input.source,
    provenance: input.provenance,
    licence: input.licence,
    personal_data_categories: input.personalDataCategories && JSON.stringify(input.personalDataCategories),
    owner_id: input.ownerId,
    quality_notes: input.qualityNotes,
    record_count: input.recordCount,
    size_bytes: input.sizeBytes,
  };
}

export async function insertDataset(trx: Transaction<DB>, id: string, input: DatasetCreate, now: string) {
  const c = columns(input);
  await trx
    .insertInto('datasets')
    .values({
      id,
      name: input.name,
      description: c.description ?? '',
      source: c.source ?? '',
      provenance: c.provenance ?? '',
      licence: c.licence ?? '',
      personal_data_categories: c.personal_data_categories ?? '[]',
      owner_id: c.owner_id ?? null,
      quality_notes: c.quality_notes ?? '',
      record_count: c.record_count ?? null,
      size_bytes: c.size_bytes ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateDataset(trx: Transaction<DB>, id: string, input: DatasetUpdate, now: string) {
  await trx
    .updateTable('datasets')
    .set({ ...columns(input), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteDataset(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('datasets').where('id', '=', id).execute();
}
