import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { userListSpec } from './schema.js';

export interface UserRow {
  id: string;
  person_id: string;
  role: string;
  password_hash: string | null;
  active: boolean | number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  email: string;
  name: string;
}

const base = (db: Executor) => db.selectFrom('users').innerJoin('people', 'people.id', 'users.person_id');

export function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  return base(db)
    .selectAll('users')
    .select(['people.email', 'people.name'])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export function findUserByPerson(db: Executor, personId: string) {
  return db.selectFrom('users').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export function listUsers(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<UserRow>(base(db), userListSpec, query, dialect, (q) =>
    q.selectAll('users').select(['people.email', 'people.name']),
  );
}

export async function countActiveAdmins(db: Executor, dialect: Dialect): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', dialect.bool(true))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertUser(
  trx: Transaction<DB>,
  row: {
    id: string;
    person_id: string;
    role: string;
    password_hash: string | null;
    active: boolean | number;
  },
  now: string,
) {
  await trx
    .insertInto('users')
    .values({ ...row, last_login_at: null, created_at: now, updated_at: now })
    .execute();
}

export async function updateUser(
  trx: Transaction<DB>,
  id: string,
  set: { role?: string; active?: boolean | number; password_hash?: string },
  now: string,
) {
  await trx
    .updateTable('users')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Signing out everywhere: used when a password changes or an account is deactivated. */
export async function deleteSessionsOf(trx: Transaction<DB>, userId: string) {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteUser(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('users').where('id', '=', id).execute();
}
