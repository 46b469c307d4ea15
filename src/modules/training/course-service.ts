import { type CourseTemplate, loadCourseTemplates } from '../../content/course-templates.js';
import type { Db, Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { todayIso } from '../../lib/time.js';
import { ROLES } from '../auth/permissions.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { assertActiveCourse, assertAssignable, assignCourse } from './assign.js';
import { audiencePeople } from './assignment-repository.js';
import type { AssignResult } from './assignment-schema.js';
import {
  assignmentCounts,
  type CourseValues,
  deleteCourse,
  findCourse,
  hasAssignments,
  insertCourse,
  listCourses,
  updateCourse,
} from './course-repository.js';
import type {
  AssignBody,
  Course,
  CourseCreate,
  CourseListQuery,
  CourseTemplateItem,
  CourseUpdate,
} from './course-schema.js';
import { presentCourse, presentTemplate } from './presenter.js';

export async function loadCourse(db: Executor, id: string): Promise<Course | undefined> {
  const row = await findCourse(db, id);
  return row && presentCourse(row, (await assignmentCounts(db, [id], todayIso())).get(id));
}

const findTemplate = (id: string) => loadCourseTemplates().find((t) => t.id === id);

/** The stored columns of a new course: what the caller sent, else the template's value, else the default. */
function courseValues(
  input: CourseCreate,
  template: CourseTemplate | undefined,
  dialect: Dialect,
): CourseValues {
  const pick = <T>(given: T | undefined, fromTemplate: T | undefined, fallback: T): T =>
    given !== undefined ? given : fromTemplate !== undefined ? fromTemplate : fallback;
  return {
    title: pick(input.title, template?.title, ''),
    description: pick(input.description, template?.description, ''),
    material: pick(input.material, template?.material, ''),
    material_url: input.materialUrl ?? null,
    // A blank course is meant for everyone until its audience is narrowed.
    audience_roles: JSON.stringify(pick(input.audienceRoles, template?.audience.roles, [...ROLES])),
    audience_departments: JSON.stringify(pick(input.audienceDepartments, template?.audience.departments, [])),
    recurrence_months: pick(input.recurrenceMonths, template?.recurrenceMonths, null),
    duration_minutes: pick(input.durationMinutes, template?.durationMinutes, null),
    pass_score: pick(input.passScore, template?.passScore, null),
    iso_refs: JSON.stringify(pick(input.isoRefs, template?.isoRefs, [])),
    template_id: input.templateId ?? null,
    owner_id: input.ownerId ?? null,
    active: dialect.bool(input.active ?? true),
  };
}

export function createCoursesService(db: Db) {
  const register = createRegisterService<CourseCreate, CourseUpdate, Course>(db, {
    entityType: 'course',
    label: 'course',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadCourse,
    async validate(executor, input) {
      if (input.templateId !== undefined && !findTemplate(input.templateId))
        throw ValidationError.field('templateId', `no course template with id "${input.templateId}"`);
      await assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
    },
    insert: (trx, id, input, now) =>
      insertCourse(
        trx,
        id,
        courseValues(input, input.templateId ? findTemplate(input.templateId) : undefined, db.dialect),
        now,
      ),
    patch: (trx, id, input, now) => updateCourse(trx, db.dialect, id, input, now),
    async remove(trx, id) {
      // Assignments are the competence record (7.2): a course that was used is retired, never deleted.
      if (await hasAssignments(trx, id))
        throw new ConflictError('The course has assignments; retire it with active: false instead.');
      await deleteCourse(trx, id);
    },
  });

  async function mustLoad(id: string): Promise<Course> {
    const course = isUuid(id) ? await loadCourse(db.kysely, id) : undefined;
    if (!course) throw new NotFoundError('course', id);
    return course;
  }

  return {
    ...register,
    async list(actor: Actor, query: CourseListQuery): Promise<ListPage<Course>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listCourses(db.kysely, db.dialect, query);
      const counts = await assignmentCounts(
        db.kysely,
        rows.map((r) => r.id),
        todayIso(),
      );
      return {
        items: rows.map((row) => presentCourse(row, counts.get(row.id))),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    templates(actor: Actor): { items: CourseTemplateItem[] } {
      authorize(actor, 'records:read');
      return { items: loadCourseTemplates().map(presentTemplate) };
    },

    template(actor: Actor, id: string): CourseTemplateItem {
      authorize(actor, 'records:read');
      const template = findTemplate(id);
      if (!template) throw new NotFoundError('course template', id);
      return presentTemplate(template);
    },

    /** Assigns named people and/or the course's audience; contributors only for courses they own. */
    async assign(actor: Actor, id: string, body: AssignBody): Promise<AssignResult> {
      authorize(actor, 'records:write');
      const course = await mustLoad(id);
      assertOwnership(actor, course.ownerId);
      assertActiveCourse(course);
      const named = body.personIds ?? [];
      await assertAssignable(db.kysely, named);
      const audience = body.audience
        ? await audiencePeople(db.kysely, course.audienceRoles, course.audienceDepartments)
        : [];
      return assignCourse(db, actor, course.id, [...named, ...audience], {
        dueOn: body.dueOn,
        reason: body.reason ?? (body.personIds ? 'manual' : 'audience'),
      });
    },

    mustLoad,
  };
}

export type CoursesService = ReturnType<typeof createCoursesService>;
