import type { OwnedRow } from './repository.js';
import type { OwnedRecord } from './schema.js';

export function presentOwned(row: OwnedRow): OwnedRecord {
  return {
    entityType: row.entity_type,
    id: row.id,
    title: row.title,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
  };
}
