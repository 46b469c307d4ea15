import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { applyFilters, type ListQuery, runList } from '../shared/list.js';
import { OWNED_ENTITY_TYPES, type OwnedEntityType, ownedTable } from './owned-tables.js';
import { ownedListSpec } from './schema.js';

// Kysely types tables statically; these queries pick theirs at run time from OWNED_TABLES.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyQuery = SelectQueryBuilder<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
const untyped = (db: Executor) => db as unknown as Kysely<any>;

export interface OwnedRow {
  entity_type: OwnedEntityType;
  id: string;
  title: string;
  owner_id: string;
  owner_name: string;
}

function ownedRows(db: Executor, type: OwnedEntityType): AnyQuery {
  const { table, onlyWhere } = ownedTable(type);
  const query = untyped(db).selectFrom(table).where(`${table}.owner_id`, 'is not', null);
  return onlyWhere ? query.where(`${table}.${onlyWhere.column}`, '=', onlyWhere.value) : query;
}

/** One query over every owned table: (entity_type, id, title, owner_id) of each record with an owner. */
function ownedUnion(db: Executor): AnyQuery {
  const parts = OWNED_ENTITY_TYPES.map((type) => {
    const { table, title } = ownedTable(type);
    return ownedRows(db, type).select([
      sql<string>`${sql.lit(type)}`.as('entity_type'),
      sql.ref<string>(`${table}.id`).as('id'),
      sql.ref<string>(`${table}.${title}`).as('title'),
      sql.ref<string>(`${table}.owner_id`).as('owner_id'),
    ]);
  });
  return parts.reduce((all, part) => all.unionAll(part));
}

/** Owned records joined to their owner; `inactiveOnly` narrows them to orphans. */
function ownedBase(db: Executor, dialect: Dialect, inactiveOnly: boolean): AnyQuery {
  const base = untyped(db)
    .selectFrom(ownedUnion(db).as('owned'))
    .innerJoin('people as owner', 'owner.id', 'owned.owner_id');
  return inactiveOnly ? base.where('owner.active', '=', dialect.bool(false)) : base;
}

const rowColumns = (q: AnyQuery) =>
  q.select(['owned.entity_type', 'owned.id', 'owned.title', 'owned.owner_id', 'owner.name as owner_name']);

export function listOwned(db: Executor, dialect: Dialect, query: ListQuery, inactiveOnly: boolean) {
  return runList<OwnedRow>(ownedBase(db, dialect, inactiveOnly), ownedListSpec, query, dialect, rowColumns);
}

export async function countOrphansByOwner(db: Executor, dialect: Dialect, query: ListQuery) {
  const rows = await applyFilters(ownedBase(db, dialect, true), ownedListSpec, query, dialect)
    .select((eb) => ['owner.id as person_id', 'owner.name as name', eb.fn.countAll().as('count')])
    .groupBy(['owner.id', 'owner.name'])
    .orderBy('owner.name')
    .orderBy('owner.id')
    .execute();
  return rows as Array<{ person_id: string; name: string; count: number | string }>;
}

export async function countOwnedByType(db: Executor, dialect: Dialect, query: ListQuery) {
  const rows = await applyFilters(ownedBase(db, dialect, false), ownedListSpec, query, dialect)
    .select((eb) => ['owned.entity_type as entity_type', eb.fn.countAll().as('count')])
    .groupBy('owned.entity_type')
    .orderBy('owned.entity_type')
    .execute();
  return rows as Array<{ entity_type: OwnedEntityType; count: number | string }>;
}

/** How many records are owned by someone no longer active (an organisation fact for monitoring). */
export async function countOrphanedRecords(db: Executor, dialect: Dialect): Promise<number> {
  const row = await ownedBase(db, dialect, true)
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** The records of one type a person owns: exactly the rows the orphan list would show for them. */
export function ownedBy(db: Executor, type: OwnedEntityType, personId: string) {
  const { table, title } = ownedTable(type);
  return ownedRows(db, type)
    .select([`${table}.id as id`, `${table}.${title} as title`])
    .where(`${table}.owner_id`, '=', personId)
    .orderBy(`${table}.id`)
    .execute() as Promise<Array<{ id: string; title: string }>>;
}

export async function setOwner(db: Executor, type: OwnedEntityType, ids: string[], to: string, now: string) {
  await untyped(db)
    .updateTable(ownedTable(type).table)
    .set({ owner_id: to, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}
