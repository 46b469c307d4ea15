import type { Db, Executor } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import { assertReferences } from '../shared/references.js';
import type { OutputCreate, OutputUpdate } from './output-schema.js';
import { findOutput } from './repository.js';
import { writeReview } from './review-store.js';
import { assertMayRun, assertMayUpdateOutput, assertOpen, assertOutputChange } from './rules.js';
import type { Review } from './schema.js';
import { deleteOutput, insertOutput, updateOutput } from './writes.js';

/** The review's decisions and actions (9.3.3); each write is a change to the review in the trail. */
export function createOutputsService(db: Db) {
  async function mustFindOutput(executor: Executor, id: string, outputId: string) {
    const row = isUuid(outputId) ? await findOutput(executor, id, outputId) : undefined;
    if (!row) throw new NotFoundError('review output', outputId);
    return row;
  }

  return {
    addOutput(actor: Actor, id: string, input: OutputCreate): Promise<Review> {
      authorize(actor, 'records:write');
      return writeReview(db, actor, id, async (review, trx) => {
        assertMayRun(actor, review.chair_id);
        assertOpen(review, 'given new outputs');
        await assertReferences(trx, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
        const now = nowIso();
        await insertOutput(trx, {
          id: newId(),
          review_id: id,
          kind: input.kind,
          description: input.description,
          owner_id: input.ownerId ?? null,
          due_date: input.dueDate ?? null,
          status: 'open',
          completed_at: null,
          created_at: now,
          updated_at: now,
        });
      });
    },

    /** On a completed review only the status moves: the actions decided are followed up to done. */
    updateOutput(actor: Actor, id: string, outputId: string, input: OutputUpdate): Promise<Review> {
      authorize(actor, 'records:write');
      return writeReview(db, actor, id, async (review, trx) => {
        const output = await mustFindOutput(trx, id, outputId);
        assertMayUpdateOutput(actor, review, output, input);
        assertOutputChange(review, input);
        await assertReferences(trx, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
        const now = nowIso();
        const completing = input.status === 'done' && output.status !== 'done';
        const reopening = input.status !== undefined && input.status !== 'done';
        await updateOutput(trx, outputId, {
          kind: input.kind,
          description: input.description,
          owner_id: input.ownerId,
          due_date: input.dueDate,
          status: input.status,
          completed_at: completing ? now : reopening ? null : undefined,
          updated_at: now,
        });
      });
    },

    removeOutput(actor: Actor, id: string, outputId: string): Promise<Review> {
      authorize(actor, 'records:write');
      return writeReview(db, actor, id, async (review, trx) => {
        await mustFindOutput(trx, id, outputId);
        assertMayRun(actor, review.chair_id);
        assertOpen(review, 'stripped of outputs');
        await deleteOutput(trx, outputId);
      });
    },
  };
}
