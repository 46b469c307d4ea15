import { z } from 'zod';
import {
  idList,
  idRef,
  isoDate,
  longText,
  ownerSummary,
  requiredName,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { checklistItemSchema, findingSchema, RESULTS } from './checklist-schema.js';

export const AUDIT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

const requirementRefs = z
  .array(z.string().trim().min(1).max(50))
  .min(1)
  .max(200)
  .describe('Refs or prefixes to audit, e.g. ["4", "5.2", "A.6"]; default: everything in scope.');

const fields = {
  title: requiredName(),
  scope: longText(20_000),
  criteria: longText(20_000).describe('What the audit checks against: the standard, policies, procedures.'),
  frameworkId: z.string().trim().min(1).max(100).describe("Default: the programme's framework."),
  programmeId: idRef().nullable(),
  leadAuditorId: idRef(),
  teamIds: idList(30),
  plannedStart: isoDate(),
  plannedEnd: isoDate(),
  requirementRefs,
  independenceJustification: longText(5_000).describe(
    'Required when an auditor owns controls mapped to requirements the audit covers (9.2: objectivity).',
  ),
};

export const auditCreateSchema = z
  .object(fields)
  .partial()
  .required({ title: true, leadAuditorId: true, plannedStart: true, plannedEnd: true })
  .strict();
export const auditUpdateSchema = z
  .object(fields)
  .omit({ frameworkId: true })
  .extend({ requirementRefs: requirementRefs.describe('Regenerates the checklist; only while planned.') })
  .partial()
  .strict();
export const completeSchema = z.object({ conclusion: requiredName(20_000) }).strict();
export const reportQuery = z.object({ format: z.enum(['pdf', 'docx']) }).strict();

const csv = z
  .string()
  .max(5_000)
  .transform((text) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
export const independenceQuery = z
  .object({
    leadAuditorId: z.string().max(100).optional(),
    teamIds: csv.optional().describe('Comma-separated person ids.'),
    programmeId: z.string().max(100).optional(),
    frameworkId: z.string().max(100).optional(),
    requirementRefs: csv.optional().describe('Comma-separated refs or prefixes.'),
  })
  .strict();

export const independenceWarningSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  controlIds: z.array(z.string()),
  controls: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const independenceCheckSchema = z
  .object({ requirementCount: z.number().int(), warnings: z.array(independenceWarningSchema) })
  .meta({ id: 'AuditIndependenceCheck' });

const progressSchema = z.object({
  items: z.number().int(),
  assessed: z.number().int(),
  open: z.number().int(),
  results: z.partialRecord(z.enum(RESULTS), z.number().int()),
  findings: z.number().int(),
});

export const auditSummarySchema = z
  .object({
    ...timestampsShape,
    reference: z.string().describe('IA-<year>-<nn>, sequential within the year the audit starts.'),
    title: z.string(),
    scope: z.string(),
    criteria: z.string(),
    frameworkId: z.string(),
    programmeId: z.string().nullable(),
    programme: ownerSummary,
    leadAuditorId: z.string().nullable(),
    leadAuditor: ownerSummary,
    teamIds: z.array(z.string()),
    team: z.array(z.object({ id: z.string(), name: z.string() })),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    status: z.enum(AUDIT_STATUSES),
    independenceWarnings: z.array(independenceWarningSchema),
    independenceJustification: z.string(),
    conclusion: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    progress: progressSchema,
  })
  .meta({ id: 'AuditSummary' });

export const auditSchema = auditSummarySchema
  .extend({ checklist: z.array(checklistItemSchema), findings: z.array(findingSchema) })
  .meta({ id: 'Audit' });

export const auditListSpec: ListSpec = {
  sortable: {
    reference: 'audits.reference',
    title: 'audits.title',
    status: 'audits.status',
    plannedStart: 'audits.planned_start',
    plannedEnd: 'audits.planned_end',
    createdAt: 'audits.created_at',
  },
  caseInsensitive: ['title'],
  defaultSort: '-plannedStart',
  idColumn: 'audits.id',
  searchable: ['audits.reference', 'audits.title', 'audits.scope'],
  filters: {
    status: { schema: z.enum(AUDIT_STATUSES), column: 'audits.status' },
    programmeId: { schema: z.string().max(100), column: 'audits.programme_id' },
    leadAuditorId: { schema: z.string().max(100), column: 'audits.lead_auditor_id' },
  },
};
export const auditListQuery = listQuerySchema(auditListSpec);

export type AuditCreate = z.infer<typeof auditCreateSchema>;
export type AuditUpdate = z.infer<typeof auditUpdateSchema>;
export type AuditSummary = z.infer<typeof auditSummarySchema>;
export type Audit = z.infer<typeof auditSchema>;
export type AuditListQuery = z.infer<typeof auditListQuery>;
export type IndependenceQuery = z.infer<typeof independenceQuery>;
export type IndependenceWarning = z.infer<typeof independenceWarningSchema>;
