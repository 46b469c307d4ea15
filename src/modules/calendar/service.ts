import type { Db } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays, nowIso, todayIso } from '../../lib/time.js';
import { FEED_TOKEN_PREFIX, randomToken, sha256Hex } from '../auth/secrets.js';
import { readOrganisation } from '../organisation/service.js';
import { type Actor, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import * as feed from './feed-tokens.js';
import { toIcs } from './ics.js';
import { SOURCES } from './repository.js';
import { CALENDAR_KINDS, type CalendarEvent, type CalendarQuery, type FeedTokenStatus } from './schema.js';

const MAX_SPAN_DAYS = 3 * 366;
export const FEED_PATH = '/api/calendar.ics';

function range(query: CalendarQuery, today: string) {
  const from = query.from ?? addDays(today, -30);
  const to = query.to ?? addDays(today, 365);
  if (to < from) throw ValidationError.field('to', 'must not be before from');
  if (to > addDays(from, MAX_SPAN_DAYS)) throw ValidationError.field('to', 'at most 3 years after from');
  return { from, to };
}

function requireUser(actor: Actor): string {
  if (actor.type === 'system' || !actor.userId) {
    throw ValidationError.field('user', 'feed tokens belong to a user account, not the system');
  }
  return actor.userId;
}

export function createCalendarService(db: Db) {
  async function events(query: CalendarQuery, today: string) {
    const { from, to } = range(query, today);
    const kinds = query.kinds?.length ? query.kinds : CALENDAR_KINDS;
    const rows = (await Promise.all(kinds.map((kind) => SOURCES[kind](db.kysely, { from, to })))).flat();
    const items: CalendarEvent[] = rows
      .map((r) => ({
        uid: `${r.kind}-${r.id}`,
        kind: r.kind,
        title: r.title,
        start: r.start,
        end: r.end,
        status: r.status,
        overdue: r.open && r.end < today,
        link: r.link,
      }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
    return { from, to, events: items };
  }

  async function status(userId: string): Promise<FeedTokenStatus> {
    const row = await feed.activeFeedToken(db.kysely, userId);
    return {
      active: row !== undefined,
      prefix: row?.token_prefix ?? null,
      createdAt: row?.created_at ?? null,
      lastUsedAt: row?.last_used_at ?? null,
    };
  }

  return {
    async list(actor: Actor, query: CalendarQuery, today = todayIso()) {
      authorize(actor, 'records:read');
      return events(query, today);
    },

    async ics(actor: Actor, query: CalendarQuery, baseUrl: string, today = todayIso()): Promise<string> {
      authorize(actor, 'records:read');
      const { name } = await readOrganisation(db.kysely);
      return toIcs((await events(query, today)).events, { name: `${name} AIMS`, baseUrl });
    },

    async feedToken(actor: Actor): Promise<FeedTokenStatus> {
      authorize(actor, 'records:read');
      return status(requireUser(actor));
    },

    /** Issues a new feed token (revoking the previous one) and returns it once. */
    async issueFeedToken(actor: Actor) {
      authorize(actor, 'records:read');
      const userId = requireUser(actor);
      const token = `${FEED_TOKEN_PREFIX}${randomToken(32)}`;
      const id = newId();
      await db.transaction(async (trx) => {
        const now = nowIso();
        await feed.revokeFeedTokens(trx, userId, now);
        await feed.insertFeedToken(trx, {
          id,
          user_id: userId,
          token_hash: sha256Hex(token),
          token_prefix: token.slice(0, 12),
          created_at: now,
        });
        await appendTrail(db, trx, actor, {
          entityType: 'calendar_feed_token',
          entityId: id,
          action: 'create',
          after: { userId, prefix: token.slice(0, 12) },
        });
      });
      return { token, path: `${FEED_PATH}?token=${token}`, status: await status(userId) };
    },

    async revokeFeedToken(actor: Actor): Promise<void> {
      authorize(actor, 'records:read');
      const userId = requireUser(actor);
      await db.transaction(async (trx) => {
        const active = await feed.activeFeedToken(trx, userId);
        if (!active) return;
        await feed.revokeFeedTokens(trx, userId, nowIso());
        await appendTrail(db, trx, actor, {
          entityType: 'calendar_feed_token',
          entityId: active.id,
          action: 'delete',
          before: { userId, prefix: active.token_prefix },
        });
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
