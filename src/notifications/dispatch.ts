import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { readBool } from '../db/dialect.js';
import { newId } from '../lib/ids.js';
import { matches } from './events.js';

const CURSOR = 'webhooks';
const BATCH = 500;

/**
 * Turns new trail entries into pending deliveries for every active webhook subscribed to their event
 * (`<entity type>.<action>`). The cursor moves by compare-and-set inside the same transaction as the
 * inserts, so with several processes each entry is queued exactly once.
 */
export async function dispatchTrail(db: Db, now: string): Promise<number> {
  const webhooks = (await db.kysely.selectFrom('webhooks').selectAll().execute()).filter((w) =>
    readBool(w.active),
  );
  return db.transaction(async (trx) => {
    const head = Number(
      (
        await trx
          .selectFrom('trail')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirst()
      )?.seq ?? 0,
    );
    const cursor = await trx
      .selectFrom('monitoring_cursors')
      .select('position')
      .where('name', '=', CURSOR)
      .executeTakeFirst();
    if (!cursor) {
      // First start: webhooks hear about what happens from now on, not the whole history.
      await trx
        .insertInto('monitoring_cursors')
        .values({ name: CURSOR, position: head, updated_at: now })
        .execute();
      return 0;
    }
    const from = Number(cursor.position);
    const to = Math.min(head, from + BATCH);
    if (to <= from) return 0;
    const moved = await trx
      .updateTable('monitoring_cursors')
      .set({ position: to, updated_at: now })
      .where('name', '=', CURSOR)
      .where('position', '=', sql<number>`${from}`)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1 || webhooks.length === 0) return 0;
    const entries = await trx
      .selectFrom('trail')
      .selectAll()
      .where('seq', '>', from)
      .where('seq', '<=', to)
      .orderBy('seq')
      .execute();
    let queued = 0;
    for (const entry of entries) {
      const event = `${entry.entity_type}.${entry.action}`;
      const payload = JSON.stringify({
        event,
        seq: Number(entry.seq),
        occurredAt: entry.occurred_at,
        actor: entry.actor_label,
        entityType: entry.entity_type,
        entityId: entry.entity_id,
        action: entry.action,
        record: entry.after_json ? JSON.parse(entry.after_json) : null,
      });
      for (const webhook of webhooks) {
        const patterns = JSON.parse(webhook.events) as string[];
        if (!patterns.some((p) => matches(p, event))) continue;
        await trx
          .insertInto('webhook_deliveries')
          .values({
            id: newId(),
            webhook_id: webhook.id,
            event,
            payload,
            status: 'pending',
            attempts: 0,
            next_attempt_at: now,
            last_status: null,
            last_error: null,
            delivered_at: null,
            created_at: now,
          })
          .execute();
        queued += 1;
      }
    }
    return queued;
  });
}
