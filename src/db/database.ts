import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { AppError, ConflictError } from '../lib/errors.js';
import { createDialectHelpers, type Dialect, isForeignKeyViolation, isUniqueViolation } from './dialect.js';
import type { DB } from './schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface Db {
  kysely: Kysely<DB>;
  dialect: Dialect;
  /**
   * Runs a write transaction. On SQLite it begins IMMEDIATE, taking the write lock up front, so the CLI
   * and the server can write concurrently (they wait on busy_timeout instead of failing mid-transaction).
   */
  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

// PostgreSQL returns int8 (count(*)) and numeric as strings; the API must read the same on both dialects.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function openSqlite(file: string): Kysely<DB> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 15000');
  database.pragma('synchronous = NORMAL');
  return new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database }) });
}

function openPostgres(url: string, poolSize: number): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Db {
  const kysely =
    target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, options.poolSize ?? 10);
  return {
    kysely,
    dialect: createDialectHelpers(target.dialect),
    async transaction(work) {
      try {
        return await kysely.transaction().execute(work);
      } catch (error) {
        throw normaliseDbError(error);
      }
    },
    close: () => kysely.destroy(),
  };
}

/** Constraint errors the services did not anticipate still become a 409, never a 500. */
export function normaliseDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isUniqueViolation(error))
    return new ConflictError('A record with the same unique value already exists.');
  if ((error as { code?: string })?.code === 'SQLITE_BUSY') {
    return new AppError(503, 'database_busy', 'The database stayed locked by another writer; try again.');
  }
  if (isForeignKeyViolation(error)) {
    return new ConflictError(
      'The record is referenced by or refers to another record that prevents this change.',
    );
  }
  return error;
}
