import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { CoursesTable } from '../../db/schema-training.js';
import { type ListQuery, runList } from '../shared/list.js';
import { type CourseUpdate, courseListSpec } from './course-schema.js';

export type CourseRow = CoursesTable & { owner_name: string | null };
export type CourseValues = Omit<CoursesTable, 'id' | 'created_at' | 'updated_at'>;

const base = (db: Executor) =>
  db.selectFrom('courses').leftJoin('people as owner', 'owner.id', 'courses.owner_id');

export function findCourse(db: Executor, id: string): Promise<CourseRow | undefined> {
  return base(db)
    .selectAll('courses')
    .select('owner.name as owner_name')
    .where('courses.id', '=', id)
    .executeTakeFirst();
}

export function listCourses(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<CourseRow>(
    base(db),
    courseListSpec,
    query,
    dialect,
    (q) => q.selectAll('courses').select('owner.name as owner_name'),
    db.selectFrom('courses'),
  );
}

export interface AssignmentCounts {
  open: number;
  overdue: number;
  completed: number;
}

/** Open, overdue and completed assignments per course, as of `today`. */
export async function assignmentCounts(
  db: Executor,
  courseIds: string[],
  today: string,
): Promise<Map<string, AssignmentCounts>> {
  const counts = new Map<string, AssignmentCounts>();
  if (courseIds.length === 0) return counts;
  const rows = await db
    .selectFrom('training_assignments')
    .select((eb) => [
      'course_id',
      eb.fn.count<number>('completed_at').as('completed'),
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .count<number>(
          eb
            .case()
            .when(eb.and([eb('completed_at', 'is', null), eb('due_on', '<', today)]))
            .then(1)
            .end(),
        )
        .as('overdue'),
    ])
    .where('course_id', 'in', courseIds)
    .groupBy('course_id')
    .execute();
  for (const row of rows) {
    const completed = Number(row.completed);
    counts.set(row.course_id, {
      open: Number(row.total) - completed,
      overdue: Number(row.overdue),
      completed,
    });
  }
  return counts;
}

export async function hasAssignments(db: Executor, courseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('training_assignments')
    .select('id')
    .where('course_id', '=', courseId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function columns(input: CourseUpdate, dialect: Dialect): Partial<CourseValues> {
  return {
    title: input.title,
    description: input.description,
    material: input.material,
    material_url: input.materialUrl,
    audience_roles: input.audienceRoles && JSON.stringify(input.audienceRoles),
    audience_departments: input.audienceDepartments && JSON.stringify(input.audienceDepartments),
    recurrence_months: input.recurrenceMonths,
    duration_minutes: input.durationMinutes,
    pass_score: input.passScore,
    iso_refs: input.isoRefs && JSON.stringify(input.isoRefs),
    owner_id: input.ownerId,
    active: input.active === undefined ? undefined : dialect.bool(input.active),
  };
}

export async function insertCourse(trx: Transaction<DB>, id: string, values: CourseValues, now: string) {
  await trx
    .insertInto('courses')
    .values({ id, ...values, created_at: now, updated_at: now })
    .execute();
}

export async function updateCourse(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
  input: CourseUpdate,
  now: string,
) {
  await trx
    .updateTable('courses')
    .set({ ...columns(input, dialect), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteCourse(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('courses').where('id', '=', id).execute();
}
