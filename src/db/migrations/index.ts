import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-core.js';

/** Registered explicitly, in order: a migration is code, never discovered from the file system. */
export const migrations: Record<string, Migration> = {
  '0001-core': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const latestMigration = Object.keys(migrations).at(-1) ?? 'none';
