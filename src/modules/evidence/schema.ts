import { type ExpressionBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import {
  idRef,
  isoDate,
  isoDateTime,
  longText,
  ownerSummary,
  requiredName,
  shortText,
} from '../shared/fields.js';
import { type ListSpec, linkFilter, listQuerySchema } from '../shared/list.js';

export const EVIDENCE_KINDS = ['file', 'link', 'note'] as const;

const content = {
  url: z.url('must be a URL').max(2000).optional(),
  note: longText(20_000).optional(),
  collectedAt: isoDateTime()
    .optional()
    .describe('When the evidence was true, as opposed to when it was uploaded.'),
  validUntil: isoDate().nullable().optional().describe('After this day the evidence is stale.'),
};

export const evidenceCreateSchema = z
  .object({
    title: requiredName(300),
    description: longText(5000).optional(),
    kind: z.enum(EVIDENCE_KINDS),
    ownerId: idRef().nullable().optional(),
    controlIds: z.array(shortText(100).min(1)).max(200).optional(),
    ...content,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === 'link' && !input.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'a link needs a url' });
    if (input.kind === 'note' && !input.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'a note needs its text' });
    if (input.kind === 'file' && (input.url || input.note)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'upload the file to /api/evidence/{id}/versions',
      });
    }
  });

export const evidenceUpdateSchema = z
  .object({
    title: requiredName(300),
    description: longText(5000),
    ownerId: idRef().nullable(),
    controlIds: z.array(shortText(100).min(1)).max(200),
    validUntil: isoDate().nullable(),
  })
  .partial()
  .strict();

/** A new version of a link or note evidence item (files are uploaded as multipart/form-data). */
export const versionCreateSchema = z.object(content).strict();

export const versionSchema = z
  .object({
    version: z.number().int(),
    kind: z.enum(EVIDENCE_KINDS),
    sha256: z.string().nullable(),
    filename: z.string().nullable(),
    contentType: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    url: z.string().nullable(),
    note: z.string().nullable(),
    collectedAt: z.string().nullable(),
    validUntil: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'EvidenceVersion' });

export const evidenceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    controlIds: z.array(z.string()),
    latestVersion: z.number().int(),
    collectedAt: z.string().nullable(),
    validUntil: z.string().nullable(),
    state: z.enum(['current', 'stale', 'empty']),
    latest: versionSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Evidence' });

export const evidenceListSpec: ListSpec = {
  sortable: {
    title: 'evidence.title',
    validUntil: 'evidence.valid_until',
    collectedAt: 'evidence.collected_at',
    createdAt: 'evidence.created_at',
    updatedAt: 'evidence.updated_at',
  },
  defaultSort: '-updatedAt',
  caseInsensitive: ['title'],
  nullable: ['validUntil', 'collectedAt'],
  idColumn: 'evidence.id',
  searchable: ['evidence.title', 'evidence.description'],
  filters: {
    kind: { schema: z.enum(EVIDENCE_KINDS), column: 'evidence.kind' },
    ownerId: { schema: z.string().max(100), column: 'evidence.owner_id' },
    controlId: linkFilter('evidence.id', 'evidence_controls', 'evidence_id', 'control_id'),
    aiSystemId: {
      schema: z.string().max(100).describe('Only evidence for controls that apply to this AI system.'),
      apply: (q, systemId: string) =>
        q.where(sql.ref('evidence.id'), 'in', (eb: ExpressionBuilder<DB, never>) =>
          eb
            .selectFrom('evidence_controls')
            .innerJoin('control_ai_systems', 'control_ai_systems.control_id', 'evidence_controls.control_id')
            .select('evidence_controls.evidence_id')
            .where('control_ai_systems.ai_system_id', '=', systemId),
        ),
    },
    staleOn: {
      schema: isoDate().describe('Only items whose validity ended before this day.'),
      apply: (q, day: string) => q.where('evidence.valid_until', '<', day),
    },
  },
};
export const evidenceListQuery = listQuerySchema(evidenceListSpec);

export const versionParams = z
  .object({ id: z.string().max(200), version: z.coerce.number().int().min(1) })
  .strict();

export type EvidenceCreate = z.infer<typeof evidenceCreateSchema>;
export type EvidenceUpdate = z.infer<typeof evidenceUpdateSchema>;
export type VersionCreate = z.infer<typeof versionCreateSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceVersion = z.infer<typeof versionSchema>;
export type EvidenceListQuery = z.infer<typeof evidenceListQuery>;
