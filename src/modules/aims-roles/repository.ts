import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { AimsRolesTable } from '../../db/schema-accountability.js';
import { type ListQuery, runList } from '../shared/list.js';
import type { AimsRoleAssignment, AimsRoleCreate, AimsRoleUpdate } from './schema.js';
import { aimsRoleListSpec } from './schema.js';

export type AimsRoleRow = AimsRolesTable;

export interface AssignmentRow {
  role_id: string;
  person_id: string;
  raci: string;
  person_name: string;
  person_active: boolean | number;
}

export function findAimsRole(db: Executor, id: string): Promise<AimsRoleRow | undefined> {
  return db.selectFrom('aims_roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRoleByName(db: Executor, name: string) {
  return db
    .selectFrom('aims_roles')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export function findAimsOwnerRole(db: Executor, dialect: Dialect) {
  return db
    .selectFrom('aims_roles')
    .select(['id', 'name'])
    .where('aims_owner', '=', dialect.bool(true))
    .executeTakeFirst();
}

export function assignmentsOf(db: Executor, roleIds: string[]): Promise<AssignmentRow[]> {
  if (roleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('aims_role_assignments')
    .innerJoin('people', 'people.id', 'aims_role_assignments.person_id')
    .select([
      'aims_role_assignments.role_id',
      'aims_role_assignments.person_id',
      'aims_role_assignments.raci',
      'people.name as person_name',
      'people.active as person_active',
    ])
    .where('aims_role_assignments.role_id', 'in', roleIds)
    .orderBy('people.name')
    .orderBy('people.id')
    .execute();
}

/** The accountable person of the AIMS owner role, if that person is still active. */
export async function aimsOwnerAccountable(db: Executor, dialect: Dialect): Promise<string | null> {
  const row = await db
    .selectFrom('aims_role_assignments')
    .innerJoin('aims_roles', 'aims_roles.id', 'aims_role_assignments.role_id')
    .innerJoin('people', 'people.id', 'aims_role_assignments.person_id')
    .select('aims_role_assignments.person_id')
    .where('aims_roles.aims_owner', '=', dialect.bool(true))
    .where('aims_role_assignments.raci', '=', 'accountable')
    .where('people.active', '=', dialect.bool(true))
    .executeTakeFirst();
  return row?.person_id ?? null;
}

export function listAimsRoles(db: Executor, dialect: Dialect, query: ListQuery) {
  const params =
    query.aimsOwner === undefined ? query : { ...query, aimsOwner: dialect.bool(query.aimsOwner === 'true') };
  return runList<AimsRoleRow>(db.selectFrom('aims_roles'), aimsRoleListSpec, params, dialect, (q) =>
    q.selectAll('aims_roles'),
  );
}

async function replaceAssignments(trx: Transaction<DB>, roleId: string, assignments: AimsRoleAssignment[]) {
  await trx.deleteFrom('aims_role_assignments').where('role_id', '=', roleId).execute();
  if (assignments.length === 0) return;
  await trx
    .insertInto('aims_role_assignments')
    .values(assignments.map((a) => ({ role_id: roleId, person_id: a.personId, raci: a.raci })))
    .execute();
}

export async function insertAimsRole(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: AimsRoleCreate,
  now: string,
) {
  await trx
    .insertInto('aims_roles')
    .values({
      id,
      name: input.name,
      description: input.description ?? '',
      responsibilities: input.responsibilities ?? '',
      iso_refs: JSON.stringify(input.isoRefs ?? []),
      aims_owner: dialect.bool(input.aimsOwner ?? false),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceAssignments(trx, id, input.assignments ?? []);
}

export async function updateAimsRole(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: AimsRoleUpdate,
  now: string,
) {
  await trx
    .updateTable('aims_roles')
    .set({
      name: input.name,
      description: input.description,
      responsibilities: input.responsibilities,
      iso_refs: input.isoRefs && JSON.stringify(input.isoRefs),
      aims_owner: input.aimsOwner === undefined ? undefined : dialect.bool(input.aimsOwner),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  if (input.assignments) await replaceAssignments(trx, id, input.assignments);
}

export async function deleteAimsRole(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('aims_roles').where('id', '=', id).execute();
}
