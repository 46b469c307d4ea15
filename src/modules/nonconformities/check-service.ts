import type { Db } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { type Actor, authorize } from '../shared/actor.js';
import { assertReferences } from '../shared/references.js';
import { actionFactsOf } from './action-repository.js';
import { changeNonconformity, mustLoadNonconformity } from './change.js';
import { checksOf, insertCheck, updateCheck } from './repository.js';
import { assertCheckRecordable } from './rules.js';
import type { EffectivenessCheckCreate, EffectivenessCheckRecord, Nonconformity } from './schema.js';

/**
 * Effectiveness checks (10.2 d): planned once actions are under way, recorded once they are finished. Anyone who
 * may write records may plan or record one, so a check need not wait for the owner.
 */
export function createCheckService(db: Db) {
  return {
    async plan(actor: Actor, ncId: string, input: EffectivenessCheckCreate): Promise<Nonconformity> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        await changeNonconformity(db, actor, trx, ncId, async ({ now }) => {
          await assertReferences(trx, [{ field: 'checkerId', table: 'people', ids: input.checkerId }]);
          await insertCheck(trx, {
            id: newId(),
            nonconformity_id: ncId,
            planned_for: input.plannedFor,
            checker_id: input.checkerId ?? actor.personId,
            result: null,
            notes: '',
            checked_at: null,
            created_at: now,
            updated_at: now,
          });
        });
        return mustLoadNonconformity(trx, ncId);
      });
    },

    /** Not effective sends the nonconformity back to action planned: further actions are needed. */
    async record(
      actor: Actor,
      ncId: string,
      checkId: string,
      input: EffectivenessCheckRecord,
    ): Promise<Nonconformity> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        await changeNonconformity(db, actor, trx, ncId, async ({ now }) => {
          const check = ((await checksOf(trx, [ncId])).get(ncId) ?? []).find((c) => c.id === checkId);
          if (!isUuid(checkId) || !check) throw new NotFoundError('effectiveness check', checkId);
          assertCheckRecordable(await actionFactsOf(trx, [ncId]), check);
          await updateCheck(trx, checkId, {
            result: input.result,
            notes: input.notes ?? '',
            checker_id: actor.personId ?? check.checker_id,
            checked_at: now,
            updated_at: now,
          });
        });
        return mustLoadNonconformity(trx, ncId);
      });
    },
  };
}
