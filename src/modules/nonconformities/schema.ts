import { z } from 'zod';
import {
  idRef,
  isoDate,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { needsEffectivenessCheckFilter, overdueActionFilter } from './filters.js';

export const NC_SOURCES = [
  'audit_finding',
  'test',
  'incident',
  'complaint',
  'management_review',
  'manual',
] as const;
export const NC_GRADES = ['minor', 'major'] as const;
export const NC_STATUSES = ['open', 'action_planned', 'verifying', 'closed', 'cancelled'] as const;

export type NcSource = (typeof NC_SOURCES)[number];
export type NcStatus = (typeof NC_STATUSES)[number];

const whySchema = z.object({ question: shortText(500), answer: longText(2_000) }).strict();

const fields = {
  title: requiredName(),
  description: longText(20_000),
  requirementId: shortText(200)
    .min(1)
    .nullable()
    .describe('A framework requirement, e.g. "iso-42001-2023:8.2".'),
  grade: z.enum(NC_GRADES),
  ownerId: idRef().nullable(),
  raisedOn: isoDate().describe('The day it was raised; not in the future (default: today).'),
  containment: longText(20_000),
  correction: longText(20_000),
  rootCauseWhys: z.array(whySchema).max(5).describe('The five whys, asked in order.'),
  rootCause: longText(20_000),
};

export const nonconformityCreateSchema = z
  .object({
    ...fields,
    source: z.enum(NC_SOURCES),
    sourceId: z
      .string()
      .max(200)
      .nullable()
      .describe(
        'The audit finding, monitoring issue, incident, concern or management review output it comes from; none for "manual".',
      ),
    grade: z.enum(NC_GRADES).describe('Default: from the audit finding, else minor.'),
  })
  .partial()
  .required({ title: true, source: true })
  .strict();

export const nonconformityUpdateSchema = z
  .object({
    ...fields,
    status: z
      .enum(['closed', 'cancelled'])
      .describe(
        'Only closing and cancelling are set by hand; open, action planned and verifying follow the actions.',
      ),
    cancellationReason: shortText(2_000),
  })
  .partial()
  .strict();

export const effectivenessCheckCreateSchema = z
  .object({ plannedFor: isoDate(), checkerId: idRef().nullable().optional() })
  .strict();
export const effectivenessCheckRecordSchema = z
  .object({ result: z.enum(['effective', 'not_effective']), notes: longText(20_000).optional() })
  .strict();
export const checkParams = z.object({ id: z.string().max(200), checkId: z.string().max(200) }).strict();

export const effectivenessCheckSchema = z.object({
  ...timestampsShape,
  plannedFor: z.string(),
  checkerId: z.string().nullable(),
  checker: ownerSummary,
  result: z.enum(['effective', 'not_effective']).nullable(),
  notes: z.string(),
  checkedAt: z.string().nullable(),
  due: z.boolean().describe('Not yet recorded and planned for today or earlier.'),
});

export const ncSourceSchema = z.object({
  kind: z.enum(NC_SOURCES),
  id: z.string().nullable(),
  label: z.string().describe('The source record as people name it, e.g. "INC-2026-004: …".'),
  link: z.string().nullable().describe('Where the source is in the web application.'),
});

export const nonconformitySchema = z
  .object({
    ...timestampsShape,
    reference: z.string().describe('NC-<year>-<number>, sequential within the year it was raised.'),
    title: z.string(),
    description: z.string(),
    source: ncSourceSchema,
    requirementId: z.string().nullable(),
    requirement: z.object({ id: z.string(), ref: z.string(), title: z.string() }).nullable(),
    grade: z.enum(NC_GRADES),
    status: z.enum(NC_STATUSES),
    containment: z.string(),
    correction: z.string(),
    rootCauseWhys: z.array(z.object({ question: z.string(), answer: z.string() })),
    rootCause: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    raisedBy: z.string(),
    raisedOn: z.string(),
    closedAt: z.string().nullable(),
    cancellationReason: z.string(),
    actionCounts: z.object({
      total: z.number().int(),
      unfinished: z.number().int(),
      done: z.number().int(),
      cancelled: z.number().int(),
      overdue: z.number().int(),
    }),
    overdue: z.boolean().describe('At least one of its corrective actions is overdue.'),
    effectivenessChecks: z.array(effectivenessCheckSchema).describe('Oldest first.'),
    closable: z.object({
      allowed: z.boolean(),
      reason: z.string().nullable().describe('Why it cannot be closed yet.'),
    }),
  })
  .meta({ id: 'Nonconformity' });

export const nonconformityListSpec: ListSpec = {
  sortable: {
    reference: 'nonconformities.reference',
    title: 'nonconformities.title',
    status: 'nonconformities.status',
    grade: 'nonconformities.grade',
    raisedOn: 'nonconformities.raised_on',
    createdAt: 'nonconformities.created_at',
    updatedAt: 'nonconformities.updated_at',
  },
  defaultSort: '-raisedOn',
  caseInsensitive: ['title'],
  idColumn: 'nonconformities.id',
  searchable: ['nonconformities.reference', 'nonconformities.title', 'nonconformities.description'],
  filters: {
    status: { schema: z.enum(NC_STATUSES), column: 'nonconformities.status' },
    grade: { schema: z.enum(NC_GRADES), column: 'nonconformities.grade' },
    source: { schema: z.enum(NC_SOURCES), column: 'nonconformities.source' },
    ownerId: { schema: z.string().max(100), column: 'nonconformities.owner_id' },
    overdue: overdueActionFilter,
    needsEffectivenessCheck: needsEffectivenessCheckFilter,
  },
};
export const nonconformityListQuery = listQuerySchema(nonconformityListSpec);

export type NonconformityCreate = z.infer<typeof nonconformityCreateSchema>;
export type NonconformityUpdate = z.infer<typeof nonconformityUpdateSchema>;
export type Nonconformity = z.infer<typeof nonconformitySchema>;
export type NonconformityListQuery = z.infer<typeof nonconformityListQuery>;
export type EffectivenessCheck = z.infer<typeof effectivenessCheckSchema>;
export type EffectivenessCheckCreate = z.infer<typeof effectivenessCheckCreateSchema>;
export type EffectivenessCheckRecord = z.infer<typeof effectivenessCheckRecordSchema>;
export type NcSourceSummary = z.infer<typeof ncSourceSchema>;
