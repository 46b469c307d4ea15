import type { Db, Executor } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { createRegisterService } from '../shared/register-service.js';
import { groupAssignments, presentAimsRole } from './presenter.js';
import {
  assignmentsOf,
  deleteAimsRole,
  findAimsRole,
  insertAimsRole,
  listAimsRoles,
  updateAimsRole,
} from './repository.js';
import type { AimsRole, AimsRoleCreate, AimsRoleListQuery, AimsRoleUpdate } from './schema.js';
import { validateAimsRole } from './validate.js';

async function loadAimsRole(db: Executor, id: string): Promise<AimsRole | undefined> {
  const row = await findAimsRole(db, id);
  return row && presentAimsRole(row, await assignmentsOf(db, [id]));
}

/** The AIMS roles and who holds them (clause 5.3, A.3.2): configured by managers, read by everyone else. */
export function createAimsRolesService(db: Db) {
  const register = createRegisterService<AimsRoleCreate, AimsRoleUpdate, AimsRole>(db, {
    entityType: 'aims_role',
    label: 'AIMS role',
    permissions: { read: 'records:read', write: 'aims:configure', delete: 'aims:configure' },
    load: loadAimsRole,
    validate: (executor, input, existing) => validateAimsRole(executor, db.dialect, input, existing),
    insert: (trx, id, input, now) => insertAimsRole(trx, db.dialect, id, input, now),
    patch: (trx, id, input, now) => updateAimsRole(trx, db.dialect, id, input, now),
    remove: deleteAimsRole,
  });

  return {
    ...register,
    async list(actor: Actor, query: AimsRoleListQuery): Promise<ListPage<AimsRole>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listAimsRoles(db.kysely, db.dialect, query);
      const byRole = groupAssignments(
        await assignmentsOf(
          db.kysely,
          rows.map((r) => r.id),
        ),
      );
      return {
        items: rows.map((row) => presentAimsRole(row, byRole.get(row.id) ?? [])),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}

export type AimsRolesService = ReturnType<typeof createAimsRolesService>;
