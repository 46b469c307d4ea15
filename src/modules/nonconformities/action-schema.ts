import { z } from 'zod';
import { idRef, isoDate, longText, ownerSummary, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { actionOverdueFilter } from './filters.js';

export const ACTION_KINDS = ['correction', 'corrective', 'improvement'] as const;
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const fields = {
  title: requiredName(),
  description: longText(20_000),
  kind: z
    .enum(ACTION_KINDS)
    .describe(
      'Corrections and corrective actions answer a nonconformity or incident; improvements may stand alone.',
    ),
  ownerId: idRef().nullable(),
  dueDate: isoDate(),
  status: z.enum(ACTION_STATUSES).describe('Done needs completion notes and sets progress to 100.'),
  progress: z.number().int().min(0).max(100),
  investment: z
    .number()
    .min(0)
    .max(1e12)
    .nullable()
    .describe('Money spent or budgeted, in the organisation’s currency.'),
  investmentNote: longText(2_000),
  completionNotes: longText(20_000),
};

export const actionCreateSchema = z
  .object({
    ...fields,
    nonconformityId: idRef().nullable(),
    incidentId: idRef().nullable(),
  })
  .partial()
  .required({ title: true, dueDate: true })
  .strict();
// The gap an action answers is fixed once created; a different gap gets its own action.
export const actionUpdateSchema = z.object(fields).partial().strict();

const linked = z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable();

export const actionSchema = z
  .object({
    ...timestampsShape,
    reference: z.string().describe('CA-<year>-<number>, sequential within the year it was created.'),
    nonconformityId: z.string().nullable(),
    nonconformity: linked,
    incidentId: z.string().nullable(),
    incident: linked,
    title: z.string(),
    description: z.string(),
    kind: z.enum(ACTION_KINDS),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    dueDate: z.string(),
    status: z.enum(ACTION_STATUSES),
    progress: z.number().int(),
    investment: z.number().nullable(),
    investmentNote: z.string(),
    completionNotes: z.string(),
    completedAt: z.string().nullable(),
    overdue: z.boolean().describe('Not done or cancelled, and past its due date.'),
  })
  .meta({ id: 'CorrectiveAction' });

export const actionListSpec: ListSpec = {
  sortable: {
    reference: 'corrective_actions.reference',
    title: 'corrective_actions.title',
    dueDate: 'corrective_actions.due_date',
    status: 'corrective_actions.status',
    progress: 'corrective_actions.progress',
    createdAt: 'corrective_actions.created_at',
    updatedAt: 'corrective_actions.updated_at',
  },
  defaultSort: 'dueDate',
  caseInsensitive: ['title'],
  idColumn: 'corrective_actions.id',
  searchable: ['corrective_actions.reference', 'corrective_actions.title', 'corrective_actions.description'],
  filters: {
    status: { schema: z.enum(ACTION_STATUSES), column: 'corrective_actions.status' },
    kind: { schema: z.enum(ACTION_KINDS), column: 'corrective_actions.kind' },
    ownerId: { schema: z.string().max(100), column: 'corrective_actions.owner_id' },
    nonconformityId: { schema: z.string().max(100), column: 'corrective_actions.nonconformity_id' },
    incidentId: { schema: z.string().max(100), column: 'corrective_actions.incident_id' },
    overdue: actionOverdueFilter,
  },
};
export const actionListQuery = listQuerySchema(actionListSpec);

export type ActionCreate = z.infer<typeof actionCreateSchema>;
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;
export type CorrectiveAction = z.infer<typeof actionSchema>;
export type ActionListQuery = z.infer<typeof actionListQuery>;
