import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-core.js';
import * as m0002 from './0002-frameworks.js';
import * as m0003 from './0003-evidence-soa.js';
import * as m0004 from './0004-monitoring.js';
import * as m0005 from './0005-policies.js';
import * as m0006 from './0006-training.js';
import * as m0007 from './0007-accountability.js';
import * as m0008 from './0008-incidents.js';
import * as m0009 from './0009-change-management.js';
import * as m0010 from './0010-notifications.js';
import * as m0011 from './0011-check-act.js';

/** Registered explicitly, in order: a migration is code, never discovered from the file system. */
export const migrations: Record<string, Migration> = {
  '0001-core': m0001,
  '0002-frameworks': m0002,
  '0003-evidence-soa': m0003,
  '0004-monitoring': m0004,
  '0005-policies': m0005,
  '0006-training': m0006,
  '0007-accountability': m0007,
  '0008-incidents': m0008,
  '0009-change-management': m0009,
  '0010-notifications': m0010,
  '0011-check-act': m0011,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const latestMigration = Object.keys(migrations).at(-1) ?? 'none';
