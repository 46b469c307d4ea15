import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { ValidationError } from '../../lib/errors.js';
import { nowIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { OWNED_ENTITY_TYPES, ownedTable } from './owned-tables.js';
import { ownedBy, setOwner } from './repository.js';
import type { Reassign, ReassignResult } from './schema.js';

/**
 * Hands every record of one person (a leaver or not) to an active person, in one transaction with one trail
 * entry per record, so a handover is complete or did not happen.
 */
export async function reassignOwnedRecords(db: Db, actor: Actor, input: Reassign): Promise<ReassignResult> {
  if (input.fromPersonId === input.toPersonId)
    throw ValidationError.field('toPersonId', 'must be a different person from fromPersonId');
  return db.transaction(async (trx) => {
    const people = await trx
      .selectFrom('people')
      .select(['id', 'name', 'active'])
      .where('id', 'in', [input.fromPersonId, input.toPersonId])
      .execute();
    const from = people.find((p) => p.id === input.fromPersonId);
    const to = people.find((p) => p.id === input.toPersonId);
    if (!from) throw ValidationError.field('fromPersonId', `no person with id "${input.fromPersonId}"`);
    if (!to) throw ValidationError.field('toPersonId', `no person with id "${input.toPersonId}"`);
    if (!readBool(to.active)) throw ValidationError.field('toPersonId', 'must be an active person');

    const now = nowIso();
    const byType: Record<string, number> = {};
    let moved = 0;
    for (const type of new Set(input.entityTypes ?? OWNED_ENTITY_TYPES)) {
      const records = await ownedBy(trx, type, from.id);
      if (records.length === 0) continue;
      const ids = records.map((r) => r.id);
      const spec = ownedTable(type);
      if (spec.move) await spec.move(trx, db.dialect, ids, { personId: to.id, author: actor.label, now });
      else await setOwner(trx, type, ids, to.id, now);
      for (const record of records) {
        await appendTrail(db, trx, actor, {
          entityType: type,
          entityId: record.id,
          action: 'update',
          before: { title: record.title, ownerId: from.id, owner: { id: from.id, name: from.name } },
          after: { title: record.title, ownerId: to.id, owner: { id: to.id, name: to.name } },
        });
      }
      byType[type] = records.length;
      moved += records.length;
    }
    return { moved, byType };
  });
}
