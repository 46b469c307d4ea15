import { z } from 'zod';
import { idRef } from '../shared/fields.js';
import { type ListSpec, listPageSchema, listQuerySchema } from '../shared/list.js';
import { OWNED_ENTITY_TYPES } from './owned-tables.js';

export const ownedRecordSchema = z
  .object({
    entityType: z.enum(OWNED_ENTITY_TYPES),
    id: z.string(),
    title: z.string(),
    ownerId: z.string(),
    ownerName: z.string(),
  })
  .meta({ id: 'OwnedRecord' });

/** Columns of the union of owned tables (`owned`) joined to the owner (`owner`). */
export const ownedListSpec: ListSpec = {
  sortable: {
    ownerName: 'owner.name',
    entityType: 'owned.entity_type',
    title: 'owned.title',
  },
  defaultSort: 'ownerName',
  caseInsensitive: ['ownerName', 'title'],
  idColumn: 'owned.id',
  searchable: ['owned.title', 'owner.name'],
  filters: {
    ownerId: { schema: z.string().max(100), column: 'owned.owner_id' },
    entityType: { schema: z.enum(OWNED_ENTITY_TYPES), column: 'owned.entity_type' },
  },
};

export const orphanListQuery = listQuerySchema(ownedListSpec);
// The person comes from the path, so only the type narrows their records.
export const personOwnedQuery = listQuerySchema({
  ...ownedListSpec,
  filters: { entityType: { schema: z.enum(OWNED_ENTITY_TYPES) } },
});

export const orphanPageSchema = listPageSchema(ownedRecordSchema)
  .extend({
    byOwner: z
      .array(z.object({ personId: z.string(), name: z.string(), count: z.number().int() }))
      .describe('Every inactive owner with how many matching records they still own.'),
  })
  .meta({ id: 'OrphanPage' });

export const personOwnedPageSchema = listPageSchema(ownedRecordSchema)
  .extend({
    byType: z.array(z.object({ entityType: z.enum(OWNED_ENTITY_TYPES), count: z.number().int() })),
  })
  .meta({ id: 'PersonOwnedPage' });

export const reassignSchema = z
  .object({
    fromPersonId: idRef(),
    toPersonId: idRef(),
    entityTypes: z
      .array(z.enum(OWNED_ENTITY_TYPES))
      .min(1)
      .max(OWNED_ENTITY_TYPES.length)
      .optional()
      .describe('Only these kinds of record; all of them when absent.'),
  })
  .strict();

export const reassignResultSchema = z
  .object({
    moved: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'ReassignResult' });

export type OwnedRecord = z.infer<typeof ownedRecordSchema>;
export type OrphanListQuery = z.infer<typeof orphanListQuery>;
export type PersonOwnedQuery = z.infer<typeof personOwnedQuery>;
export type OrphanPage = z.infer<typeof orphanPageSchema>;
export type PersonOwnedPage = z.infer<typeof personOwnedPageSchema>;
export type Reassign = z.infer<typeof reassignSchema>;
export type ReassignResult = z.infer<typeof reassignResultSchema>;
