import type { Db, Executor } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { presentAiSystem } from './presenter.js';
import {
  deleteAiSystem,
  findAiSystem,
  insertAiSystem,
  listAiSystems,
  loadLinks,
  updateAiSystem,
} from './repository.js';
import type { AiSystem, AiSystemCreate, AiSystemListQuery, AiSystemUpdate } from './schema.js';

async function loadAiSystem(db: Executor, id: string): Promise<AiSystem | undefined> {
  const row = await findAiSystem(db, id);
  return row && presentAiSystem(row, await loadLinks(db, [id]));
}

function validateAiSystem(db: Executor, input: Partial<AiSystemCreate>): Promise<void> {
  return assertReferences(db, [
    { field: 'ownerId', table: 'people', ids: input.ownerId },
    { field: 'datasetIds', table: 'datasets', ids: input.datasetIds },
    { field: 'vendorIds', table: 'vendors', ids: input.vendorIds },
    ...(input.models ?? []).map((model, index) => ({
      field: `models[${index}].providerVendorId`,
      table: 'vendors' as const,
      ids: model.providerVendorId,
    })),
  ]);
}

export function createAiSystemsService(db: Db) {
  const register = createRegisterService<AiSystemCreate, AiSystemUpdate, AiSystem>(db, {
    entityType: 'ai_system',
    label: 'AI system',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadAiSystem,
    validate: validateAiSystem,
    insert: (trx, id, input, now) => insertAiSystem(trx, id, input, now),
    patch: (trx, id, input, now) => updateAiSystem(trx, id, input, now),
    remove: deleteAiSystem,
  });

  return {
    ...register,
    async list(actor: Actor, query: AiSystemListQuery): Promise<ListPage<AiSystem>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listAiSystems(db.kysely, db.dialect, query);
      const links = await loadLinks(
        db.kysely,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) => presentAiSystem(row, links)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}

export type AiSystemsService = ReturnType<typeof createAiSystemsService>;
