import { z } from 'zod';
import { idRef, isoDate, longText, requiredName, shortText, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { CHANGE_TYPES } from './rules.js';

export const CHANGE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'implemented'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const changeCreateSchema = z
  .object({
    aiSystemId: idRef(),
    type: z.enum(CHANGE_TYPES),
    title: requiredName(),
    description: longText(20_000).optional(),
    material: z.boolean().optional().describe('Default: every type but a deployment environment change.'),
  })
  .strict();

export const changeUpdateSchema = z
  .object({
    type: z.enum(CHANGE_TYPES),
    title: requiredName(),
    description: longText(20_000),
    material: z.boolean(),
  })
  .partial()
  .strict();

export const signoffInputSchema = z
  .object({
    requirement: shortText(100).min(1),
    decision: z.enum(['approve', 'reject']),
    comment: shortText(2000).optional(),
  })
  .strict();

export const implementSchema = z.object({ implementedOn: isoDate() }).strict();

const signoffSchema = z.object({
  requirement: z.string(),
  label: z.string(),
  decision: z.enum(['pending', 'approve', 'reject']),
  signedBy: z.string().nullable(),
  comment: z.string(),
  signedAt: z.string().nullable(),
});

export const changeSchema = z
  .object({
    ...timestampsShape,
    reference: z.string(),
    aiSystemId: z.string(),
    aiSystemName: z.string(),
    type: z.enum(CHANGE_TYPES),
    title: z.string(),
    description: z.string(),
    material: z.boolean(),
    status: z.enum(CHANGE_STATUSES),
    requestedBy: z.string(),
    requesterId: z.string().nullable(),
    signoffs: z
      .array(signoffSchema)
      .describe('The sign-offs fixed when it was submitted, with their decisions.'),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    implementedOn: z.string().nullable(),
    implementedBy: z.string().nullable(),
  })
  .meta({ id: 'ChangeRequest' });

export const changeListSpec: ListSpec = {
  sortable: {
    reference: 'change_requests.reference',
    status: 'change_requests.status',
    implementedOn: 'change_requests.implemented_on',
    createdAt: 'change_requests.created_at',
    updatedAt: 'change_requests.updated_at',
  },
  defaultSort: '-createdAt',
  nullable: ['implementedOn'],
  idColumn: 'change_requests.id',
  searchable: ['change_requests.title', 'change_requests.reference', 'ai_systems.name'],
  filters: {
    aiSystemId: { schema: z.string().max(100), column: 'change_requests.ai_system_id' },
    status: { schema: z.enum(CHANGE_STATUSES), column: 'change_requests.status' },
    type: { schema: z.enum(CHANGE_TYPES), column: 'change_requests.type' },
  },
};
export const changeListQuery = listQuerySchema(changeListSpec);

export type ChangeCreate = z.infer<typeof changeCreateSchema>;
export type ChangeUpdate = z.infer<typeof changeUpdateSchema>;
export type Change = z.infer<typeof changeSchema>;
export type ChangeListQuery = z.infer<typeof changeListQuery>;
