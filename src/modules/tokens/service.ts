import type { Db, Executor } from '../../db/database.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { randomToken, sha256Hex, TOKEN_PREFIX } from '../auth/secrets.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { appendTrail } from '../trail/service.js';
import { findUser } from '../users/repository.js';
import * as repo from './repository.js';
import type { ApiToken, TokenCreate, TokenListQuery } from './schema.js';

function presentToken(row: repo.TokenRow): ApiToken {
  const now = nowIso();
  return {
    id: row.id,
    userId: row.user_id,
    userEmail: row.email,
    role: row.role,
    name: row.name,
    prefix: row.token_prefix,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    status: row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now ? 'expired' : 'active',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createTokensService(db: Db) {
  async function mustLoad(executor: Executor, actor: Actor, id: string): Promise<ApiToken> {
    const row = isUuid(id) ? await repo.findToken(executor, id) : undefined;
    // Someone else's token reads as absent, so token ids cannot be probed.
    if (!row || (actor.role !== 'admin' && row.user_id !== actor.userId))
      throw new NotFoundError('API token', id);
    return presentToken(row);
  }

  return {
    async list(actor: Actor, query: TokenListQuery): Promise<ListPage<ApiToken>> {
      authorize(actor, 'tokens:own');
      const scoped = actor.role === 'admin' ? query : { ...query, userId: actor.userId ?? '' };
      const { rows, total } = await repo.listTokens(db.kysely, db.dialect, scoped);
      return { items: rows.map(presentToken), total, limit: query.limit, offset: query.offset };
    },

    get: async (actor: Actor, id: string) => {
      authorize(actor, 'tokens:own');
      return mustLoad(db.kysely, actor, id);
    },

    /** Returns the secret exactly once; only its SHA-256 hash is stored. */
    async create(actor: Actor, input: TokenCreate): Promise<{ token: ApiToken; secret: string }> {
      authorize(actor, 'tokens:own');
      const userId = input.userId ?? actor.userId;
      if (!userId) throw ValidationError.field('userId', 'required when acting as the system');
      if (userId !== actor.userId && actor.role !== 'admin')
        throw new ForbiddenError('Only admins can issue tokens for other users.');
      const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
      return db.transaction(async (trx) => {
        if (!(await findUser(trx, userId)))
          throw ValidationError.field('userId', `no user with id "${userId}"`);
        const id = newId();
        const now = nowIso();
        const expiresAt = input.expiresInDays
          ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString()
          : null;
        await repo.insertToken(
          trx,
          {
            id,
            user_id: userId,
            name: input.name,
            token_hash: sha256Hex(secret),
            token_prefix: secret.slice(0, 12),
            expires_at: expiresAt,
          },
          now,
        );
        const token = await mustLoad(trx, { ...actor, role: 'admin' }, id);
        await appendTrail(db, trx, actor, {
          entityType: 'api_token',
          entityId: id,
          action: 'create',
          after: token,
        });
        return { token, secret };
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'tokens:own');
      await db.transaction(async (trx) => {
        const before = await mustLoad(trx, actor, id);
        if (before.revokedAt) return;
        await repo.revokeToken(trx, id, nowIso());
        const after = await mustLoad(trx, actor, id);
        await appendTrail(db, trx, actor, {
          entityType: 'api_token',
          entityId: id,
          action: 'update',
          before,
          after,
        });
      });
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
