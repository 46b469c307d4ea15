import type { Db } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { runList } from '../shared/list.js';
import type { TrailRow } from './repository.js';
import { type TrailEntry, type TrailListQuery, trailListSpec } from './schema.js';
import { type VerifyResult, verifyTrail } from './service.js';

function presentEntry(row: TrailRow): TrailEntry {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action as TrailEntry['action'],
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Reading the trail; appending happens inside each register's own transaction (service.ts). */
export function createTrailService(db: Db) {
  return {
    async list(actor: Actor, query: TrailListQuery): Promise<ListPage<TrailEntry>> {
      authorize(actor, 'trail:read');
      const { rows, total } = await runList<TrailRow>(
        db.kysely.selectFrom('trail'),
        trailListSpec,
        query,
        db.dialect,
        (q) => q.selectAll('trail'),
      );
      return { items: rows.map(presentEntry), total, limit: query.limit, offset: query.offset };
    },
    async verify(actor: Actor): Promise<VerifyResult> {
      authorize(actor, 'trail:read');
      return verifyTrail(db);
    },
  };
}

export type TrailService = ReturnType<typeof createTrailService>;
