import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { UnauthenticatedError } from '../../lib/errors.js';
import { nowIso } from '../../lib/time.js';
import { feedTokenByHash, touchFeedToken } from '../calendar/feed-tokens.js';
import type { Actor } from '../shared/actor.js';
import type { Role } from './permissions.js';
import { type AccountRow, accountByEmail, accountByUserId, sessionById, tokenByHash } from './repository.js';
import {
  dummyPasswordHash,
  FEED_TOKEN_PREFIX,
  randomToken,
  safeEqual,
  sha256Hex,
  TOKEN_PREFIX,
  verifyPassword,
} from './secrets.js';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

function actorFor(account: AccountRow, type: Actor['type'], tokenId?: string): Actor {
  return {
    type,
    userId: account.userId,
    personId: account.personId,
    role: account.role as Role,
    label: account.email,
    ...(tokenId ? { tokenId } : {}),
  };
}

const isActive = (account: AccountRow) => readBool(account.userActive) && readBool(account.personActive);

export function createAuthService(db: Db, options: { sessionTtlMs: number }) {
  return {
    /** Returns the new session's raw token (for the cookie) or throws 401 with one message for every failure. */
    async login(
      email: string,
      password: string,
    ): Promise<{ token: string; csrfToken: string; actor: Actor }> {
      const account = await accountByEmail(db.kysely, email);
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!account || !ok || !isActive(account))
        throw new UnauthenticatedError('Email or password is incorrect.');
      const token = randomToken();
      const csrfToken = randomToken(24);
      const now = nowIso();
      await db.transaction(async (trx) => {
        await trx.deleteFrom('sessions').where('expires_at', '<', now).execute();
        await trx
          .insertInto('sessions')
          .values({
            id: sha256Hex(token),
            user_id: account.userId,
            csrf_token: csrfToken,
            created_at: now,
            expires_at: new Date(Date.now() + options.sessionTtlMs).toISOString(),
          })
          .execute();
        await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', account.userId).execute();
      });
      return { token, csrfToken, actor: actorFor(account, 'user') };
    },

    async logout(sessionId: string): Promise<void> {
      await db.kysely.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },

    async fromSessionToken(token: string): Promise<SessionInfo | undefined> {
      const sessionId = sha256Hex(token);
      const session = await sessionById(db.kysely, sessionId);
      if (!session || session.expires_at <= nowIso()) return undefined;
      const account = await accountByUserId(db.kysely, session.user_id);
      if (!account || !isActive(account)) return undefined;
      return { actor: actorFor(account, 'user'), csrfToken: session.csrf_token, sessionId };
    },

    async fromApiToken(token: string): Promise<Actor | undefined> {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const row = await tokenByHash(db.kysely, sha256Hex(token));
      const now = nowIso();
      if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return undefined;
      const account = await accountByUserId(db.kysely, row.user_id);
      if (!account || !isActive(account)) return undefined;
      // Best effort and coarse (once a minute), so read-heavy API use does not turn into writes.
      if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
        await db.kysely
          .updateTable('api_tokens')
          .set({ last_used_at: now })
          .where('id', '=', row.id)
          .execute();
      }
      return actorFor(account, 'token', row.id);
    },

    /** A calendar feed token: valid only on routes that declare `calendarFeed` (the auth hook checks). */
    async fromCalendarFeedToken(token: string): Promise<Actor | undefined> {
      if (!token.startsWith(FEED_TOKEN_PREFIX)) return undefined;
      const row = await feedTokenByHash(db.kysely, sha256Hex(token));
      if (!row) return undefined;
      const account = await accountByUserId(db.kysely, row.user_id);
      if (!account || !isActive(account)) return undefined;
      const now = nowIso();
      // Calendar apps poll; a coarse last-used time is enough and avoids a write per poll.
      if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
        await touchFeedToken(db.kysely, row.id, now);
      }
      return actorFor(account, 'token', row.id);
    },

    async csrfForSession(sessionId: string): Promise<string | undefined> {
      return (await sessionById(db.kysely, sessionId))?.csrf_token;
    },

    csrfMatches: (expected: string, given: string | undefined) =>
      given !== undefined && safeEqual(expected, given),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
