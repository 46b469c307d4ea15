import type { Db } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { createRegisterService } from '../shared/register-service.js';
import { createActionService } from './action-service.js';
import { createCheckService } from './check-service.js';
import { loadNonconformity, presentRows } from './load.js';
import {
  insertNonconformityRows,
  patchNonconformityRows,
  validateNonconformity,
} from './nonconformity-writes.js';
import { buildPlan } from './plan.js';
import type { Plan } from './plan-schema.js';
import { deleteNonconformity, listNonconformities, unraisedFindings } from './repository.js';
import type {
  Nonconformity,
  NonconformityCreate,
  NonconformityListQuery,
  NonconformityUpdate,
} from './schema.js';

/** Nonconformities and corrective action (ISO/IEC 42001 10.2): the register, its checks, actions and plan. */
export function createNonconformitiesService(db: Db) {
  const register = createRegisterService<NonconformityCreate, NonconformityUpdate, Nonconformity>(db, {
    entityType: 'nonconformity',
    label: 'nonconformity',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadNonconformity,
    validate: validateNonconformity,
    insert: (trx, id, input, now, actor) => insertNonconformityRows(trx, db, id, input, now, actor),
    patch: patchNonconformityRows,
    remove: deleteNonconformity,
  });
  const checks = createCheckService(db);

  return {
    get: register.get,
    create: register.create,
    update: register.update,
    remove: register.remove,

    async list(actor: Actor, query: NonconformityListQuery): Promise<ListPage<Nonconformity>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listNonconformities(db.kysely, db.dialect, query);
      return { items: await presentRows(db.kysely, rows), total, limit: query.limit, offset: query.offset };
    },

    /** Minor and major audit findings waiting to be raised as nonconformities. */
    async unraisedFindings(actor: Actor) {
      authorize(actor, 'records:read');
      return unraisedFindings(db.kysely);
    },

    planCheck: checks.plan,
    recordCheck: checks.record,
    actions: createActionService(db),

    async plan(actor: Actor): Promise<Plan> {
      authorize(actor, 'records:read');
      return buildPlan(db.kysely);
    },
  };
}

export type NonconformitiesService = ReturnType<typeof createNonconformitiesService>;
