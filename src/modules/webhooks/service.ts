import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { seal } from '../../monitoring/secrets-box.js';
import { deliverDue } from '../../notifications/deliver.js';
import { type Actor, authorize } from '../shared/actor.js';
import { createRegisterService } from '../shared/register-service.js';
import type { Webhook, WebhookCreate, WebhookUpdate } from './schema.js';

async function loadWebhook(db: Executor, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const counts = await db
    .selectFrom('webhook_deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('webhook_id', '=', id)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    active: readBool(row.active),
    deliveries: { pending: count('pending'), delivered: count('delivered'), failed: count('failed') },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Outgoing webhooks: who hears about which trail events, signed with a secret only the receiver knows. */
export function createWebhooksService(db: Db, instanceSecret: string) {
  const secrets = new Map<string, string>();
  const register = createRegisterService<WebhookCreate, WebhookUpdate, Webhook>(db, {
    entityType: 'webhook',
    label: 'webhook',
    permissions: { read: 'aims:configure', write: 'aims:configure', delete: 'aims:configure' },
    load: loadWebhook,
    async insert(trx, id, input, now) {
      const secret = randomBytes(32).toString('hex');
      secrets.set(id, secret);
      await trx
        .insertInto('webhooks')
        .values({
          id,
          name: input.name,
          url: input.url,
          secret_sealed: seal(secret, instanceSecret),
          events: JSON.stringify(input.events),
          active: db.dialect.bool(input.active ?? true),
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    async patch(trx, id, input, now) {
      await trx
        .updateTable('webhooks')
        .set({
          name: input.name,
          url: input.url,
          events: input.events && JSON.stringify(input.events),
          active: input.active === undefined ? undefined : db.dialect.bool(input.active),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
    remove: async (trx, id) => {
      await trx.deleteFrom('webhooks').where('id', '=', id).execute();
    },
  });

  return {
    ...register,
    /** The secret comes back once, in the answer to the create. */
    async create(actor: Actor, input: WebhookCreate) {
      const created = await register.create(actor, input);
      const secret = secrets.get(created.id) ?? '';
      secrets.delete(created.id);
      return { ...created, secret };
    },
    async list(actor: Actor) {
      authorize(actor, 'aims:configure');
      const rows = await db.kysely.selectFrom('webhooks').select('id').orderBy('name').execute();
      return { items: (await Promise.all(rows.map((r) => loadWebhook(db.kysely, r.id)))) as Webhook[] };
    },
    async deliveries(actor: Actor, id: string) {
      await register.get(actor, id);
      const rows = await db.kysely
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('webhook_id', '=', id)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      return {
        items: rows.map((d) => ({
          id: d.id,
          event: d.event,
          status: d.status as 'pending' | 'delivered' | 'failed',
          attempts: Number(d.attempts),
          nextAttemptAt: d.next_attempt_at,
          lastStatus: d.last_status === null ? null : Number(d.last_status),
          lastError: d.last_error,
          deliveredAt: d.delivered_at,
          createdAt: d.created_at,
        })),
      };
    },
    /** Sends a "ping" now, so whoever sets up a receiver sees at once whether it works. */
    async ping(actor: Actor, id: string) {
      const webhook = await register.get(actor, id);
      if (!webhook) throw new NotFoundError('webhook', id);
      const now = nowIso();
      const deliveryId = newId();
      await db.kysely
        .insertInto('webhook_deliveries')
        .values({
          id: deliveryId,
          webhook_id: id,
          event: 'ping',
          payload: JSON.stringify({ event: 'ping', webhook: webhook.name, occurredAt: now }),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_status: null,
          last_error: null,
          delivered_at: null,
          created_at: now,
        })
        .execute();
      await deliverDue(db, instanceSecret, new Date());
      return (await this.deliveries(actor, id)).items.find((d) => d.id === deliveryId);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
