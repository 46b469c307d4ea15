import { z } from 'zod';
import { ATTAINMENTS, STANDINGS } from '../objectives/standing.js';
import {
  idRef,
  isoDateTime,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { TEST_STATUSES } from '../tests/schema.js';
import { ANALYSIS_STANDINGS, PLAN_FREQUENCIES } from './analysis.js';

/** A clause or control reference: "9.1", "6.2", "A.6.2.6". */
const requirementRef = z
  .string()
  .trim()
  .regex(/^(A\.)?\d+(\.\d+)*$/, 'must be a clause or control reference such as 9.1 or A.6.2.6');

const fields = {
  subject: requiredName(300).describe('What is monitored or measured.'),
  method: longText(5000).describe('How it is monitored, measured, analysed and evaluated.'),
  frequency: z.enum(PLAN_FREQUENCIES),
  analystId: idRef().nullable().describe('Who analyses and evaluates the results.'),
  analysisSchedule: shortText(300).describe(
    'When results are analysed, e.g. "monthly at the AI steering meeting".',
  ),
  requirementRefs: z.array(requirementRef).max(30),
  testIds: z
    .array(z.string().trim().min(1).max(200))
    .max(50)
    .describe('Monitoring tests whose results it uses.'),
  objectiveIds: z.array(idRef()).max(50).describe('Objectives whose measurements it uses.'),
};

export const planItemCreateSchema = z
  .object(fields)
  .partial()
  .required({ subject: true, frequency: true })
  .strict();
export const planItemUpdateSchema = z.object(fields).partial().strict();

export const analysisCreateSchema = z
  .object({
    notes: z.string().trim().min(1, 'must say what the analysis found').max(10_000),
    analysedAt: isoDateTime()
      .optional()
      .describe('When the results were analysed (default now); not in the future.'),
  })
  .strict();

const testResult = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(TEST_STATUSES),
  pass: z.number().int(),
  fail: z.number().int(),
  error: z.number().int(),
  lastRunAt: z.string().nullable(),
});

const objectiveResult = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  direction: z.string(),
  target: z.number(),
  latestValue: z.number().nullable(),
  measuredAt: z.string().nullable(),
  attainment: z.enum(ATTAINMENTS),
  standing: z.enum(STANDINGS),
});

export const RESULT_STATUSES = ['ok', 'attention', 'no_data'] as const;

export const planItemSchema = z
  .object({
    ...timestampsShape,
    subject: z.string(),
    method: z.string(),
    frequency: z.enum(PLAN_FREQUENCIES),
    analystId: z.string().nullable(),
    analyst: ownerSummary,
    analysisSchedule: z.string(),
    requirementRefs: z.array(z.string()),
    testIds: z.array(z.string()),
    objectiveIds: z.array(z.string()),
    results: z.object({
      status: z
        .enum(RESULT_STATUSES)
        .describe('attention: a linked test fails or errs, or an objective is off target or due.'),
      tests: z.array(testResult),
      objectives: z.array(objectiveResult),
    }),
    lastAnalysedAt: z.string().nullable(),
    analysisNotes: z.string(),
    analysisStanding: z.enum(ANALYSIS_STANDINGS),
    nextAnalysisDue: z.string().nullable(),
  })
  .meta({ id: 'MonitoringPlanItem' });

export const planListSpec: ListSpec = {
  sortable: {
    subject: 'monitoring_plan_items.subject',
    frequency: 'monitoring_plan_items.frequency',
    lastAnalysedAt: 'monitoring_plan_items.last_analysed_at',
    createdAt: 'monitoring_plan_items.created_at',
    updatedAt: 'monitoring_plan_items.updated_at',
  },
  defaultSort: 'subject',
  caseInsensitive: ['subject'],
  nullable: ['lastAnalysedAt'],
  idColumn: 'monitoring_plan_items.id',
  searchable: ['monitoring_plan_items.subject', 'monitoring_plan_items.method'],
  filters: {
    frequency: { schema: z.enum(PLAN_FREQUENCIES), column: 'monitoring_plan_items.frequency' },
    analystId: { schema: z.string().max(100), column: 'monitoring_plan_items.analyst_id' },
  },
};

export const planListQuery = listQuerySchema(planListSpec);
export const planExportQuery = z.object({ format: z.enum(['xlsx']).default('xlsx') }).strict();

export type PlanItemCreate = z.infer<typeof planItemCreateSchema>;
export type PlanItemUpdate = z.infer<typeof planItemUpdateSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;
export type PlanListQuery = z.infer<typeof planListQuery>;
export type AnalysisCreate = z.infer<typeof analysisCreateSchema>;
