import { z } from 'zod';
import { todayIso } from '../../lib/time.js';
import { idRef, isoDate, ownerSummary, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const OUTPUT_KINDS = ['decision', 'improvement', 'change', 'resource'] as const;
export const OUTPUT_STATUSES = ['open', 'done', 'cancelled'] as const;
export type OutputStatus = (typeof OUTPUT_STATUSES)[number];

export const outputCreateSchema = z
  .object({
    kind: z.enum(OUTPUT_KINDS),
    description: requiredName(5000),
    ownerId: idRef().nullable().optional(),
    dueDate: isoDate().nullable().optional(),
  })
  .strict();

export const outputUpdateSchema = z
  .object({
    kind: z.enum(OUTPUT_KINDS),
    description: requiredName(5000),
    ownerId: idRef().nullable(),
    dueDate: isoDate().nullable(),
    status: z.enum(OUTPUT_STATUSES),
  })
  .partial()
  .strict();

export const outputParams = z.object({ id: z.string().max(200), outputId: z.string().max(200) }).strict();

export const outputSchema = z
  .object({
    ...timestampsShape,
    reviewId: z.string(),
    kind: z.enum(OUTPUT_KINDS),
    description: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    dueDate: z.string().nullable(),
    status: z.enum(OUTPUT_STATUSES),
    tracked: z.boolean().describe('Has an owner and a due date: an action followed to completion.'),
    overdue: z.boolean().describe('Open and past its due date.'),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'ManagementReviewOutput' });

export const actionSchema = outputSchema
  .extend({ review: z.object({ id: z.string(), title: z.string(), heldOn: z.string().nullable() }) })
  .meta({ id: 'ManagementReviewAction' });

const out = 'management_review_outputs';
export const actionListSpec: ListSpec = {
  sortable: {
    dueDate: `${out}.due_date`,
    status: `${out}.status`,
    kind: `${out}.kind`,
    createdAt: `${out}.created_at`,
  },
  defaultSort: 'dueDate',
  idColumn: `${out}.id`,
  searchable: [`${out}.description`, 'management_reviews.title'],
  filters: {
    status: { schema: z.enum(OUTPUT_STATUSES), column: `${out}.status` },
    kind: { schema: z.enum(OUTPUT_KINDS), column: `${out}.kind` },
    ownerId: { schema: z.string().max(100), column: `${out}.owner_id` },
    reviewId: { schema: z.string().max(100), column: `${out}.review_id` },
    // The presenter's `overdue`, as of today.
    overdue: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: 'true' | 'false') =>
        value === 'true'
          ? q.where(`${out}.status`, '=', 'open').where(`${out}.due_date`, '<', todayIso())
          : q.where((eb) =>
              eb.or([eb(`${out}.status`, '<>', 'open'), eb(`${out}.due_date`, '>=', todayIso())]),
            ),
    },
  },
};

export const actionListQuery = listQuerySchema(actionListSpec);

export type OutputCreate = z.infer<typeof outputCreateSchema>;
export type OutputUpdate = z.infer<typeof outputUpdateSchema>;
export type ReviewOutput = z.infer<typeof outputSchema>;
export type ReviewAction = z.infer<typeof actionSchema>;
export type ActionListQuery = z.infer<typeof actionListQuery>;
