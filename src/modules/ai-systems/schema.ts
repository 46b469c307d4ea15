import { z } from 'zod';
import {
  idList,
  idRef,
  isoDate,
  isoDateTime,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  textList,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, linkFilter, listQuerySchema } from '../shared/list.js';

export const LIFECYCLE_STAGES = [
  'idea',
  'design',
  'development',
  'validation',
  'deployed',
  'retired',
] as const;
export const ORGANISATION_ROLES = ['provider', 'deployer', 'developer', 'user'] as const;
export const RISK_TIERS = ['prohibited', 'high', 'limited', 'minimal', 'gpai', 'unassessed'] as const;
export const DECISION_AUTONOMY = [
  'advisory',
  'human_in_the_loop',
  'human_on_the_loop',
  'fully_automated',
] as const;

export const modelSchema = z
  .object({
    name: requiredName(),
    version: shortText(100).nullable().optional(),
    /** The vendor that supplies the model; null or absent means built in-house. */
    providerVendorId: idRef().nullable().optional(),
    baseModel: shortText().nullable().optional(),
  })
  .strict();

const fields = {
  name: requiredName(),
  description: longText(),
  intendedPurpose: longText(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  organisationRole: z.enum(ORGANISATION_ROLES),
  riskTier: z.enum(RISK_TIERS),
  affectedPersons: textList(),
  decisionAutonomy: z.enum(DECISION_AUTONOMY).nullable(),
  humanOversight: longText(),
  deploymentEnvironment: shortText(1000),
  businessUnit: shortText(),
  ownerId: idRef().nullable(),
  models: z.array(modelSchema).max(50),
  datasetIds: idList(),
  vendorIds: idList(),
  deployedAt: isoDateTime().nullable(),
  lastReviewedAt: isoDateTime().nullable(),
  nextReviewDue: isoDate().nullable(),
};

export const aiSystemCreateSchema = z.object(fields).partial().required({ name: true }).strict();
export const aiSystemUpdateSchema = z.object(fields).partial().strict();

export const aiSystemSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    description: z.string(),
    intendedPurpose: z.string(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    organisationRole: z.enum(ORGANISATION_ROLES),
    riskTier: z.enum(RISK_TIERS),
    affectedPersons: z.array(z.string()),
    decisionAutonomy: z.enum(DECISION_AUTONOMY).nullable(),
    humanOversight: z.string(),
    deploymentEnvironment: z.string(),
    businessUnit: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    models: z.array(
      z.object({
        name: z.string(),
        version: z.string().nullable(),
        providerVendorId: z.string().nullable(),
        baseModel: z.string().nullable(),
      }),
    ),
    datasetIds: z.array(z.string()),
    vendorIds: z.array(z.string()),
    riskCount: z.number().int(),
    deployedAt: z.string().nullable(),
    lastReviewedAt: z.string().nullable(),
    nextReviewDue: z.string().nullable(),
  })
  .meta({ id: 'AiSystem' });

export const aiSystemListSpec: ListSpec = {
  sortable: {
    name: 'ai_systems.name',
    lifecycleStage: 'ai_systems.lifecycle_stage',
    riskTier: 'ai_systems.risk_tier',
    businessUnit: 'ai_systems.business_unit',
    nextReviewDue: 'ai_systems.next_review_due',
    createdAt: 'ai_systems.created_at',
    updatedAt: 'ai_systems.updated_at',
  },
  defaultSort: 'name',
  caseInsensitive: ['name', 'businessUnit'],
  nullable: ['nextReviewDue'],
  idColumn: 'ai_systems.id',
  searchable: [
    'ai_systems.name',
    'ai_systems.description',
    'ai_systems.intended_purpose',
    'ai_systems.business_unit',
  ],
  filters: {
    lifecycleStage: { schema: z.enum(LIFECYCLE_STAGES), column: 'ai_systems.lifecycle_stage' },
    riskTier: { schema: z.enum(RISK_TIERS), column: 'ai_systems.risk_tier' },
    organisationRole: { schema: z.enum(ORGANISATION_ROLES), column: 'ai_systems.organisation_role' },
    ownerId: { schema: z.string().max(100), column: 'ai_systems.owner_id' },
    businessUnit: { schema: shortText(), column: 'ai_systems.business_unit' },
    vendorId: linkFilter('ai_systems.id', 'ai_system_vendors', 'ai_system_id', 'target_id'),
    datasetId: linkFilter('ai_systems.id', 'ai_system_datasets', 'ai_system_id', 'target_id'),
    reviewDueBefore: {
      schema: isoDate(),
      apply: (q, date: string) => q.where('ai_systems.next_review_due', '<=', date),
    },
  },
};

export const aiSystemListQuery = listQuerySchema(aiSystemListSpec);

export type AiSystemCreate = z.infer<typeof aiSystemCreateSchema>;
export type AiSystemUpdate = z.infer<typeof aiSystemUpdateSchema>;
export type AiSystem = z.infer<typeof aiSystemSchema>;
export type AiSystemListQuery = z.infer<typeof aiSystemListQuery>;
