import type { Db, Executor } from '../../db/database.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { Incident } from './schema.js';
import type { WriteContext } from './timeline.js';

export type Load = (db: Executor, id: string) => Promise<Incident>;
type Work = (ctx: WriteContext, before: Incident) => Promise<void>;

/**
 * A change to an incident the actor may write (contributors: only their own), in one transaction with
 * its timeline and trail entries; answers the incident as it is afterwards.
 */
export function incidentChange(db: Db, mustLoad: Load) {
  return (actor: Actor, id: string, work: Work): Promise<Incident> => {
    authorize(actor, 'records:write');
    return db.transaction(async (trx) => {
      const before = await mustLoad(trx, id);
      assertOwnership(actor, before.ownerId);
      await work({ db, trx, actor, now: nowIso() }, before);
      return mustLoad(trx, id);
    });
  };
}
