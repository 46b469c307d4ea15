import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { Dialect } from '../../db/dialect.js';
import { escapeLike } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { shortText } from './fields.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

// biome-ignore lint/suspicious/noExplicitAny: list queries are assembled over any register's table
type AnyQuery = SelectQueryBuilder<DB, any, any>;

export interface FilterSpec {
  schema: z.ZodType;
  /** Column compared with '=' (after toDb), or a custom condition. */
  column?: string;
  toDb?: (value: never) => unknown;
  apply?: (query: AnyQuery, value: never) => AnyQuery;
}

type LinkTable =
  | 'ai_system_datasets'
  | 'ai_system_vendors'
  | 'risk_ai_systems'
  | 'control_risks'
  | 'control_ai_systems'
  | 'evidence_controls';

/** A filter on a many-to-many link: keep rows whose id appears beside the given value in a link table. */
export function linkFilter(
  idColumn: string,
  table: LinkTable,
  selectColumn: string,
  matchColumn: string,
): FilterSpec {
  return {
    schema: z.string().max(100),
    apply: (query, value: string) =>
      query.where(sql.ref(idColumn), 'in', (eb: ExpressionBuilder<DB, never>) =>
        eb
          .selectFrom(table)
          .select(selectColumn as never)
          .where(matchColumn as never, '=', value as never),
      ),
  };
}

export interface ListSpec {
  sortable: Record<string, string>;
  /** Sort fields compared case-insensitively (names and titles), backed by lower(...) indexes. */
  caseInsensitive?: string[];
  /** Sort fields whose column may be NULL; NULLs go last. Others skip that term so indexes stay usable. */
  nullable?: string[];
  defaultSort: string;
  /** Final tie-breaker so paging is stable. */
  idColumn: string;
  searchable: string[];
  filters: Record<string, FilterSpec>;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function listPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** The query-string contract of every list: limit, offset, sort, q, plus the register's own filters. */
export function listQuerySchema(spec: ListSpec) {
  const sortValues = Object.keys(spec.sortable).flatMap((field) => [field, `-${field}`]) as [
    string,
    ...string[],
  ];
  const filterShape = Object.fromEntries(
    Object.entries(spec.filters).map(([name, filter]) => [name, filter.schema.optional()]),
  );
  return z
    .object({
      limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
      offset: z.coerce.number().int().min(0).default(0),
      sort: z.enum(sortValues).optional(),
      q: shortText(200).optional(),
      ...filterShape,
    })
    .strict();
}

export type ListQuery = { limit: number; offset: number; sort?: string; q?: string } & Record<
  string,
  unknown
>;

export function applyFilters(query: AnyQuery, spec: ListSpec, params: ListQuery, dialect: Dialect): AnyQuery {
  let q = query;
  for (const [name, filter] of Object.entries(spec.filters)) {
    const value = params[name];
    if (value === undefined) continue;
    if (filter.apply) q = filter.apply(q, value as never);
    else if (filter.column) {
      const dbValue = filter.toDb ? filter.toDb(value as never) : value;
      q = q.where(sql.ref(filter.column), '=', dbValue);
    }
  }
  const text = params.q?.trim();
  if (text && spec.searchable.length > 0) {
    const pattern = `%${escapeLike(text)}%`;
    q = q.where((eb) => eb.or(spec.searchable.map((column) => dialect.ilike(column, pattern) as never)));
  }
  return q;
}

export function applySort(query: AnyQuery, spec: ListSpec, sort: string | undefined): AnyQuery {
  const chosen = sort ?? spec.defaultSort;
  const descending = chosen.startsWith('-');
  const field = descending ? chosen.slice(1) : chosen;
  const column = spec.sortable[field] ?? spec.idColumn;
  const direction = descending ? 'desc' : 'asc';
  const key = spec.caseInsensitive?.includes(field) ? sql`lower(${sql.ref(column)})` : sql.ref(column);
  // NULLs sort last either way, on both dialects.
  const withNulls = spec.nullable?.includes(field)
    ? query.orderBy(sql`${sql.ref(column)} is null`, 'asc')
    : query;
  return withNulls.orderBy(key, direction).orderBy(sql.ref(spec.idColumn), direction);
}

/**
 * Runs the filtered query twice: a count, and the requested page of rows. `countFrom` is the bare table
 * when every filter and search column lives on it, so the count skips the joins that only decorate rows.
 */
export async function runList<Row>(
  base: AnyQuery,
  spec: ListSpec,
  params: ListQuery,
  dialect: Dialect,
  select: (query: AnyQuery) => AnyQuery,
  countFrom: AnyQuery = base,
): Promise<{ rows: Row[]; total: number }> {
  const filtered = applyFilters(base, spec, params, dialect);
  const countRow = await applyFilters(countFrom, spec, params, dialect)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirst();
  const rows = await applySort(select(filtered), spec, params.sort)
    .limit(params.limit)
    .offset(params.offset)
    .execute();
  return { rows: rows as Row[], total: Number(countRow?.total ?? 0) };
}
