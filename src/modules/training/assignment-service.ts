import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { addMonths, nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { appendTrail } from '../trail/service.js';
import { openAssignmentRow } from './assign.js';
import {
  type AssignmentRow,
  evidenceExists,
  findAssignment,
  insertAssignments,
  listAssignments,
  listAssignmentsWithMaterial,
  markCompleted,
} from './assignment-repository.js';
import type { Assignment, AssignmentListQuery, CompleteBody, MyAssignment } from './assignment-schema.js';
import { presentAssignment, presentMyAssignment } from './presenter.js';

/** Only the assignee records their own completion; admins and managers may record it for anyone. */
function assertMayComplete(actor: Actor, row: AssignmentRow): void {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  if (actor.personId === null || actor.personId !== row.person_id)
    throw new ForbiddenError('You can only record completion of your own training.');
}

function checkCompletion(row: AssignmentRow, body: CompleteBody, now: string): void {
  if (body.completedAt && new Date(body.completedAt).getTime() > new Date(now).getTime())
    throw ValidationError.field('completedAt', 'must not be in the future');
  const pass = row.course_pass_score;
  if (pass === null) return;
  if (body.score === undefined)
    throw ValidationError.field('score', `required: the course has a pass score of ${pass}`);
  if (body.score < pass)
    throw ValidationError.field('score', `${body.score} is below the pass score of ${pass}; not completed`);
}

export function createAssignmentsService(db: Db) {
  async function mustFind(executor: Executor, id: string): Promise<AssignmentRow> {
    const row = isUuid(id) ? await findAssignment(executor, id) : undefined;
    if (!row) throw new NotFoundError('training assignment', id);
    return row;
  }

  return {
    async list(actor: Actor, query: AssignmentListQuery): Promise<ListPage<Assignment>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listAssignments(db.kysely, db.dialect, query);
      const today = todayIso();
      return { items: rows.map((r) => presentAssignment(r, today)), total, ...page(query) };
    },

    async get(actor: Actor, id: string): Promise<Assignment> {
      authorize(actor, 'records:read');
      return presentAssignment(await mustFind(db.kysely, id), todayIso());
    },

    /** The caller's own assignments, with each course's material to study. */
    async mine(actor: Actor, query: AssignmentListQuery): Promise<ListPage<MyAssignment>> {
      authorize(actor, 'self');
      if (!actor.personId) return { items: [], total: 0, ...page(query) };
      const own = { ...query, personId: actor.personId };
      const { rows, total } = await listAssignmentsWithMaterial(db.kysely, db.dialect, own);
      const today = todayIso();
      return { items: rows.map((r) => presentMyAssignment(r, today)), total, ...page(query) };
    },

    /**
     * Records completion. A recurring course (still active, for a still active person) gets its next cycle
     * in the same transaction, due the recurrence after the completion day.
     */
    async complete(actor: Actor, id: string, body: CompleteBody) {
      authorize(actor, 'self');
      const now = nowIso();
      const today = todayIso();
      return db.transaction(async (trx) => {
        const row = await mustFind(trx, id);
        assertMayComplete(actor, row);
        if (row.completed_at) throw new ConflictError('This assignment is already completed.');
        checkCompletion(row, body, now);
        if (body.evidenceId && !(await evidenceExists(trx, body.evidenceId)))
          throw ValidationError.field('evidenceId', `no evidence with id "${body.evidenceId}"`);
        const completedAt = body.completedAt ? new Date(body.completedAt).toISOString() : now;
        const recorded = await markCompleted(trx, id, {
          completed_at: completedAt,
          score: body.score ?? null,
          evidence_note: body.evidenceNote ?? '',
          evidence_id: body.evidenceId ?? null,
          completed_by_label: actor.label,
        });
        if (!recorded) throw new ConflictError('This assignment is already completed.');
        const before = presentAssignment(row, today);
        const after = presentAssignment((await findAssignment(trx, id)) as AssignmentRow, today);
        await appendTrail(db, trx, actor, {
          entityType: 'training_assignment',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        const next = await scheduleNextCycle(trx, row, completedAt, today);
        if (next)
          await appendTrail(db, trx, actor, {
            entityType: 'training_assignment',
            entityId: next.id,
            action: 'create',
            after: next,
          });
        return { assignment: after, next };
      });
    },
  };
}

async function scheduleNextCycle(
  trx: Transaction<DB>,
  row: AssignmentRow,
  completedAt: string,
  today: string,
): Promise<Assignment | null> {
  const months = row.course_recurrence_months;
  if (months === null) return null;
  const [course, person] = await Promise.all([
    trx.selectFrom('courses').select('active').where('id', '=', row.course_id).executeTakeFirstOrThrow(),
    trx.selectFrom('people').select('active').where('id', '=', row.person_id).executeTakeFirstOrThrow(),
  ]);
  if (!readBool(course.active) || !readBool(person.active)) return null;
  const next = openAssignmentRow(row.course_id, row.person_id, addMonths(completedAt, months), {
    reason: 'recurrence',
  });
  await insertAssignments(trx, [next]);
  return presentAssignment((await findAssignment(trx, next.id)) as AssignmentRow, today);
}

const page = (query: { limit: number; offset: number }) => ({ limit: query.limit, offset: query.offset });
