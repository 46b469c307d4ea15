import type { Config } from './config/config.js';
import { resolveSecret } from './config/secret.js';
import { syncCatalogue } from './content/sync-catalogue.js';
import { syncRiskScenarios } from './content/sync-risk-scenarios.js';
import { type Db, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createServices, type Services } from './services.js';

export interface AppContext {
  config: Config;
  db: Db;
  services: Services;
  secret: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run migrations and load content (serve, init, demo); plain commands only need an up-to-date database. */
  prepare?: boolean;
  /** Only the server needs the secret; CLI commands work without OPENAIMS_SECRET on PostgreSQL. */
  needsSecret?: boolean;
  poolSize?: number;
}

export async function openContext(config: Config, options: OpenOptions = {}): Promise<AppContext> {
  const secret = options.needsSecret ? resolveSecret(config) : '';
  const db = openDatabase(config.database, { poolSize: options.poolSize });
  try {
    if (options.prepare !== false) {
      await migrateToLatest(db);
      await syncRiskScenarios(db);
      await syncCatalogue(db);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return { config, db, services: createServices(db, config), secret, close: () => db.close() };
}
