import { sql } from 'kysely';
import { z } from 'zod';
import { ROLES } from '../auth/permissions.js';
import {
  idRef,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  textList,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

const roleList = z
  .array(z.enum(ROLES))
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role');

const fields = {
  title: requiredName(),
  description: longText(5000),
  material: longText(100_000).describe('Markdown.'),
  materialUrl: z.url('must be a URL').max(1000).nullable(),
  audienceRoles: roleList,
  audienceDepartments: textList(100, 200).describe('Empty means every department.'),
  recurrenceMonths: z.number().int().min(1).max(120).nullable(),
  durationMinutes: z.number().int().min(1).max(10_000).nullable(),
  passScore: z.number().int().min(0).max(100).nullable(),
  isoRefs: textList(30, 40),
  ownerId: idRef().nullable(),
  active: z.boolean(),
};

/** A title is needed unless the course starts from a template, whose fields fill whatever is left out. */
export const courseCreateSchema = z
  .object({ ...fields, templateId: shortText(100).min(1) })
  .partial()
  .strict()
  .superRefine((input, ctx) => {
    if (input.templateId === undefined && input.title === undefined)
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'required unless templateId is given' });
  });
export const courseUpdateSchema = z.object(fields).partial().strict();

export const courseSchema = z
  .object({
    ...timestampsShape,
    title: z.string(),
    description: z.string(),
    material: z.string(),
    materialUrl: z.string().nullable(),
    audienceRoles: z.array(z.enum(ROLES)),
    audienceDepartments: z.array(z.string()),
    recurrenceMonths: z.number().int().nullable(),
    durationMinutes: z.number().int().nullable(),
    passScore: z.number().int().nullable(),
    isoRefs: z.array(z.string()),
    templateId: z.string().nullable(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    active: z.boolean(),
    assignments: z
      .object({ open: z.number().int(), overdue: z.number().int(), completed: z.number().int() })
      .describe('Counts of this course’s assignments, as of today.'),
  })
  .meta({ id: 'Course' });

export const courseTemplateItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    material: z.string(),
    audienceRoles: z.array(z.enum(ROLES)),
    audienceDepartments: z.array(z.string()),
    recurrenceMonths: z.number().int().nullable(),
    durationMinutes: z.number().int().nullable(),
    passScore: z.number().int().nullable(),
    isoRefs: z.array(z.string()),
  })
  .meta({ id: 'CourseTemplate' });

export const courseListSpec: ListSpec = {
  sortable: {
    title: 'courses.title',
    recurrenceMonths: 'courses.recurrence_months',
    createdAt: 'courses.created_at',
    updatedAt: 'courses.updated_at',
  },
  defaultSort: 'title',
  caseInsensitive: ['title'],
  nullable: ['recurrenceMonths'],
  idColumn: 'courses.id',
  searchable: ['courses.title', 'courses.description', 'courses.iso_refs'],
  filters: {
    active: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: string) => q.where('courses.active', '=', sql.lit(value === 'true')),
    },
    ownerId: { schema: z.string().max(100), column: 'courses.owner_id' },
    templateId: { schema: z.string().max(100), column: 'courses.template_id' },
    audienceRole: {
      schema: z.enum(ROLES),
      // The roles are a JSON array of plain words, so the quoted role matches exactly one element.
      apply: (q, role: string) => q.where('courses.audience_roles', 'like', `%"${role}"%`),
    },
  },
};

export const courseListQuery = listQuerySchema(courseListSpec);

export const assignBodySchema = z
  .object({
    personIds: z.array(idRef()).min(1).max(1000).optional(),
    audience: z.literal(true).optional().describe('Also assign to everyone in the course’s audience.'),
    dueOn: z.iso.date('must be a date as YYYY-MM-DD').optional().describe('Default: today + 30 days.'),
    reason: shortText(40).min(1).optional().describe("Default: 'audience' or 'manual'."),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.audience && !input.personIds)
      ctx.addIssue({ code: 'custom', path: ['personIds'], message: 'give personIds or audience: true' });
  });

export type CourseCreate = z.infer<typeof courseCreateSchema>;
export type CourseUpdate = z.infer<typeof courseUpdateSchema>;
export type Course = z.infer<typeof courseSchema>;
export type CourseTemplateItem = z.infer<typeof courseTemplateItemSchema>;
export type CourseListQuery = z.infer<typeof courseListQuery>;
export type AssignBody = z.infer<typeof assignBodySchema>;
