import { z } from 'zod';
import { ACTION_KINDS, ACTION_STATUSES } from './action-schema.js';

export const PLAN_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
export const planQuery = z.object({ format: z.enum(PLAN_FORMATS).default('json') }).strict();

const planActionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  kind: z.enum(ACTION_KINDS),
  owner: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  progress: z.number().int(),
  investment: z.number().nullable(),
  overdue: z.boolean(),
});

export const planGapSchema = z.object({
  kind: z.enum(['nonconformity', 'incident']),
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  grade: z.string().describe('Minor or major for a nonconformity; the severity of an incident.'),
  status: z.string(),
  requirement: z.string().nullable().describe('The requirement not met, as "ref title".'),
  rootCause: z.string(),
  owner: z.string().nullable(),
  link: z.string(),
  actions: z.array(planActionSchema),
  progress: z.number().int().describe('Mean progress of its actions that are not cancelled, in %.'),
  nextDue: z.string().nullable().describe('The earliest due date among its unfinished actions.'),
  investment: z.number(),
  overdue: z.boolean(),
});

export const planSchema = z
  .object({
    generatedAt: z.string(),
    gaps: z.array(planGapSchema),
    totals: z.object({
      openGaps: z.number().int(),
      actions: z.number().int(),
      actionsByStatus: z.object(
        Object.fromEntries(ACTION_STATUSES.map((s) => [s, z.number().int()])) as Record<
          (typeof ACTION_STATUSES)[number],
          z.ZodNumber
        >,
      ),
      overdue: z.number().int(),
      investment: z.number(),
    }),
  })
  .meta({ id: 'CorrectiveActionPlan' });

export type Plan = z.infer<typeof planSchema>;
export type PlanGap = z.infer<typeof planGapSchema>;
export type PlanAction = z.infer<typeof planActionSchema>;
