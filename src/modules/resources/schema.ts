import { z } from 'zod';
import { OUTCOMES } from '../../monitoring/engine/evaluate.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const resourceSchema = z
  .object({
    id: z.string(),
    integrationId: z.string(),
    type: z.string(),
    externalId: z.string(),
    name: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    attributesSha256: z.string(),
    collectedAt: z.string(),
    changedAt: z.string(),
  })
  .meta({ id: 'Resource' });

export const resourceDetailSchema = resourceSchema
  .extend({
    results: z.array(
      z.object({
        testId: z.string(),
        testTitle: z.string(),
        severity: z.string(),
        outcome: z.enum(OUTCOMES),
        reason: z.string(),
        since: z.string(),
        excluded: z.boolean(),
        flapping: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ResourceDetail' });

export const resourceTypeInfoSchema = z
  .object({
    type: z.string(),
    integration: z.string(),
    description: z.string(),
    attributesSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of the attributes.'),
    example: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ResourceType' });

export const resourceListSpec: ListSpec = {
  sortable: { name: 'resources.name', type: 'resources.type', changedAt: 'resources.changed_at' },
  defaultSort: 'name',
  caseInsensitive: ['name'],
  idColumn: 'resources.id',
  searchable: ['resources.name', 'resources.external_id'],
  filters: {
    integration: { schema: z.string().max(100), column: 'resources.integration_id' },
    type: { schema: z.string().max(60), column: 'resources.type' },
  },
};
export const resourceListQuery = listQuerySchema(resourceListSpec);
export type Resource = z.infer<typeof resourceSchema>;
export type ResourceListQuery = z.infer<typeof resourceListQuery>;
