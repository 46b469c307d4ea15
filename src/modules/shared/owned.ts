import type { Executor } from '../../db/database.js';

type OwnedTable = 'datasets' | 'vendors' | 'risks' | 'context_issues' | 'interested_parties' | 'policies';

/** The base query of a register whose records have an owner: the table joined to its owner's name. */
export function ownedBase<T extends OwnedTable>(db: Executor, table: T) {
  return db
    .selectFrom(table as OwnedTable)
    .leftJoin('people as owner', 'owner.id', `${table}.owner_id` as never);
}

export function ownerOf(row: { owner_id: string | null; owner_name: string | null }) {
  return row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null;
}
