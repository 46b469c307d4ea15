import type { Db, Executor } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import { aiSystemsUsing } from '../shared/linked-systems.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { presentVendor } from './presenter.js';
import { deleteVendor, findVendor, insertVendor, listVendors, updateVendor } from './repository.js';
import type { Vendor, VendorCreate, VendorListQuery, VendorUpdate } from './schema.js';

async function loadVendor(db: Executor, id: string): Promise<Vendor | undefined> {
  const row = await findVendor(db, id);
  return row && presentVendor(row, await aiSystemsUsing(db, 'ai_system_vendors', [id]));
}

export function createVendorsService(db: Db) {
  const register = createRegisterService<VendorCreate, VendorUpdate, Vendor>(db, {
    entityType: 'vendor',
    label: 'vendor',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadVendor,
    validate: (executor, input) =>
      assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]),
    insert: (trx, id, input, now) => insertVendor(trx, db.dialect, id, input, now),
    patch: (trx, id, input, now, existing) => updateVendor(trx, db.dialect, id, input, now, existing),
    remove: deleteVendor,
  });

  return {
    ...register,
    async list(actor: Actor, query: VendorListQuery): Promise<ListPage<Vendor>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listVendors(db.kysely, db.dialect, query);
      const usedBy = await aiSystemsUsing(
        db.kysely,
        'ai_system_vendors',
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) => presentVendor(row, usedBy)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}

export type VendorsService = ReturnType<typeof createVendorsService>;
