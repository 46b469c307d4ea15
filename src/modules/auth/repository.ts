import type { Executor } from '../../db/database.js';

export interface AccountRow {
  userId: string;
  personId: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  userActive: boolean | number;
  personActive: boolean | number;
}

function accounts(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('people', 'people.id', 'users.person_id')
    .select([
      'users.id as userId',
      'users.person_id as personId',
      'people.email as email',
      'people.name as name',
      'users.role as role',
      'users.password_hash as passwordHash',
      'users.active as userActive',
      'people.active as personActive',
    ]);
}

export function accountByEmail(db: Executor, email: string): Promise<AccountRow | undefined> {
  return accounts(db).where('people.email', '=', email.toLowerCase()).executeTakeFirst();
}

export function accountByUserId(db: Executor, userId: string): Promise<AccountRow | undefined> {
  return accounts(db).where('users.id', '=', userId).executeTakeFirst();
}

export function sessionById(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function tokenByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}
