import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { open } from '../monitoring/secrets-box.js';
import { backoffMs, MAX_ATTEMPTS } from './events.js';

const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

/** The signature a receiver recomputes: HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Sends every delivery that is due. Each is first leased (its next attempt pushed 5 minutes out by a
 * compare-and-set), so two processes never send the same one and a crash mid-send only delays it.
 * A 2xx marks it delivered; anything else retries with backoff until MAX_ATTEMPTS, then it is failed.
 */
export async function deliverDue(
  db: Db,
  instanceSecret: string,
  now: Date,
): Promise<{ delivered: number; failed: number }> {
  const at = now.toISOString();
  const due = await db.kysely
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.event',
      'webhook_deliveries.payload',
      'webhook_deliveries.attempts',
      'webhook_deliveries.next_attempt_at',
      'webhooks.url',
      'webhooks.secret_sealed',
    ])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', at)
    .orderBy('webhook_deliveries.created_at')
    .limit(50)
    .execute();
  let delivered = 0;
  let failed = 0;
  for (const d of due) {
    const leased = await db.kysely
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', sql<string>`${d.next_attempt_at}`)
      .executeTakeFirst();
    if (Number(leased.numUpdatedRows) !== 1) continue;
    const secret = open(d.secret_sealed, instanceSecret) as string;
    const timestamp = String(Math.floor(now.getTime() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'OpenAIMS-Webhooks',
          'x-openaims-event': d.event,
          'x-openaims-delivery': d.id,
          'x-openaims-timestamp': timestamp,
          'x-openaims-signature': signature(secret, timestamp, d.payload),
        },
        body: d.payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
      status = response.status;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    const attempts = Number(d.attempts) + 1;
    const ok = error === null;
    const giveUp = !ok && attempts >= MAX_ATTEMPTS;
    await db.kysely
      .updateTable('webhook_deliveries')
      .set({
        attempts,
        status: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
        last_status: status,
        last_error: error,
        delivered_at: ok ? new Date().toISOString() : null,
        next_attempt_at: ok || giveUp ? at : new Date(now.getTime() + backoffMs(attempts)).toISOString(),
      })
      .where('id', '=', d.id)
      .execute();
    if (ok) delivered += 1;
    else failed += 1;
  }
  return { delivered, failed };
}
