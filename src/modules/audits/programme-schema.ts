import { z } from 'zod';
import { idRef, isoDate, longText, ownerSummary, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const PROGRAMME_STATUSES = ['draft', 'approved', 'closed'] as const;
export const DEFAULT_FRAMEWORK = 'iso-42001-2023';

const fields = {
  name: requiredName(),
  frameworkId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(`The audited framework (default ${DEFAULT_FRAMEWORK}).`),
  cycleStart: isoDate().describe('First day of the certification cycle the programme plans for.'),
  cycleEnd: isoDate().describe('Last day of the cycle (default: three years after cycleStart).'),
  objectives: longText(20_000).describe('What the programme sets out to achieve, in Markdown.'),
  ownerId: idRef().nullable(),
};

export const programmeCreateSchema = z
  .object(fields)
  .partial()
  .required({ name: true, cycleStart: true })
  .strict();
export const programmeUpdateSchema = z.object(fields).partial().strict();

export const coverageTotalsSchema = z.object({
  requirements: z.number().int().describe('Clauses and applicable Annex A controls in scope.'),
  planned: z.number().int().describe('In the checklist of at least one audit that is not cancelled.'),
  audited: z.number().int().describe('Given a result in a completed audit.'),
  percentPlanned: z.number().int(),
  percentAudited: z.number().int(),
});

const coverageAuditSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  result: z.string().nullable(),
});

export const coverageSchema = z
  .object({
    programmeId: z.string(),
    frameworkId: z.string(),
    totals: coverageTotalsSchema,
    requirements: z.array(
      z.object({
        requirementId: z.string(),
        ref: z.string(),
        title: z.string(),
        kind: z.enum(['clause', 'control']),
        planned: z.boolean(),
        audited: z.boolean(),
        audits: z.array(coverageAuditSchema),
      }),
    ),
    gaps: z
      .array(z.object({ requirementId: z.string(), ref: z.string(), title: z.string() }))
      .describe('In scope but in no audit of the programme yet.'),
  })
  .meta({ id: 'AuditProgrammeCoverage' });

export const programmeSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    frameworkId: z.string(),
    cycleStart: z.string(),
    cycleEnd: z.string(),
    objectives: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    approvedBy: ownerSummary,
    approvedAt: z.string().nullable(),
    auditCount: z.number().int(),
    coverage: coverageTotalsSchema,
  })
  .meta({ id: 'AuditProgramme' });

export const programmeListSpec: ListSpec = {
  sortable: {
    name: 'audit_programmes.name',
    cycleStart: 'audit_programmes.cycle_start',
    status: 'audit_programmes.status',
    createdAt: 'audit_programmes.created_at',
  },
  caseInsensitive: ['name'],
  defaultSort: '-cycleStart',
  idColumn: 'audit_programmes.id',
  searchable: ['audit_programmes.name', 'audit_programmes.objectives'],
  filters: {
    status: { schema: z.enum(PROGRAMME_STATUSES), column: 'audit_programmes.status' },
    ownerId: { schema: z.string().max(100), column: 'audit_programmes.owner_id' },
  },
};
export const programmeListQuery = listQuerySchema(programmeListSpec);

export type ProgrammeCreate = z.infer<typeof programmeCreateSchema>;
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeListQuery = z.infer<typeof programmeListQuery>;
export type Coverage = z.infer<typeof coverageSchema>;
export type CoverageTotals = z.infer<typeof coverageTotalsSchema>;
