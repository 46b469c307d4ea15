import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import type { CollectedResource } from '../integration.js';

export interface PersonTraining {
  aiTrainingCompletedAt: string | null;
  trainingOverdue: number;
  trainingAssigned: number;
}

export const NO_TRAINING: PersonTraining = {
  aiTrainingCompletedAt: null,
  trainingOverdue: 0,
  trainingAssigned: 0,
};

/** Per person: the latest completion of any course, and their open and overdue assignments as of `today`. */
export async function trainingByPerson(db: Executor, today: string): Promise<Map<string, PersonTraining>> {
  const rows = await db
    .selectFrom('training_assignments')
    .select((eb) => [
      'person_id',
      eb.fn.max('completed_at').as('last_completed'),
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('completed_at').as('completed'),
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
    .groupBy('person_id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.person_id,
      {
        aiTrainingCompletedAt: row.last_completed ?? null,
        trainingOverdue: Number(row.overdue),
        trainingAssigned: Number(row.total) - Number(row.completed),
      },
    ]),
  );
}

type PersonState = 'completed' | 'overdue' | 'pending';
const RANK: Record<PersonState, number> = { pending: 0, completed: 1, overdue: 2 };

/**
 * Each person holding an assignment of a course counts once: overdue if any open assignment is past due,
 * else completed if they ever completed it (a recurring course's next cycle is not yet due), else pending.
 */
function personStates(
  rows: Array<{ person_id: string; completed_at: string | null; due_on: string }>,
  today: string,
) {
  const states = new Map<string, PersonState>();
  for (const row of rows) {
    const current = states.get(row.person_id);
    const state: PersonState = row.completed_at ? 'completed' : row.due_on < today ? 'overdue' : 'pending';
    if (!current || RANK[state] > RANK[current]) states.set(row.person_id, state);
  }
  return [...states.values()];
}

/** Courses as resources, with how many of the people assigned each one are current, overdue or pending. */
export async function collectCourses(db: Executor, today: string): Promise<CollectedResource[]> {
  const [courses, assignments] = await Promise.all([
    db.selectFrom('courses').selectAll().orderBy('id').execute(),
    db
      .selectFrom('training_assignments')
      .select(['course_id', 'person_id', 'completed_at', 'due_on'])
      .execute(),
  ]);
  const byCourse = new Map<string, typeof assignments>();
  for (const a of assignments) byCourse.set(a.course_id, [...(byCourse.get(a.course_id) ?? []), a]);
  return courses.map((course) => {
    const states = personStates(byCourse.get(course.id) ?? [], today);
    const completed = states.filter((s) => s === 'completed').length;
    const overdue = states.filter((s) => s === 'overdue').length;
    const due = completed + overdue;
    return {
      type: 'course',
      externalId: course.id,
      name: course.title,
      attributes: {
        title: course.title,
        active: readBool(course.active),
        hasMaterial: course.material.trim().length > 0 || course.material_url !== null,
        audienceRoles: JSON.parse(course.audience_roles) as string[],
        audienceDepartments: JSON.parse(course.audience_departments) as string[],
        recurrenceMonths: course.recurrence_months,
        passScore: course.pass_score,
        assigned: states.length,
        completed,
        overdue,
        pending: states.length - due,
        completionPercent: due === 0 ? 100 : Math.round((completed / due) * 1000) / 10,
        ownerId: course.owner_id,
        templateId: course.template_id,
        updatedAt: course.updated_at,
      },
    };
  });
}
