import { z } from 'zod';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const trailEntrySchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
    entityType: z.string(),
    entityId: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'TrailEntry' });

export const verifySchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    brokenAt: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).optional(),
  })
  .meta({ id: 'TrailVerification' });

export const trailListSpec: ListSpec = {
  sortable: { seq: 'trail.seq', occurredAt: 'trail.occurred_at' },
  defaultSort: '-seq',
  idColumn: 'trail.seq',
  searchable: ['trail.actor_label', 'trail.entity_type'],
  filters: {
    entityType: { schema: z.string().max(100), column: 'trail.entity_type' },
    entityId: { schema: z.string().max(200), column: 'trail.entity_id' },
    actorId: { schema: z.string().max(100), column: 'trail.actor_id' },
    action: { schema: z.enum(['create', 'update', 'delete']), column: 'trail.action' },
    since: {
      schema: z.iso.datetime({ offset: true }),
      apply: (q, since: string) => q.where('trail.occurred_at', '>=', since),
    },
  },
};
export const trailListQuery = listQuerySchema(trailListSpec);
export type TrailListQuery = z.infer<typeof trailListQuery>;
export type TrailEntry = z.infer<typeof trailEntrySchema>;
