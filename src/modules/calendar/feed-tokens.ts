import type { Executor } from '../../db/database.js';

const COLUMNS = ['id', 'user_id', 'token_prefix', 'last_used_at', 'created_at'] as const;

/** A user's one active feed token (a new one revokes the old). The hash never leaves this file. */
export function activeFeedToken(db: Executor, userId: string) {
  return db
    .selectFrom('calendar_feed_tokens')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function feedTokenByHash(db: Executor, hash: string) {
  return db
    .selectFrom('calendar_feed_tokens')
    .select(COLUMNS)
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeFeedTokens(db: Executor, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('calendar_feed_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertFeedToken(
  db: Executor,
  row: { id: string; user_id: string; token_hash: string; token_prefix: string; created_at: string },
): Promise<void> {
  await db.insertInto('calendar_feed_tokens').values(row).execute();
}

export async function touchFeedToken(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('calendar_feed_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
