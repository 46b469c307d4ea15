import { loadCourseTemplates } from '../../content/course-templates.js';
import type { Db } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';
import { assertActiveCourse, assertAssignable, assignCourse } from './assign.js';
import type { AssignResult } from './assignment-schema.js';
import { createAssignmentsService } from './assignment-service.js';
import { createCompetenceService } from './competence.js';
import { createCoursesService } from './course-service.js';

export interface TriggerAssignment {
  courseId: string;
  personIds: string[];
  /** Why, e.g. 'incident' or 'change'. */
  reason: string;
  /** The record that triggered it (e.g. 'incident' + its id), kept on each assignment. */
  sourceType: string;
  sourceId: string;
  dueOn?: string;
}

/** Training and awareness (ISO/IEC 42001 7.2, 7.3): courses, assignments and competence records. */
export function createTrainingService(db: Db) {
  // Checked now so a malformed content/courses.yaml stops start-up with its path, not a later request.
  loadCourseTemplates();
  const courses = createCoursesService(db);
  return {
    courses,
    assignments: createAssignmentsService(db),
    competence: createCompetenceService(db),

    /**
     * For other modules (incidents, change requests): assigns a course because of one of their records.
     * The triggering module has already decided who needs it, so the course owner's rule does not apply.
     */
    async assignForTrigger(actor: Actor, trigger: TriggerAssignment): Promise<AssignResult> {
      authorize(actor, 'records:write');
      const course = await courses.mustLoad(trigger.courseId);
      assertActiveCourse(course);
      await assertAssignable(db.kysely, trigger.personIds);
      return assignCourse(db, actor, course.id, trigger.personIds, {
        dueOn: trigger.dueOn,
        reason: trigger.reason,
        sourceType: trigger.sourceType,
        sourceId: trigger.sourceId,
      });
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
