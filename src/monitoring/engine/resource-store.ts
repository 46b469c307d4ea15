import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { newId } from '../../lib/ids.js';
import type { CollectedResource } from '../integrations/integration.js';

export interface StoredResource {
  id: string;
  integrationId: string;
  type: string;
  externalId: string;
  name: string;
  attributes: Record<string, unknown>;
  attributesHash: string;
  collectedAt: string;
  changedAt: string;
}

export function attributesHash(attributes: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(attributes)).digest('hex');
}

export function toStored(row: DB['resources']): StoredResource {
  return {
    id: row.id,
    integrationId: row.integration_id,
    type: row.type,
    externalId: row.external_id,
    name: row.name,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    attributesHash: row.attributes_hash,
    collectedAt: row.collected_at,
    changedAt: row.changed_at,
  };
}

export interface UpsertOutcome {
  /** Resources created or whose name or attributes changed. */
  changed: Array<{ id: string; type: string }>;
  removed: Array<{ id: string; type: string; name: string }>;
  unchanged: number;
}

const CHUNK = 500;

/**
 * Stores a batch of collected resources for one integration inside the caller's transaction. With
 * `complete`, resources of the integration that are not in the batch are removed (a full collection).
 */
export async function upsertResources(
  trx: Transaction<DB>,
  integrationId: string,
  items: CollectedResource[],
  now: string,
  options: { complete: boolean },
): Promise<UpsertOutcome> {
  const existing = await trx
    .selectFrom('resources')
    .select(['id', 'type', 'external_id', 'name', 'attributes_hash'])
    .where('integration_id', '=', integrationId)
    .execute();
  const byKey = new Map(existing.map((r) => [`${r.type}\u0000${r.external_id}`, r]));
  const seen = new Set<string>();
  const outcome: UpsertOutcome = { changed: [], removed: [], unchanged: 0 };
  const inserts: DB['resources'][] = [];
  for (const item of items) {
    const key = `${item.type}\u0000${item.externalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hash = attributesHash(item.attributes);
    const current = byKey.get(key);
    if (current && current.attributes_hash === hash && current.name === item.name) {
      outcome.unchanged += 1;
      continue;
    }
    const values = {
      name: item.name,
      attributes: JSON.stringify(item.attributes),
      attributes_hash: hash,
      collected_at: now,
      changed_at: now,
    };
    if (current) {
      await trx.updateTable('resources').set(values).where('id', '=', current.id).execute();
      outcome.changed.push({ id: current.id, type: item.type });
    } else {
      const id = newId();
      inserts.push({
        id,
        integration_id: integrationId,
        type: item.type,
        external_id: item.externalId,
        ...values,
      });
      outcome.changed.push({ id, type: item.type });
    }
  }
  for (let i = 0; i < inserts.length; i += CHUNK) {
    await trx
      .insertInto('resources')
      .values(inserts.slice(i, i + CHUNK))
      .execute();
  }
  if (options.complete) {
    const gone = existing.filter((r) => !seen.has(`${r.type}\u0000${r.external_id}`));
    for (let i = 0; i < gone.length; i += CHUNK) {
      const ids = gone.slice(i, i + CHUNK).map((r) => r.id);
      await resolveIssuesOf(trx, ids, now);
      await trx.deleteFrom('resources').where('id', 'in', ids).execute();
    }
    outcome.removed = gone.map((r) => ({ id: r.id, type: r.type, name: r.name }));
  }
  return outcome;
}

/** A resource that no longer exists cannot keep failing: its open issues close with that reason. */
async function resolveIssuesOf(trx: Transaction<DB>, resourceIds: string[], now: string): Promise<void> {
  await trx
    .updateTable('issues')
    .set({
      status: 'resolved',
      open_key: null,
      resolved_at: now,
      resolution: 'resource_removed',
      updated_at: now,
    })
    .where('resource_id', 'in', resourceIds)
    .where('status', '=', 'open')
    .execute();
}

export async function resourcesOfType(db: Executor, type: string, ids?: string[]): Promise<StoredResource[]> {
  let query = db.selectFrom('resources').selectAll().where('type', '=', type);
  if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : ['']);
  return (await query.orderBy('id').execute()).map(toStored);
}
