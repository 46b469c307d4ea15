import { z } from 'zod';
import { isoDate, longText, requiredName, shortText, timestampsShape } from '../shared/fields.js';

/** The external audits of a certification cycle, in the order they happen. */
export const EXTERNAL_AUDIT_KINDS = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
] as const;
export const EXTERNAL_AUDIT_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export type ExternalAuditKind = (typeof EXTERNAL_AUDIT_KINDS)[number];

export const EXTERNAL_AUDIT_LABELS: Record<ExternalAuditKind, string> = {
  stage1: 'Stage 1 audit',
  stage2: 'Stage 2 audit',
  surveillance1: 'Surveillance audit 1',
  surveillance2: 'Surveillance audit 2',
  recertification: 'Recertification audit',
};

export const certificationInputSchema = z
  .object({
    frameworkId: shortText(100).min(1).default('iso-42001-2023'),
    body: requiredName().describe('The accredited certification body.'),
    certificateNumber: shortText(100).default(''),
    scope: longText(5_000).default(''),
    issuedOn: isoDate()
      .nullable()
      .default(null)
      .describe('Certification decision date; starts the three-year cycle. Null before stage 2.'),
    expiresOn: isoDate()
      .nullable()
      .optional()
      .describe('Default: three years after the issue date, less a day.'),
  })
  .strict();
export type CertificationInput = z.infer<typeof certificationInputSchema>;

export const externalAuditInputSchema = z
  .object({
    kind: z.enum(EXTERNAL_AUDIT_KINDS),
    plannedStart: isoDate(),
    plannedEnd: isoDate(),
    status: z.enum(EXTERNAL_AUDIT_STATUSES).default('planned'),
    leadAuditor: shortText().default(''),
    result: longText(5_000).default(''),
  })
  .strict();
export type ExternalAuditInput = z.infer<typeof externalAuditInputSchema>;
export const externalAuditUpdateSchema = externalAuditInputSchema.partial().strict();
export type ExternalAuditUpdate = z.infer<typeof externalAuditUpdateSchema>;

export const externalAuditSchema = z
  .object({
    ...timestampsShape,
    kind: z.enum(EXTERNAL_AUDIT_KINDS),
    label: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    status: z.enum(EXTERNAL_AUDIT_STATUSES),
    leadAuditor: z.string(),
    result: z.string(),
  })
  .meta({ id: 'ExternalAudit' });
export type ExternalAudit = z.infer<typeof externalAuditSchema>;

const scheduledSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().describe('Planned start (audits) or scheduled day (reviews).'),
  status: z.string(),
});

/** Before each external audit: the internal audit and management review that should precede it. */
export const preparationSchema = z.object({
  externalAuditId: z.string(),
  label: z.string(),
  plannedStart: z.string(),
  internalAudits: z.array(scheduledSchema),
  managementReviews: z.array(scheduledSchema),
  internalAuditInPlace: z.boolean(),
  managementReviewInPlace: z.boolean(),
});

export const certificationSchema = z
  .object({
    certification: z
      .object({
        ...timestampsShape,
        frameworkId: z.string(),
        body: z.string(),
        certificateNumber: z.string(),
        scope: z.string(),
        issuedOn: z.string().nullable(),
        expiresOn: z.string().nullable(),
        daysToExpiry: z.number().int().nullable(),
      })
      .nullable(),
    externalAudits: z.array(externalAuditSchema),
    nextExternalAudit: externalAuditSchema.nullable(),
    preparation: z.array(preparationSchema),
  })
  .meta({ id: 'Certification' });
export type Certification = z.infer<typeof certificationSchema>;

export const READINESS_STATUSES = ['pass', 'warning', 'fail'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

export const readinessCheckSchema = z.object({
  key: z.string(),
  title: z.string(),
  status: z.enum(READINESS_STATUSES),
  count: z.number().int().nullable(),
  detail: z.string(),
  link: z.string().describe('Where to act in the web application.'),
});
export type ReadinessCheck = z.infer<typeof readinessCheckSchema>;

export const certificationReadinessSchema = z
  .object({
    computedAt: z.string(),
    target: z
      .object({ externalAuditId: z.string(), label: z.string(), plannedStart: z.string() })
      .nullable()
      .describe('The next external audit the checklist prepares for (null when none is planned).'),
    ready: z.boolean().describe('No check fails.'),
    summary: z.object({ pass: z.number().int(), warning: z.number().int(), fail: z.number().int() }),
    checks: z.array(readinessCheckSchema),
  })
  .meta({ id: 'CertificationReadiness' });
export type CertificationReadiness = z.infer<typeof certificationReadinessSchema>;

export const externalAuditParams = z.object({ auditId: z.string().max(200) }).strict();
