import { z } from 'zod';
import { IMPACT_LEVELS } from '../../content/impact-templates.js';
import { idRef, isoDate, ownerSummary, shortText, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const ASSESSMENT_STATUSES = ['draft', 'in_review', 'approved', 'superseded'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const SYSTEM_STATUSES = ['missing', 'current', 'due', 'overdue'] as const;
/** An approved assessment falls due this many days before its cadence runs out. */
export const DUE_SOON_DAYS = 30;

const answers = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a question id'),
  z.string().max(10_000),
);

export const assessmentCreateSchema = z
  .object({
    aiSystemId: idRef(),
    templateId: shortText(100).min(1).optional(),
    assessorId: idRef().nullable().optional(),
    reviewCadenceMonths: z.number().int().min(1).max(36).optional(),
  })
  .strict();

export const assessmentUpdateSchema = z
  .object({
    answers: answers.describe('Answers to merge in, by question id; an empty string clears one.'),
    assessorId: idRef().nullable(),
    reviewCadenceMonths: z.number().int().min(1).max(36),
  })
  .partial()
  .strict();

export const assessmentTransitionSchema = z
  .object({ to: z.enum(['draft', 'in_review', 'approved']), comment: shortText(2000).optional() })
  .strict();

export const assessmentSchema = z
  .object({
    ...timestampsShape,
    aiSystemId: z.string(),
    aiSystemName: z.string(),
    version: z.number().int(),
    templateId: z.string(),
    templateVersion: z.number().int(),
    status: z.enum(ASSESSMENT_STATUSES),
    answers: z.record(z.string(), z.string()),
    score: z.number().int(),
    impactLevel: z.enum(IMPACT_LEVELS),
    unanswered: z.array(z.string()).describe('Required questions without an answer yet.'),
    assessorId: z.string().nullable(),
    assessor: ownerSummary,
    submittedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    reviewCadenceMonths: z.number().int(),
    nextReviewDue: z.string().nullable(),
  })
  .meta({ id: 'ImpactAssessment' });

export const systemStatusSchema = z
  .object({
    aiSystemId: z.string(),
    aiSystemName: z.string(),
    riskTier: z.string(),
    stage: z.string(),
    status: z.enum(SYSTEM_STATUSES),
    approvedVersion: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    impactLevel: z.enum(IMPACT_LEVELS).nullable(),
    dueOn: z.string().nullable(),
    reason: z.string().describe('Why the system stands where it does.'),
  })
  .meta({ id: 'ImpactAssessmentSystemStatus' });

export const systemStatusQuery = z
  .object({ status: z.enum(SYSTEM_STATUSES).optional(), aiSystemId: z.string().max(100).optional() })
  .strict();

export const triggerSchema = z.object({ reason: shortText(500).min(1), dueOn: isoDate() }).strict();

export const assessmentListSpec: ListSpec = {
  sortable: {
    version: 'impact_assessments.version',
    status: 'impact_assessments.status',
    impactLevel: 'impact_assessments.impact_level',
    approvedAt: 'impact_assessments.approved_at',
    updatedAt: 'impact_assessments.updated_at',
  },
  defaultSort: '-updatedAt',
  nullable: ['approvedAt'],
  idColumn: 'impact_assessments.id',
  searchable: ['ai_systems.name'],
  filters: {
    aiSystemId: { schema: z.string().max(100), column: 'impact_assessments.ai_system_id' },
    status: { schema: z.enum(ASSESSMENT_STATUSES), column: 'impact_assessments.status' },
    impactLevel: { schema: z.enum(IMPACT_LEVELS), column: 'impact_assessments.impact_level' },
  },
};
export const assessmentListQuery = listQuerySchema(assessmentListSpec);
export const exportQuery = z.object({ format: z.enum(['pdf', 'docx']) }).strict();

export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;
export type AssessmentUpdate = z.infer<typeof assessmentUpdateSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type SystemStatus = z.infer<typeof systemStatusSchema>;
export type AssessmentListQuery = z.infer<typeof assessmentListQuery>;
