import { hostname } from 'node:os';
import type { Config } from './config/config.js';
import { resolveSecret } from './config/secret.js';
import { syncCatalogue } from './content/sync-catalogue.js';
import { syncRiskScenarios } from './content/sync-risk-scenarios.js';
import { syncBuiltinTests } from './content/sync-tests.js';
import { type Db, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureAimsIntegration } from './monitoring/bootstrap.js';
import { createMonitor, type Monitor } from './monitoring/monitor.js';
import { createNotifier, type Notifier } from './notifications/notifier.js';
import { createServices, type Services } from './services.js';

export interface AppContext {
  config: Config;
  db: Db;
  services: Services;
  secret: string;
  monitor: Monitor;
  /** Webhook deliveries and daily digests; the worker ticks it each minute. */
  notifier: Notifier;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run migrations and load content (serve, init, demo); plain commands only need an up-to-date database. */
  prepare?: boolean;
  /** Only the server needs the secret; CLI commands work without OPENAIMS_SECRET on PostgreSQL. */
  needsSecret?: boolean;
  poolSize?: number;
  /** How this process names itself in test runs (default host:pid). */
  worker?: string;
}

export async function openContext(config: Config, options: OpenOptions = {}): Promise<AppContext> {
  const secret = options.needsSecret ? resolveSecret(config) : '';
  const db = openDatabase(config.database, { poolSize: options.poolSize });
  try {
    if (options.prepare !== false) {
      await migrateToLatest(db);
      await syncRiskScenarios(db);
      await syncCatalogue(db);
      await syncBuiltinTests(db);
      await ensureAimsIntegration(db);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const monitor = createMonitor(db, secret, options.worker ?? `${hostname()}:${process.pid}`);
  const notifier = createNotifier(db, config, secret);
  return {
    config,
    db,
    services: createServices(db, config, monitor, secret),
    secret,
    monitor,
    notifier,
    close: async () => {
      notifier.close();
      await db.close();
    },
  };
}
