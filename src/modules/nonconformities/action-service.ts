import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { appendTrail } from '../trail/service.js';
import { mustLoadAction, validateAction } from './action-load.js';
import {
  deleteAction,
  insertAction,
  listActions,
  nextActionReference,
  updateAction,
} from './action-repository.js';
import type { ActionCreate, ActionListQuery, ActionUpdate, CorrectiveAction } from './action-schema.js';
import { changeNonconformity } from './change.js';
import { presentAction } from './presenter.js';
import { assertHasGap, completion } from './rules.js';

/**
 * Corrective actions (10.2), for a nonconformity, an incident or on their own as improvements. A change to an
 * action of a nonconformity moves the nonconformity along (action planned, verifying) in the same transaction.
 */
export function createActionService(db: Db) {
  /** The work, inside the nonconformity's change when the action belongs to one (409 once it is closed). */
  const withGap = <T>(actor: Actor, trx: Transaction<DB>, ncId: string | null, work: () => Promise<T>) =>
    ncId ? changeNonconformity(db, actor, trx, ncId, work) : work();

  const trail = (
    trx: Transaction<DB>,
    actor: Actor,
    id: string,
    change: { action: 'create' | 'update' | 'delete'; before?: unknown; after?: unknown },
  ) => appendTrail(db, trx, actor, { entityType: 'corrective_action', entityId: id, ...change });

  return {
    async list(actor: Actor, query: ActionListQuery): Promise<ListPage<CorrectiveAction>> {
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

    async get(actor: Actor, id: string): Promise<CorrectiveAction> {
      authorize(actor, 'records:read');
      return mustLoadAction(db.kysely, id);
    },

    async create(actor: Actor, input: ActionCreate): Promise<CorrectiveAction> {
      authorize(actor, 'records:write');
      // A contributor's new action is theirs unless they name themselves explicitly.
      const ownerId =
        input.ownerId === undefined && actor.role === 'contributor' ? actor.personId : input.ownerId;
      assertOwnership(actor, actor.personId, ownerId ?? null);
      const gap = { nonconformityId: input.nonconformityId ?? null, incidentId: input.incidentId ?? null };
      const kind = input.kind ?? (gap.nonconformityId || gap.incidentId ? 'corrective' : 'improvement');
      assertHasGap(kind, gap);
      const status = input.status ?? 'planned';
      const id = newId();
      return db.transaction(async (trx) => {
        await validateAction(trx, { ...input, ownerId });
        await withGap(actor, trx, gap.nonconformityId, async () => {
          const now = nowIso();
          const done = completion(
            { status, progress: input.progress ?? 0, completionNotes: input.completionNotes ?? '' },
            null,
            now,
          );
          const ref = await nextActionReference(trx, db.dialect, Number(now.slice(0, 4)));
          await insertAction(trx, {
            id,
            reference: ref.reference,
            ref_year: ref.year,
            ref_number: ref.number,
            nonconformity_id: gap.nonconformityId,
            incident_id: gap.incidentId,
            title: input.title,
            description: input.description ?? '',
            kind,
            owner_id: ownerId ?? null,
            due_date: input.dueDate,
            status,
            investment: input.investment ?? null,
            investment_note: input.investmentNote ?? '',
            completion_notes: input.completionNotes ?? '',
            ...done,
            created_at: now,
            updated_at: now,
          });
        });
        const after = await mustLoadAction(trx, id);
        await trail(trx, actor, id, { action: 'create', after });
        return after;
      });
    },

    async update(actor: Actor, id: string, input: ActionUpdate): Promise<CorrectiveAction> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const before = await mustLoadAction(trx, id);
        assertOwnership(actor, before.ownerId, input.ownerId);
        await validateAction(trx, input);
        assertHasGap(input.kind ?? before.kind, before);
        await withGap(actor, trx, before.nonconformityId, async () => {
          const now = nowIso();
          const next = { ...before, ...input };
          await updateAction(trx, id, {
            title: input.title,
            description: input.description,
            kind: input.kind,
            owner_id: input.ownerId,
            due_date: input.dueDate,
            status: input.status,
            investment: input.investment,
            investment_note: input.investmentNote,
            completion_notes: input.completionNotes,
            ...completion(next, before.completedAt, now),
            updated_at: now,
          });
        });
        const after = await mustLoadAction(trx, id);
        await trail(trx, actor, id, { action: 'update', before, after });
        return after;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'records:delete');
      await db.transaction(async (trx) => {
        const before = await mustLoadAction(trx, id);
        await withGap(actor, trx, before.nonconformityId, () => deleteAction(trx, id));
        await trail(trx, actor, id, { action: 'delete', before });
      });
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
