import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { IntegrationsTable } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import { INTEGRATION_KINDS } from '../integrations/index.js';
import type { CollectedResource } from '../integrations/integration.js';
import { nextRunAfter } from '../schedule.js';
import { open } from '../secrets-box.js';
import { type UpsertOutcome, upsertResources } from './resource-store.js';

/** The longest a collection may take before it is abandoned and reported as the integration's error. */
export const COLLECT_TIMEOUT_MS = 120_000;

export interface SyncOutcome {
  integrationId: string;
  ok: boolean;
  error: string | null;
  collected: number | null;
  changed: UpsertOutcome['changed'];
  removed: UpsertOutcome['removed'];
}

async function collect(
  db: Db,
  row: IntegrationsTable,
  secret: string,
  now: Date,
): Promise<CollectedResource[] | null> {
  const kind = INTEGRATION_KINDS[row.kind];
  if (!kind) throw new Error(`This server does not know the integration kind "${row.kind}".`);
  const config = kind.configSchema.parse(JSON.parse(row.config));
  const secrets = kind.secretsSchema.parse(row.secrets ? open(row.secrets, secret) : {});
  return kind.collect({ config, secrets, db, now, signal: AbortSignal.timeout(COLLECT_TIMEOUT_MS) });
}

/**
 * Collects one integration and stores what changed. A failed collection keeps the previous resources
 * (so their results stay as they were) and is reported as the integration's health.
 */
export async function syncIntegration(
  db: Db,
  integrationId: string,
  secret: string,
  now = new Date(),
): Promise<SyncOutcome> {
  const row = await db.kysely
    .selectFrom('integrations')
    .selectAll()
    .where('id', '=', integrationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('integration', integrationId);
  const at = now.toISOString();
  const base = { integrationId, changed: [], removed: [] };
  let items: CollectedResource[] | null;
  try {
    items = await collect(db, row, secret, now);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.kysely
      .updateTable('integrations')
      .set({
        last_sync_at: at,
        last_error: message.slice(0, 2000),
        last_error_at: at,
        next_sync_at: nextRunAfter(row.schedule, now),
      })
      .where('id', '=', integrationId)
      .execute();
    return { ...base, ok: false, error: message, collected: null };
  }
  return db.transaction(async (trx) => {
    const outcome = items
      ? await upsertResources(trx, integrationId, items, at, { complete: true })
      : { changed: [], removed: [], unchanged: 0 };
    const count = await trx
      .selectFrom('resources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('integration_id', '=', integrationId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('integrations')
      .set({
        last_sync_at: at,
        last_success_at: at,
        last_error: null,
        resource_count: Number(count.n),
        next_sync_at: nextRunAfter(row.schedule, now),
      })
      .where('id', '=', integrationId)
      .execute();
    return { ...base, ok: true, error: null, collected: items?.length ?? null, ...outcome };
  });
}

export async function enabledIntegrations(db: Db, kind?: string): Promise<IntegrationsTable[]> {
  const rows = await db.kysely
    .selectFrom('integrations')
    .selectAll()
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind as string))
    .orderBy('name')
    .execute();
  return rows.filter((r) => readBool(r.enabled));
}
