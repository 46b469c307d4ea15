import { sql } from 'kysely';
import { z } from 'zod';
import { addDays, todayIso } from '../../lib/time.js';
import { idRef, isoDate, isoDateTime, longText } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const ASSIGNMENT_STATUS = ['completed', 'overdue', 'due_soon', 'assigned'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUS)[number];
/** An open assignment falling due within this many days is "due soon". */
export const DUE_SOON_DAYS = 14;
/** Due date of a new assignment when the caller names none. */
export const DEFAULT_DUE_DAYS = 30;

const courseSummary = z.object({
  id: z.string(),
  title: z.string(),
  passScore: z.number().int().nullable(),
  recurrenceMonths: z.number().int().nullable(),
  durationMinutes: z.number().int().nullable(),
});

export const assignmentSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    course: courseSummary,
    personId: z.string(),
    person: z.object({ id: z.string(), name: z.string(), department: z.string().nullable() }),
    assignedAt: z.string(),
    dueOn: z.string(),
    reason: z.string(),
    sourceType: z.string().nullable(),
    sourceId: z.string().nullable(),
    status: z.enum(ASSIGNMENT_STATUS).describe('Derived from the completion and the due date, as of today.'),
    completedAt: z.string().nullable(),
    score: z.number().int().nullable(),
    evidenceNote: z.string(),
    evidenceId: z.string().nullable(),
    completedByLabel: z.string().nullable(),
  })
  .meta({ id: 'TrainingAssignment' });

/** What the assignee sees of their own assignment: the course material to study comes with it. */
export const myAssignmentSchema = assignmentSchema
  .extend({
    course: courseSummary.extend({
      description: z.string(),
      material: z.string(),
      materialUrl: z.string().nullable(),
    }),
  })
  .meta({ id: 'MyTrainingAssignment' });

export const completeBodySchema = z
  .object({
    completedAt: isoDateTime().optional().describe('Default: now. Never in the future.'),
    score: z.number().int().min(0).max(100).optional(),
    evidenceNote: longText(5000).optional(),
    evidenceId: idRef().optional(),
  })
  .strict();

export const completionSchema = z
  .object({
    assignment: assignmentSchema,
    next: assignmentSchema.nullable().describe('The next cycle of a recurring course, when one was created.'),
  })
  .meta({ id: 'TrainingCompletion' });

export const assignResultSchema = z
  .object({
    created: z.number().int(),
    existing: z.number().int().describe('People who already had an open assignment, returned unchanged.'),
    assignments: z.array(assignmentSchema),
  })
  .meta({ id: 'TrainingAssignResult' });

export const assignmentListSpec: ListSpec = {
  sortable: {
    dueOn: 'training_assignments.due_on',
    assignedAt: 'training_assignments.assigned_at',
    completedAt: 'training_assignments.completed_at',
    course: 'courses.title',
    person: 'people.name',
  },
  defaultSort: 'dueOn',
  caseInsensitive: ['course', 'person'],
  nullable: ['completedAt'],
  idColumn: 'training_assignments.id',
  searchable: ['courses.title', 'people.name'],
  filters: {
    personId: { schema: z.string().max(100), column: 'training_assignments.person_id' },
    courseId: { schema: z.string().max(100), column: 'training_assignments.course_id' },
    dueBefore: {
      schema: isoDate(),
      apply: (q, date: string) => q.where('training_assignments.due_on', '<', date),
    },
    // The same derivation as the presenter's status, as of today.
    status: {
      schema: z.enum(ASSIGNMENT_STATUS),
      apply: (q, status: AssignmentStatus) => {
        const today = todayIso();
        const soon = addDays(today, DUE_SOON_DAYS);
        const done = sql.ref('training_assignments.completed_at');
        if (status === 'completed') return q.where(done, 'is not', null);
        const open = q.where(done, 'is', null);
        if (status === 'overdue') return open.where('training_assignments.due_on', '<', today);
        if (status === 'due_soon')
          return open
            .where('training_assignments.due_on', '>=', today)
            .where('training_assignments.due_on', '<=', soon);
        return open.where('training_assignments.due_on', '>', soon);
      },
    },
  },
};

export const assignmentListQuery = listQuerySchema(assignmentListSpec);
const { personId: _own, ...myFilters } = assignmentListSpec.filters;
/** The caller's own assignments: the same list contract, without choosing the person. */
export const myAssignmentsQuery = listQuerySchema({ ...assignmentListSpec, filters: myFilters });

export type Assignment = z.infer<typeof assignmentSchema>;
export type MyAssignment = z.infer<typeof myAssignmentSchema>;
export type CompleteBody = z.infer<typeof completeBodySchema>;
export type AssignResult = z.infer<typeof assignResultSchema>;
export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;
