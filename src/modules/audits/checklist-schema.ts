import { z } from 'zod';
import { idList, longText, ownerSummary, requiredName } from '../shared/fields.js';

export const RESULTS = ['conforming', 'minor_nc', 'major_nc', 'observation', 'opportunity'] as const;
export const FINDING_TYPES = ['minor_nc', 'major_nc', 'observation', 'opportunity'] as const;
export type Result = (typeof RESULTS)[number];
export type FindingType = (typeof FINDING_TYPES)[number];

export const checklistParams = z.object({ id: z.string().max(200), itemId: z.string().max(200) }).strict();

export const checklistUpdateSchema = z
  .object({
    result: z
      .enum(RESULTS)
      .nullable()
      .describe('Anything but conforming records a finding of that type; null clears the result.'),
    notes: longText(20_000).describe('What was seen; becomes the finding description.'),
    sampledEvidenceIds: idList(100).describe('Evidence records sampled while auditing the requirement.'),
  })
  .partial()
  .strict();

export const findingCreateSchema = z
  .object({
    type: z.enum(FINDING_TYPES),
    description: requiredName(20_000),
    requirementId: z.string().max(200).nullable().optional().describe('e.g. iso-42001-2023:A.6.2.4'),
  })
  .strict();

export const checklistItemSchema = z.object({
  id: z.string(),
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  group: z.string().describe('The clause ("4") or Annex A group ("A.6") the item sits under.'),
  auditorFocus: z.string(),
  typicalEvidence: z.array(z.string()),
  result: z.enum(RESULTS).nullable(),
  notes: z.string(),
  sampledEvidenceIds: z.array(z.string()),
  sampledEvidence: z.array(z.object({ id: z.string(), title: z.string() })),
  assessedBy: ownerSummary,
  assessedAt: z.string().nullable(),
  findingId: z.string().nullable(),
});

export const findingSchema = z
  .object({
    id: z.string(),
    auditId: z.string(),
    auditReference: z.string(),
    checklistItemId: z.string().nullable(),
    requirementId: z.string().nullable(),
    requirementRef: z.string().nullable(),
    requirementTitle: z.string().nullable(),
    type: z.enum(FINDING_TYPES),
    description: z.string(),
    nonconformityId: z.string().nullable(),
    nonconformityReference: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AuditFinding' });

export type ChecklistUpdate = z.infer<typeof checklistUpdateSchema>;
export type FindingCreate = z.infer<typeof findingCreateSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Finding = z.infer<typeof findingSchema>;
