import { z } from 'zod';
import { FRAMEWORK_IDS, RELATIONSHIPS, REQUIREMENT_KINDS } from '../../content/frameworks.js';
import { STATUSES } from './status.js';

export const frameworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    publisher: z.string(),
    version: z.string(),
    description: z.string(),
    contentVersion: z.number().int(),
    inScope: z.boolean(),
    requirementCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Framework' });

export const frameworkUpdateSchema = z.object({ inScope: z.boolean() }).strict();

const crossMapping = z.object({
  frameworkId: z.string(),
  ref: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  direction: z
    .enum(['to', 'from'])
    .describe('"to": this requirement maps to the other; "from": the other maps to this one.'),
});

export const requirementItemSchema = z
  .object({
    ref: z.string(),
    title: z.string(),
    parentRef: z.string().nullable(),
    kind: z.enum(REQUIREMENT_KINDS),
    status: z.enum(STATUSES),
    assessable: z.boolean(),
    counted: z.boolean(),
    controlIds: z.array(z.string()),
    mappings: z.array(crossMapping),
  })
  .meta({ id: 'RequirementItem' });

export const requirementTreeSchema = z
  .object({ frameworkId: z.string(), items: z.array(requirementItemSchema) })
  .meta({ id: 'RequirementTree' });

export const requirementDetailSchema = z
  .object({
    frameworkId: z.string(),
    ref: z.string(),
    title: z.string(),
    parentRef: z.string().nullable(),
    kind: z.enum(REQUIREMENT_KINDS),
    summary: z.string(),
    auditorFocus: z.string(),
    typicalEvidence: z.array(z.string()),
    appliesTo: z.object({ roles: z.array(z.string()), riskTiers: z.array(z.string()) }).nullable(),
    status: z.enum(STATUSES),
    counted: z.boolean(),
    reason: z.string(),
    notCoveredReason: z.string().nullable(),
    controls: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        relationship: z.enum(RELATIONSHIPS),
        rationale: z.string(),
        status: z.string(),
        owner: z.object({ id: z.string(), name: z.string() }).nullable(),
        operating: z.boolean(),
        operatingReason: z.string(),
        evidence: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            validUntil: z.string().nullable(),
            stale: z.boolean(),
          }),
        ),
      }),
    ),
    soa: z.object({ applicable: z.boolean(), justification: z.string() }).nullable(),
    coverageConfirmation: z
      .object({ confirmedBy: z.string(), confirmedAt: z.string(), note: z.string() })
      .nullable(),
    mappings: z.array(crossMapping.extend({ title: z.string(), rationale: z.string() })),
  })
  .meta({ id: 'RequirementDetail' });

export const frameworkParams = z.object({ id: z.string().max(100) }).strict();
export const requirementParams = z.object({ id: z.string().max(100), ref: z.string().max(100) }).strict();
export const confirmationSchema = z
  .object({ note: z.string().trim().min(1, 'say why the controls together cover it').max(2000) })
  .strict();

export type Framework = z.infer<typeof frameworkSchema>;
export type RequirementItem = z.infer<typeof requirementItemSchema>;
export type RequirementDetail = z.infer<typeof requirementDetailSchema>;
export const frameworkIds = FRAMEWORK_IDS;
