import { z } from 'zod';
import { KIND_NAMES } from '../../monitoring/integrations/index.js';
import { cronSchedule } from '../../monitoring/test-definition.js';
import { idRef, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

const jsonObject = z.record(z.string(), z.unknown());

export const integrationCreateSchema = z
  .object({
    kind: z.enum(KIND_NAMES),
    name: requiredName(120),
    /** Checked against the kind's own settings schema. */
    config: jsonObject.default({}),
    /** Credentials: stored encrypted, never returned. */
    secrets: jsonObject.optional(),
    schedule: cronSchedule().optional(),
    enabled: z.boolean().default(true),
    ownerId: idRef().nullable().optional(),
  })
  .strict();

export const integrationUpdateSchema = z
  .object({
    name: requiredName(120),
    config: jsonObject,
    /** Replaces the stored credentials; null removes them. */
    secrets: jsonObject.nullable(),
    schedule: cronSchedule(),
    enabled: z.boolean(),
    ownerId: idRef().nullable(),
  })
  .partial()
  .strict();

export const integrationSchema = z
  .object({
    ...timestampsShape,
    kind: z.enum(KIND_NAMES),
    name: z.string(),
    config: jsonObject,
    hasSecrets: z.boolean().describe('Credentials are stored (their values are never returned).'),
    schedule: z.string(),
    enabled: z.boolean(),
    ownerId: z.string().nullable(),
    resourceCount: z.number().int(),
    resourceTypes: z.array(z.string()),
    nextSyncAt: z.string().nullable(),
    health: z.object({
      status: z.enum(['ok', 'error', 'never_synced']),
      lastSyncAt: z.string().nullable(),
      lastSuccessAt: z.string().nullable(),
      lastError: z.string().nullable(),
      lastErrorAt: z.string().nullable(),
    }),
  })
  .meta({ id: 'Integration' });

export const integrationListSpec: ListSpec = {
  sortable: { name: 'integrations.name', kind: 'integrations.kind', createdAt: 'integrations.created_at' },
  defaultSort: 'name',
  caseInsensitive: ['name'],
  idColumn: 'integrations.id',
  searchable: ['integrations.name'],
  filters: { kind: { schema: z.enum(KIND_NAMES), column: 'integrations.kind' } },
};
export const integrationListQuery = listQuerySchema(integrationListSpec);

const pushedResource = z
  .object({
    type: z.string().min(1).max(60),
    externalId: z.string().trim().min(1).max(300),
    name: z.string().trim().min(1).max(300),
    attributes: jsonObject,
  })
  .strict();

export const pushBatchSchema = z
  .object({
    resources: z.array(pushedResource).min(1).max(5000),
    /** When true, resources of this integration missing from the batch are removed. */
    complete: z.boolean().default(false),
  })
  .strict();

export const syncResultSchema = z
  .object({
    ok: z.boolean(),
    error: z.string().nullable(),
    collected: z.number().int().nullable(),
    changed: z.number().int(),
    removed: z.number().int(),
    testsRun: z.number().int(),
  })
  .meta({ id: 'SyncResult' });

export const pushResultSchema = z
  .object({
    accepted: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    testsRun: z.number().int(),
  })
  .meta({ id: 'PushResult' });

export const importResultSchema = z
  .object({
    totalRows: z.number().int(),
    accepted: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    rejected: z.array(
      z.object({
        line: z.number().int(),
        field: z.string().nullable(),
        value: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'CsvImportResult' });

export type IntegrationCreate = z.infer<typeof integrationCreateSchema>;
export type IntegrationUpdate = z.infer<typeof integrationUpdateSchema>;
export type Integration = z.infer<typeof integrationSchema>;
export type IntegrationListQuery = z.infer<typeof integrationListQuery>;
export type PushBatch = z.infer<typeof pushBatchSchema>;
