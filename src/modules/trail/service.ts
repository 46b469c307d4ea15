import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { entryHash, GENESIS_HASH, type HashedFields } from './hash.js';
import { redactSecrets } from './redact.js';
import { entriesFrom, insertEntry, lastEntry, type TrailRow } from './repository.js';

export type TrailAction = 'create' | 'update' | 'delete';

export interface TrailChange {
  entityType: string;
  entityId: string;
  action: TrailAction;
  before?: unknown;
  after?: unknown;
}

const APPEND_LOCK_KEY = 420_010;

/**
 * Appends one entry to the hash chain inside the caller's write transaction, so a record and its trail
 * entry commit together. The lock makes concurrent writers take turns, so the chain never forks.
 */
export async function appendTrail(
  db: Db,
  trx: Transaction<DB>,
  actor: Actor,
  change: TrailChange,
): Promise<void> {
  await db.dialect.lockForAppend(trx, APPEND_LOCK_KEY);
  const previous = await lastEntry(trx);
  const before = change.before === undefined ? null : redactSecrets(change.before);
  const after = change.after === undefined ? null : redactSecrets(change.after);
  const fields: HashedFields = {
    seq: (previous?.seq ?? 0) + 1,
    id: newId(),
    occurredAt: nowIso(),
    actorType: actor.type,
    actorId: actor.userId,
    actorLabel: actor.label,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    before,
    after,
  };
  const prevHash = previous?.hash ?? GENESIS_HASH;
  await insertEntry(trx, {
    seq: fields.seq,
    id: fields.id,
    occurred_at: fields.occurredAt,
    actor_type: fields.actorType,
    actor_id: fields.actorId,
    actor_label: fields.actorLabel,
    entity_type: fields.entityType,
    entity_id: fields.entityId,
    action: fields.action,
    before_json: before === null ? null : JSON.stringify(before),
    after_json: after === null ? null : JSON.stringify(after),
    prev_hash: prevHash,
    hash: entryHash(prevHash, fields),
  });
}

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: { seq: number; id: string; reason: string } };

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function rowFields(row: TrailRow): HashedFields {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}

/** Walks the whole chain in order and reports the first entry whose content or link does not match. */
export async function verifyTrail(db: Db): Promise<VerifyResult> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await entriesFrom(db.kysely, expectedSeq - 1, 2000);
    if (rows.length === 0) return { ok: true, count };
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        count,
        brokenAt: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken(`sequence gap: expected entry ${expectedSeq}`);
      if (row.prev_hash !== expectedPrev)
        return broken('previous-hash link does not match the entry before it');
      let fields: HashedFields;
      try {
        fields = rowFields(row);
      } catch {
        return broken('stored JSON is not valid');
      }
      if (entryHash(row.prev_hash, fields) !== row.hash) return broken('content does not match its hash');
      expectedPrev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
