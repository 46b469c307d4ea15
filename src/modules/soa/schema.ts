import { z } from 'zod';
import { longText, shortText } from '../shared/fields.js';

export const SOA_FRAMEWORKS = ['iso-42001-2023', 'iso-27001-2022'] as const;
export const EXPORT_FORMATS = ['xlsx', 'docx', 'pdf', 'csv'] as const;

export const soaRowSchema = z.object({
  ref: z.string(),
  title: z.string(),
  group: z.string(),
  applicable: z.boolean(),
  justification: z.string(),
  implementationStatus: z.enum(['met', 'partial', 'not_met', 'not_applicable']),
  controlIds: z.array(z.string()),
  evidenceCount: z.number().int(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const soaSchema = z
  .object({
    frameworkId: z.string(),
    state: z.literal('draft'),
    latestApprovedVersion: z.number().int().nullable(),
    missingJustifications: z
      .array(z.string())
      .describe('Rows that still need a justification before the draft can be approved.'),
    rows: z.array(soaRowSchema),
  })
  .meta({ id: 'StatementOfApplicability' });

export const soaVersionSchema = z
  .object({
    frameworkId: z.string(),
    version: z.number().int(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    changelog: z.string(),
    rows: z.array(soaRowSchema),
  })
  .meta({ id: 'SoaVersion' });

export const soaVersionSummarySchema = soaVersionSchema.omit({ rows: true }).extend({
  applicableCount: z.number().int(),
  excludedCount: z.number().int(),
});

export const soaQuery = z.object({ frameworkId: z.enum(SOA_FRAMEWORKS).default('iso-42001-2023') }).strict();
export const rowParams = z.object({ ref: z.string().max(40) }).strict();
export const rowUpdateSchema = z
  .object({ applicable: z.boolean(), justification: longText(5000).optional() })
  .strict();
export const approveSchema = z
  .object({
    frameworkId: z.enum(SOA_FRAMEWORKS).default('iso-42001-2023'),
    changelog: shortText(2000).min(1, 'say what changed'),
  })
  .strict();
export const versionParams = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }).strict();
export const exportQuery = soaQuery.extend({ format: z.enum(EXPORT_FORMATS) }).strict();
export const diffQuery = soaQuery
  .extend({
    from: z.coerce.number().int().min(1),
    to: z.union([z.coerce.number().int().min(1), z.literal('draft')]).default('draft'),
  })
  .strict();

export const diffSchema = z
  .object({
    frameworkId: z.string(),
    from: z.number().int(),
    to: z.union([z.number().int(), z.literal('draft')]),
    changes: z.array(
      z.object({
        ref: z.string(),
        title: z.string(),
        fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
      }),
    ),
  })
  .meta({ id: 'SoaDiff' });

export type SoaRow = z.infer<typeof soaRowSchema>;
export type Soa = z.infer<typeof soaSchema>;
export type SoaVersion = z.infer<typeof soaVersionSchema>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
