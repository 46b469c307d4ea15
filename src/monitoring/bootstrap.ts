import type { Db } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { aimsIntegration } from './integrations/aims/index.js';

/** Built-in tests read our own records, so every installation has one `aims` integration. */
export async function ensureAimsIntegration(db: Db): Promise<void> {
  // Trail entries written before monitoring starts are covered by the first full evaluation.
  const head = await db.kysely
    .selectFrom('trail')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  await db.kysely
    .insertInto('monitoring_cursors')
    .values({ name: 'trail', position: Number(head?.seq ?? 0), updated_at: nowIso() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const existing = await db.kysely
    .selectFrom('integrations')
    .select('id')
    .where('kind', '=', 'aims')
    .executeTakeFirst();
  if (existing) return;
  const now = nowIso();
  await db.kysely
    .insertInto('integrations')
    .values({
      id: newId(),
      kind: 'aims',
      name: 'OpenAIMS records',
      config: '{}',
      secrets: null,
      schedule: aimsIntegration.defaultSchedule,
      enabled: db.dialect.bool(true),
      owner_id: null,
      next_sync_at: null,
      last_sync_at: null,
      last_success_at: null,
      last_error: null,
      last_error_at: null,
      resource_count: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
