import type { Db } from '../../db/database.js';
import type { ExportFormat } from '../../documents/index.js';
import { ConflictError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { appendTrail } from '../trail/service.js';
import { exportMinutes } from './export.js';
import { compileInputs, readSnapshot } from './inputs/compile.js';
import type { ReviewInputs } from './inputs/sections.js';
import { mergeNotes } from './notes.js';
import type { ActionListQuery, ReviewAction } from './output-schema.js';
import { createOutputsService } from './outputs-service.js';
import { presentAction, presentReview } from './presenter.js';
import { listActions, listReviews, relationsOf } from './repository.js';
import { ENTITY, loadReview, mustFindReview, writeReview } from './review-store.js';
import { assertMayRun, assertOpen, checkTransition } from './rules.js';
import type { Review, ReviewCreate, ReviewListQuery, ReviewTransition, ReviewUpdate } from './schema.js';
import { deleteReview, insertReview, replaceAttendees, updateReview } from './writes.js';

const people = (input: { chairId?: string | null; attendeeIds?: string[] }) => [
  { field: 'chairId', table: 'people' as const, ids: input.chairId },
  { field: 'attendeeIds', table: 'people' as const, ids: input.attendeeIds },
];

/** Management reviews (9.3): scheduled, held with the 9.3.2 inputs compiled from the data, and their outputs. */
export function createManagementReviewsService(db: Db) {
  async function inputsOf(id: string): Promise<ReviewInputs> {
    const row = await mustFindReview(db.kysely, id);
    const frozen = row.status === 'completed' ? readSnapshot(row.inputs_snapshot) : null;
    return frozen ?? compileInputs(db.kysely, id, row.held_on ?? todayIso());
  }

  const outputs = createOutputsService(db);

  return {
    addOutput: outputs.addOutput,
    updateOutput: outputs.updateOutput,
    removeOutput: outputs.removeOutput,

    async list(actor: Actor, query: ReviewListQuery): Promise<ListPage<Review>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listReviews(db.kysely, db.dialect, query);
      const relations = await relationsOf(
        db.kysely,
        rows.map((r) => r.id),
      );
      const today = todayIso();
      const items = rows.map((r) => presentReview(r, relations, today));
      return { items, total, limit: query.limit, offset: query.offset };
    },

    /** Tracked actions across every review: what "status of actions from previous reviews" reads. */
    async actions(actor: Actor, query: ActionListQuery): Promise<ListPage<ReviewAction>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listActions(db.kysely, db.dialect, query);
      const today = todayIso();
      return {
        items: rows.map((r) => presentAction(r, today)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async get(actor: Actor, id: string): Promise<Review> {
      authorize(actor, 'records:read');
      return loadReview(db.kysely, id);
    },

    async create(actor: Actor, input: ReviewCreate, options: { id?: string } = {}): Promise<Review> {
      authorize(actor, 'records:write');
      // A contributor schedules reviews they chair themselves.
      const chairId =
        input.chairId === undefined && actor.role === 'contributor' ? actor.personId : input.chairId;
      assertMayRun(actor, actor.personId, chairId ?? null);
      const id = options.id ?? newId();
      return db.transaction(async (trx) => {
        await assertReferences(trx, people({ ...input, chairId }));
        const now = nowIso();
        await insertReview(trx, {
          id,
          title: input.title,
          scheduled_for: input.scheduledFor,
          held_on: null,
          status: 'planned',
          chair_id: chairId ?? null,
          location: input.location ?? '',
          minutes: input.minutes ?? '',
          inputs_snapshot: null,
          input_notes: '{}',
          completed_at: null,
          created_at: now,
          updated_at: now,
        });
        await replaceAttendees(trx, id, input.attendeeIds ?? []);
        const after = await loadReview(trx, id);
        await appendTrail(db, trx, actor, { entityType: ENTITY, entityId: id, action: 'create', after });
        return after;
      });
    },

    update(actor: Actor, id: string, input: ReviewUpdate): Promise<Review> {
      authorize(actor, 'records:write');
      return writeReview(db, actor, id, async (row, trx) => {
        assertMayRun(actor, row.chair_id, input.chairId);
        assertOpen(row);
        await assertReferences(trx, people(input));
        await updateReview(trx, id, {
          title: input.title,
          scheduled_for: input.scheduledFor,
          chair_id: input.chairId,
          location: input.location,
          minutes: input.minutes,
          input_notes: input.inputNotes && mergeNotes(row.input_notes, input.inputNotes),
          updated_at: nowIso(),
        });
        if (input.attendeeIds) await replaceAttendees(trx, id, input.attendeeIds);
      });
    },

    /** Opens, completes or cancels a review; completing freezes the inputs as compiled on the day held. */
    transition(actor: Actor, id: string, input: ReviewTransition): Promise<Review> {
      authorize(actor, 'records:write');
      return writeReview(db, actor, id, async (row, trx) => {
        assertMayRun(actor, row.chair_id);
        const heldOn = checkTransition(row, input, todayIso());
        const now = nowIso();
        const snapshot = heldOn ? { ...(await compileInputs(trx, id, heldOn)), frozen: true } : null;
        await updateReview(trx, id, {
          status: input.to,
          ...(heldOn
            ? { held_on: heldOn, completed_at: now, inputs_snapshot: JSON.stringify(snapshot) }
            : {}),
          updated_at: now,
        });
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'records:delete');
      await db.transaction(async (trx) => {
        const before = await loadReview(trx, id);
        if (before.status === 'completed' || before.status === 'in_progress')
          throw new ConflictError(
            `This review is ${before.status.replace('_', ' ')}: only planned or cancelled reviews can be deleted.`,
          );
        await deleteReview(trx, id);
        await appendTrail(db, trx, actor, { entityType: ENTITY, entityId: id, action: 'delete', before });
      });
    },

    /** The 9.3.2 inputs: compiled live while the review is open, the frozen snapshot once completed. */
    async inputs(actor: Actor, id: string): Promise<ReviewInputs> {
      authorize(actor, 'records:read');
      return inputsOf(id);
    },

    async exportMinutes(actor: Actor, id: string, format: ExportFormat) {
      authorize(actor, 'records:read');
      const review = await loadReview(db.kysely, id);
      return exportMinutes(db.kysely, review, await inputsOf(id), format);
    },
  };
}

export type ManagementReviewsService = ReturnType<typeof createManagementReviewsService>;
