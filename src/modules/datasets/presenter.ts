import { ownerOf } from '../shared/owned.js';
import type { DatasetRow } from './repository.js';
import type { Dataset } from './schema.js';

export function presentDataset(row: DatasetRow, usedBy: Map<string, string[]>): Dataset {
  const categories = JSON.parse(row.personal_data_categories) as string[];
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    source: row.source,
    provenance: row.provenance,
    licence: row.licence,
    personalDataCategories: categories,
    containsPersonalData: categories.length > 0,
    ownerId: row.owner_id,
    owner: ownerOf(row),
    qualityNotes: row.quality_notes,
    recordCount: row.record_count === null ? null : Number(row.record_count),
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    aiSystemIds: usedBy.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
