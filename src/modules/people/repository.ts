import type { ExpressionBuilder, Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import type { PersonCreate, PersonUpdate } from './schema.js';
import { peopleListSpec } from './schema.js';

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  job_title: string | null;
  department: string | null;
  manager_id: string | null;
  manager_name: string | null;
  active: boolean | number;
  has_login: number | boolean | null;
  created_at: string;
  updated_at: string;
}

function selectPeople(db: Executor) {
  return db
    .selectFrom('people')
    .leftJoin('people as manager', 'manager.id', 'people.manager_id')
    .selectAll('people')
    .select((eb) => ['manager.name as manager_name', hasLogin(eb)]);
}

// biome-ignore lint/suspicious/noExplicitAny: shared between the typed read and the generic list query
function hasLogin(eb: ExpressionBuilder<DB, any>) {
  return eb
    .exists(eb.selectFrom('users').select('users.id').whereRef('users.person_id', '=', 'people.id'))
    .as('has_login');
}

export function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  return selectPeople(db).where('people.id', '=', id).executeTakeFirst() as Promise<PersonRow | undefined>;
}

export function findPersonByEmail(db: Executor, email: string) {
  return db.selectFrom('people').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function listPeople(db: Executor, dialect: Dialect, query: ListQuery) {
  const params =
    query.active === undefined ? query : { ...query, active: dialect.bool(query.active === 'true') };
  const base = db.selectFrom('people').leftJoin('people as manager', 'manager.id', 'people.manager_id');
  return runList<PersonRow>(base, peopleListSpec, params, dialect, (q) =>
    q.selectAll('people').select((eb) => ['manager.name as manager_name', hasLogin(eb)]),
  );
}

export async function insertPerson(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: PersonCreate,
  now: string,
): Promise<void> {
  await trx
    .insertInto('people')
    .values({
      id,
      name: input.name,
      email: input.email,
      job_title: input.jobTitle ?? null,
      department: input.department ?? null,
      manager_id: input.managerId ?? null,
      active: dialect.bool(input.active ?? true),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updatePerson(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: PersonUpdate,
  now: string,
): Promise<void> {
  await trx
    .updateTable('people')
    .set({
      name: input.name,
      email: input.email,
      job_title: input.jobTitle,
      department: input.department,
      manager_id: input.managerId,
      active: input.active === undefined ? undefined : dialect.bool(input.active),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deletePerson(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('people').where('id', '=', id).execute();
}
