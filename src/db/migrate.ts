import { Migrator } from 'kysely';
import type { Db } from './database.js';
import { latestMigration, migrationProvider } from './migrations/index.js';

export interface MigrationReport {
  applied: string[];
  current: string;
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
  return { applied: (results ?? []).map((r) => r.migrationName), current: latestMigration };
}

export async function currentMigration(db: Db): Promise<string | null> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt).at(-1)?.name ?? null;
}
