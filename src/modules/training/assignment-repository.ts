import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { TrainingAssignmentsTable } from '../../db/schema-training.js';
import { type ListQuery, runList } from '../shared/list.js';
import { assignmentListSpec } from './assignment-schema.js';

export type AssignmentRow = TrainingAssignmentsTable & {
  course_title: string;
  course_pass_score: number | null;
  course_recurrence_months: number | null;
  course_duration_minutes: number | null;
  person_name: string;
  person_department: string | null;
};
/** With the course material, for the assignee's own view. */
export type AssignmentWithMaterialRow = AssignmentRow & {
  course_description: string;
  course_material: string;
  course_material_url: string | null;
};

const base = (db: Executor) =>
  db
    .selectFrom('training_assignments')
    .innerJoin('courses', 'courses.id', 'training_assignments.course_id')
    .innerJoin('people', 'people.id', 'training_assignments.person_id');

type Base = ReturnType<typeof base>;

const decorate = (q: Base) =>
  q
    .selectAll('training_assignments')
    .select([
      'courses.title as course_title',
      'courses.pass_score as course_pass_score',
      'courses.recurrence_months as course_recurrence_months',
      'courses.duration_minutes as course_duration_minutes',
      'people.name as person_name',
      'people.department as person_department',
    ]);

const withMaterial = (q: Base) =>
  decorate(q).select([
    'courses.description as course_description',
    'courses.material as course_material',
    'courses.material_url as course_material_url',
  ]);

export async function findAssignments(db: Executor, ids: string[]): Promise<AssignmentRow[]> {
  if (ids.length === 0) return [];
  return decorate(base(db).where('training_assignments.id', 'in', ids)).execute();
}

export async function findAssignment(db: Executor, id: string): Promise<AssignmentRow | undefined> {
  return (await findAssignments(db, [id]))[0];
}

export function listAssignments(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<AssignmentRow>(base(db), assignmentListSpec, query, dialect, (q) => decorate(q as Base));
}

export function listAssignmentsWithMaterial(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<AssignmentWithMaterialRow>(base(db), assignmentListSpec, query, dialect, (q) =>
    withMaterial(q as Base),
  );
}

/** Every assignment of one person, newest due first: the competence record. */
export function personAssignments(db: Executor, personId: string) {
  return base(db)
    .selectAll('training_assignments')
    .select(['courses.title as course_title', 'courses.pass_score', 'courses.iso_refs'])
    .where('training_assignments.person_id', '=', personId)
    .orderBy('training_assignments.due_on', 'desc')
    .orderBy('training_assignments.id')
    .execute();
}

/** The open assignment of each of these people for a course, if any. */
export function openAssignmentIds(db: Executor, courseId: string, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_assignments')
    .select(['id', 'person_id'])
    .where('course_id', '=', courseId)
    .where('person_id', 'in', personIds)
    .where('completed_at', 'is', null)
    .execute();
}

/**
 * Active people whose account role is in the audience and, when departments are named, whose department
 * is one of them (compared without regard to case).
 */
export async function audiencePeople(db: Executor, roles: string[], departments: string[]) {
  if (roles.length === 0) return [];
  let q = db
    .selectFrom('people')
    .innerJoin('users', 'users.person_id', 'people.id')
    .select('people.id')
    .where('people.active', '=', sql.lit(true))
    .where('users.role', 'in', roles);
  if (departments.length > 0) {
    const wanted = departments.map((d) => d.toLowerCase());
    q = q.where(sql`lower(${sql.ref('people.department')})`, 'in', wanted);
  }
  return (await q.orderBy('people.id').execute()).map((row) => row.id);
}

export async function insertAssignments(trx: Transaction<DB>, rows: TrainingAssignmentsTable[]) {
  // Chunked so a large audience stays under the databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('training_assignments')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function markCompleted(
  trx: Transaction<DB>,
  id: string,
  values: Pick<
    TrainingAssignmentsTable,
    'completed_at' | 'score' | 'evidence_note' | 'evidence_id' | 'completed_by_label'
  >,
): Promise<boolean> {
  // Only an open row changes, so of two concurrent completions exactly one wins.
  const result = await trx
    .updateTable('training_assignments')
    .set({ ...values, open_key: null })
    .where('id', '=', id)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function evidenceExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('evidence').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
