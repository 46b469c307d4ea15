import type { Db, Executor } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import { aiSystemsUsing } from '../shared/linked-systems.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { presentDataset } from './presenter.js';
import { deleteDataset, findDataset, insertDataset, listDatasets, updateDataset } from './repository.js';
import type { Dataset, DatasetCreate, DatasetListQuery, DatasetUpdate } from './schema.js';

async function loadDataset(db: Executor, id: string): Promise<Dataset | undefined> {
  const row = await findDataset(db, id);
  return row && presentDataset(row, await aiSystemsUsing(db, 'ai_system_datasets', [id]));
}

export function createDatasetsService(db: Db) {
  const register = createRegisterService<DatasetCreate, DatasetUpdate, Dataset>(db, {
    entityType: 'dataset',
    label: 'dataset',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadDataset,
    validate: (executor, input) =>
      assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]),
    insert: (trx, id, input, now) => insertDataset(trx, id, input, now),
    patch: (trx, id, input, now) => updateDataset(trx, id, input, now),
    remove: deleteDataset,
  });

  return {
    ...register,
    async list(actor: Actor, query: DatasetListQuery): Promise<ListPage<Dataset>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listDatasets(db.kysely, db.dialect, query);
      const usedBy = await aiSystemsUsing(
        db.kysely,
        'ai_system_datasets',
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) => presentDataset(row, usedBy)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}

export type DatasetsService = ReturnType<typeof createDatasetsService>;
