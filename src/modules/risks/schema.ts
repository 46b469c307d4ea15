import { z } from 'zod';
import {
  idList,
  idRef,
  isoDate,
  longText,
  ownerSummary,
  score,
  shortText,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, linkFilter, listQuerySchema } from '../shared/list.js';

export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const RISK_STATUSES = ['identified', 'assessed', 'in_treatment', 'accepted', 'closed'] as const;

export const acceptanceSchema = z
  .object({ approverId: idRef(), acceptedAt: isoDate(), expiresAt: isoDate() })
  .strict();

const fields = {
  title: shortText(300).min(1, 'must not be empty'),
  description: longText(),
  scenarioId: z.string().max(100).nullable(),
  aiSystemIds: idList(),
  likelihood: score(),
  impact: score(),
  residualLikelihood: score().nullable(),
  residualImpact: score().nullable(),
  treatment: z.enum(TREATMENTS).nullable(),
  treatmentPlan: longText(),
  ownerId: idRef().nullable(),
  dueDate: isoDate().nullable(),
  status: z.enum(RISK_STATUSES),
  acceptance: acceptanceSchema.nullable(),
};

/** Only a title or a scenario is needed: a scenario supplies title, description and default scores. */
export const riskCreateSchema = z
  .object(fields)
  .partial()
  .strict()
  .refine((input) => input.title !== undefined || input.scenarioId, {
    message: 'give a title or a scenarioId',
    path: ['title'],
  });
export const riskUpdateSchema = z.object(fields).partial().strict();

export const riskSchema = z
  .object({
    ...timestampsShape,
    title: z.string(),
    description: z.string(),
    scenarioId: z.string().nullable(),
    scenario: z.object({ id: z.string(), title: z.string() }).nullable(),
    aiSystemIds: z.array(z.string()),
    likelihood: z.number().int(),
    impact: z.number().int(),
    inherentScore: z.number().int(),
    inherentLevel: z.string().nullable(),
    residualLikelihood: z.number().int().nullable(),
    residualImpact: z.number().int().nullable(),
    residualScore: z.number().int().nullable(),
    residualLevel: z.string().nullable(),
    withinAppetite: z.boolean(),
    treatment: z.enum(TREATMENTS).nullable(),
    treatmentPlan: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    dueDate: z.string().nullable(),
    status: z.enum(RISK_STATUSES),
    acceptance: z
      .object({
        approverId: z.string(),
        approverName: z.string(),
        acceptedAt: z.string(),
        expiresAt: z.string(),
        expired: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'Risk' });

const scoreFilter = z.coerce.number().int().min(1).max(25);

export const riskListSpec: ListSpec = {
  sortable: {
    title: 'risks.title',
    inherentScore: 'risks.inherent_score',
    residualScore: 'risks.residual_score',
    likelihood: 'risks.likelihood',
    impact: 'risks.impact',
    status: 'risks.status',
    dueDate: 'risks.due_date',
    createdAt: 'risks.created_at',
    updatedAt: 'risks.updated_at',
  },
  defaultSort: '-inherentScore',
  caseInsensitive: ['title'],
  nullable: ['residualScore', 'dueDate'],
  idColumn: 'risks.id',
  searchable: ['risks.title', 'risks.description', 'risks.treatment_plan'],
  filters: {
    status: { schema: z.enum(RISK_STATUSES), column: 'risks.status' },
    treatment: { schema: z.enum(TREATMENTS), column: 'risks.treatment' },
    ownerId: { schema: z.string().max(100), column: 'risks.owner_id' },
    scenarioId: { schema: z.string().max(100), column: 'risks.scenario_id' },
    likelihood: { schema: z.coerce.number().int().min(1).max(5), column: 'risks.likelihood' },
    impact: { schema: z.coerce.number().int().min(1).max(5), column: 'risks.impact' },
    residualLikelihood: {
      schema: z.coerce.number().int().min(1).max(5),
      column: 'risks.residual_likelihood',
    },
    residualImpact: { schema: z.coerce.number().int().min(1).max(5), column: 'risks.residual_impact' },
    minScore: { schema: scoreFilter, apply: (q, min: number) => q.where('risks.inherent_score', '>=', min) },
    aiSystemId: linkFilter('risks.id', 'risk_ai_systems', 'risk_id', 'ai_system_id'),
    dueBefore: { schema: isoDate(), apply: (q, date: string) => q.where('risks.due_date', '<=', date) },
  },
};

export const riskListQuery = listQuerySchema(riskListSpec);

export const matrixQuerySchema = z
  .object({
    basis: z.enum(['inherent', 'residual']).default('inherent'),
    status: z.enum(RISK_STATUSES).optional(),
    ownerId: z.string().max(100).optional(),
    aiSystemId: z.string().max(100).optional(),
  })
  .strict();

export const matrixSchema = z
  .object({
    basis: z.enum(['inherent', 'residual']),
    likelihoodLevels: z.array(z.object({ value: z.number(), name: z.string() })),
    impactLevels: z.array(z.object({ value: z.number(), name: z.string() })),
    appetiteThreshold: z.number().int(),
    cells: z.array(
      z.object({
        likelihood: z.number().int(),
        impact: z.number().int(),
        score: z.number().int(),
        level: z.string().nullable(),
        withinAppetite: z.boolean(),
        count: z.number().int(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'RiskMatrix' });

export type RiskCreate = z.infer<typeof riskCreateSchema>;
export type RiskUpdate = z.infer<typeof riskUpdateSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type RiskListQuery = z.infer<typeof riskListQuery>;
export type MatrixQuery = z.infer<typeof matrixQuerySchema>;
export type Matrix = z.infer<typeof matrixSchema>;
