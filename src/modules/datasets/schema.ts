import { z } from 'zod';
import {
  idRef,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  textList,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, linkFilter, listQuerySchema } from '../shared/list.js';

const fields = {
  name: requiredName(),
  description: longText(),
  source: shortText(500),
  provenance: longText(),
  licence: shortText(500),
  personalDataCategories: textList(50, 100),
  ownerId: idRef().nullable(),
  qualityNotes: longText(),
  recordCount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
};

export const datasetCreateSchema = z.object(fields).partial().required({ name: true }).strict();
export const datasetUpdateSchema = z.object(fields).partial().strict();

export const datasetSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    description: z.string(),
    source: z.string(),
    provenance: z.string(),
    licence: z.string(),
    personalDataCategories: z.array(z.string()),
    containsPersonalData: z.boolean(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    qualityNotes: z.string(),
    recordCount: z.number().nullable(),
    sizeBytes: z.number().nullable(),
    aiSystemIds: z.array(z.string()),
  })
  .meta({ id: 'Dataset' });

export const datasetListSpec: ListSpec = {
  sortable: {
    name: 'datasets.name',
    source: 'datasets.source',
    recordCount: 'datasets.record_count',
    sizeBytes: 'datasets.size_bytes',
    createdAt: 'datasets.created_at',
    updatedAt: 'datasets.updated_at',
  },
  defaultSort: 'name',
  caseInsensitive: ['name', 'source'],
  nullable: ['recordCount', 'sizeBytes'],
  idColumn: 'datasets.id',
  searchable: ['datasets.name', 'datasets.description', 'datasets.source', 'datasets.licence'],
  filters: {
    ownerId: { schema: z.string().max(100), column: 'datasets.owner_id' },
    containsPersonalData: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: string) =>
        q.where('datasets.personal_data_categories', value === 'true' ? '<>' : '=', '[]'),
    },
    aiSystemId: linkFilter('datasets.id', 'ai_system_datasets', 'target_id', 'ai_system_id'),
  },
};

export const datasetListQuery = listQuerySchema(datasetListSpec);

export type DatasetCreate = z.infer<typeof datasetCreateSchema>;
export type DatasetUpdate = z.infer<typeof datasetUpdateSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetListQuery = z.infer<typeof datasetListQuery>;
