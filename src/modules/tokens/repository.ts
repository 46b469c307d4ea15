import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ApiTokensTable, DB } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { tokenListSpec } from './schema.js';

export type TokenRow = Omit<ApiTokensTable, 'token_hash'> & { email: string; role: string };

const base = (db: Executor) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .innerJoin('people', 'people.id', 'users.person_id');

// The hash is deliberately not selected: nothing above the repository ever sees it.
const columns = [
  'api_tokens.id',
  'api_tokens.user_id',
  'api_tokens.name',
  'api_tokens.token_prefix',
  'api_tokens.expires_at',
  'api_tokens.revoked_at',
  'api_tokens.last_used_at',
  'api_tokens.created_at',
  'api_tokens.updated_at',
  'people.email',
  'users.role',
] as const;

export function findToken(db: Executor, id: string): Promise<TokenRow | undefined> {
  return base(db).select(columns).where('api_tokens.id', '=', id).executeTakeFirst();
}

export function listTokens(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<TokenRow>(base(db), tokenListSpec, query, dialect, (q) => q.select(columns));
}

export async function insertToken(
  trx: Transaction<DB>,
  row: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    token_prefix: string;
    expires_at: string | null;
  },
  now: string,
) {
  await trx
    .insertInto('api_tokens')
    .values({ ...row, revoked_at: null, last_used_at: null, created_at: now, updated_at: now })
    .execute();
}

export async function revokeToken(trx: Transaction<DB>, id: string, now: string) {
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}
