import { type Expression, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Every SQLite/PostgreSQL difference the code cares about lives here. */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** better-sqlite3 cannot bind booleans; PostgreSQL wants real ones. */
  bool(value: boolean): boolean | number;
  /** Case-insensitive LIKE with '\' as the escape character. */
  ilike(column: string, pattern: string): RawBuilder<boolean>;
  /** Serialises writers that must see each other's rows (trail appends). SQLite holds the lock already. */
  lockForAppend(trx: Transaction<DB>, key: number): Promise<void>;
}

export function createDialectHelpers(name: DialectName): Dialect {
  return {
    name,
    bool: (value) => (name === 'sqlite' ? (value ? 1 : 0) : value),
    ilike: (column, pattern) =>
      sql<boolean>`${sql.ref(column)} ${sql.raw(name === 'sqlite' ? 'like' : 'ilike')} ${pattern} escape '\\'`,
    async lockForAppend(trx, key) {
      if (name === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
    },
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as DriverError)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as DriverError)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function readBool(value: boolean | number | null | undefined): boolean {
  return value === true || value === 1;
}

export type { Expression };
