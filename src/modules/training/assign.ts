import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { TrainingAssignmentsTable } from '../../db/schema-training.js';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays, nowIso, todayIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { assertReferences } from '../shared/references.js';
import { appendTrail } from '../trail/service.js';
import { findAssignments, insertAssignments, openAssignmentIds } from './assignment-repository.js';
import { type AssignResult, DEFAULT_DUE_DAYS } from './assignment-schema.js';
import { presentAssignment } from './presenter.js';

export interface AssignOptions {
  dueOn?: string;
  reason: string;
  sourceType?: string | null;
  sourceId?: string | null;
}

/** A fresh open row; `open_key` keeps it the only open assignment of its course and person. */
export function openAssignmentRow(
  courseId: string,
  personId: string,
  dueOn: string,
  options: AssignOptions,
): TrainingAssignmentsTable {
  return {
    id: newId(),
    course_id: courseId,
    person_id: personId,
    assigned_at: nowIso(),
    due_on: dueOn,
    reason: options.reason,
    source_type: options.sourceType ?? null,
    source_id: options.sourceId ?? null,
    open_key: `${courseId}|${personId}`,
    completed_at: null,
    score: null,
    evidence_note: '',
    evidence_id: null,
    completed_by_label: null,
  };
}

/** Named people must exist and still be active; errors name the offending `personIds[i]`. */
export async function assertAssignable(db: Executor, personIds: string[]): Promise<void> {
  await assertReferences(db, [{ field: 'personIds', table: 'people', ids: personIds }]);
  if (personIds.length === 0) return;
  const inactive = new Set(
    (await db.selectFrom('people').select(['id', 'active']).where('id', 'in', personIds).execute())
      .filter((p) => !readBool(p.active))
      .map((p) => p.id),
  );
  const errors = personIds.flatMap((id, index) =>
    inactive.has(id) ? [{ field: `personIds[${index}]`, message: 'this person is inactive' }] : [],
  );
  if (errors.length > 0) throw new ValidationError(errors);
}

export function assertActiveCourse(course: { active: boolean }): void {
  if (!course.active)
    throw new ConflictError(
      'The course is retired (active: false); reactivate it before assigning.',
      'active',
    );
}

/**
 * Gives each person an open assignment of the course, in one transaction. People who already hold one keep
 * it unchanged (re-assigning is a no-op), so the same trigger can safely run twice.
 */
export async function assignCourse(
  db: Db,
  actor: Actor,
  courseId: string,
  personIds: string[],
  options: AssignOptions,
): Promise<AssignResult> {
  const today = todayIso();
  const dueOn = options.dueOn ?? addDays(today, DEFAULT_DUE_DAYS);
  const wanted = [...new Set(personIds)];
  return db.transaction(async (trx) => {
    const existing = await openAssignmentIds(trx, courseId, wanted);
    const holding = new Set(existing.map((row) => row.person_id));
    const rows = wanted
      .filter((personId) => !holding.has(personId))
      .map((personId) => openAssignmentRow(courseId, personId, dueOn, options));
    await insertAssignments(trx, rows);
    const created = new Set(rows.map((row) => row.id));
    const all = (await findAssignments(trx, [...existing.map((row) => row.id), ...created]))
      .map((row) => presentAssignment(row, today))
      .sort((a, b) => a.person.name.localeCompare(b.person.name) || a.id.localeCompare(b.id));
    for (const assignment of all.filter((a) => created.has(a.id))) {
      await appendTrail(db, trx, actor, {
        entityType: 'training_assignment',
        entityId: assignment.id,
        action: 'create',
        after: assignment,
      });
    }
    return { created: rows.length, existing: existing.length, assignments: all };
  });
}
