import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../../src/db/database.js';

export type DialectName = 'sqlite' | 'postgres';
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  dialect: DialectName;
  target: DatabaseTarget;
  dataDir: string;
  /** CLI-style flags pointing at this database. */
  flags: string[];
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openaims-test-'));
  if (dialect === 'sqlite') {
    const file = path.join(dataDir, 'openaims.db');
    return {
      dialect,
      target: { dialect: 'sqlite', file },
      dataDir,
      flags: ['--data-dir', dataDir],
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl');
  const name = `openaims_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    target: { dialect: 'postgres', url: url.toString() },
    dataDir,
    flags: ['--data-dir', dataDir, '--database-url', url.toString()],
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
