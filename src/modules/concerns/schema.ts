import { z } from 'zod';
import { todayIso } from '../../lib/time.js';
import { idRef, longText, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const CONCERN_CATEGORIES = [
  'bias',
  'safety',
  'privacy',
  'transparency',
  'misuse',
  'performance',
  'other',
] as const;
export const CONCERN_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
/** Days the AIMS owner has to answer a concern; stored on each concern so a later change is not retroactive. */
export const DEFAULT_CONCERN_SLA_DAYS = 14;

export const concernCreateSchema = z
  .object({
    aiSystemId: idRef().nullable().optional(),
    category: z.enum(CONCERN_CATEGORIES),
    description: z.string().trim().min(1, 'must not be empty').max(10_000),
    anonymous: z
      .boolean()
      .describe('When true, nothing about the reporter is stored, not even in the trail.'),
  })
  .strict();

export const concernUpdateSchema = z
  .object({
    assigneeId: idRef().nullable(),
    status: z.enum(CONCERN_STATUSES),
    resolution: longText(10_000).describe('Required (non-empty) to close a concern.'),
  })
  .partial()
  .strict();

const summary = z.object({ id: z.string(), name: z.string() }).nullable();

export const concernSchema = z
  .object({
    ...timestampsShape,
    number: z.number().int(),
    aiSystemId: z.string().nullable(),
    aiSystem: summary,
    category: z.enum(CONCERN_CATEGORIES),
    description: z.string(),
    anonymous: z.boolean(),
    reporter: summary.describe('Who reported it; always null for anonymous concerns.'),
    assigneeId: z.string().nullable(),
    assignee: summary,
    status: z.enum(CONCERN_STATUSES),
    resolution: z.string().nullable(),
    slaDays: z.number().int(),
    reportedOn: z.string(),
    dueOn: z.string(),
    overdue: z.boolean().describe('Not closed and past its due day.'),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Concern' });

export const aiSystemOptionsSchema = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
  .meta({ id: 'ConcernAiSystemOptions' });

const statusFilter = { schema: z.enum(CONCERN_STATUSES), column: 'concerns.status' };

export const concernListSpec: ListSpec = {
  sortable: {
    number: 'concerns.number',
    dueOn: 'concerns.due_on',
    status: 'concerns.status',
    category: 'concerns.category',
    createdAt: 'concerns.created_at',
    updatedAt: 'concerns.updated_at',
  },
  defaultSort: '-number',
  idColumn: 'concerns.id',
  searchable: ['concerns.description'],
  filters: {
    status: statusFilter,
    category: { schema: z.enum(CONCERN_CATEGORIES), column: 'concerns.category' },
    aiSystemId: { schema: z.string().max(100), column: 'concerns.ai_system_id' },
    assigneeId: { schema: z.string().max(100), column: 'concerns.assignee_id' },
    // The same rule as the presenter's `overdue`, as of today.
    overdue: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: 'true' | 'false') =>
        value === 'true'
          ? q.where('concerns.status', '<>', 'closed').where('concerns.due_on', '<', todayIso())
          : q.where((eb) =>
              eb.or([eb('concerns.status', '=', 'closed'), eb('concerns.due_on', '>=', todayIso())]),
            ),
    },
  },
};

export const concernListQuery = listQuerySchema(concernListSpec);
/** A reporter's own concerns: paging and status only. */
export const myConcernsQuery = listQuerySchema({ ...concernListSpec, filters: { status: statusFilter } });

export type ConcernCreate = z.infer<typeof concernCreateSchema>;
export type ConcernUpdate = z.infer<typeof concernUpdateSchema>;
export type Concern = z.infer<typeof concernSchema>;
export type ConcernListQuery = z.infer<typeof concernListQuery>;
export type MyConcernsQuery = z.infer<typeof myConcernsQuery>;
