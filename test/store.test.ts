import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/config.js';
import { resolveSecret } from '../src/config/secret.js';
import { syncCatalogue } from '../src/content/sync-catalogue.js';
import { syncRiskScenarios } from '../src/content/sync-risk-scenarios.js';
import { openContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { latestMigration, migrations } from '../src/db/migrations/index.js';
import { ConflictError } from '../src/lib/errors.js';
import { verifyTrail } from '../src/modules/trail/service.js';
import { admin } from './support/app.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(dialect: (typeof DIALECTS)[number]): Promise<TestDatabase> {
  const created = await createTestDatabase(dialect);
  cleanups.push(() => created.drop());
  return created;
}

describe.each(DIALECTS)('store on %s', (dialect) => {
  it('migrates once, then reports itself up to date', async () => {
    const target = (await database(dialect)).target;
    const db = openDatabase(target, { poolSize: 2 });
    cleanups.push(() => db.close());
    expect((await migrateToLatest(db)).applied).toEqual(Object.keys(migrations));
    expect(Object.keys(migrations).at(-1)).toBe(latestMigration);
    expect((await migrateToLatest(db)).applied).toEqual([]);
  });

  it('loads the content catalogue idempotently: a second sync finds nothing changed', async () => {
    const target = (await database(dialect)).target;
    const db = openDatabase(target, { poolSize: 2 });
    cleanups.push(() => db.close());
    await migrateToLatest(db);
    expect(await syncCatalogue(db)).toEqual({ changed: true });
    const counts = async () =>
      Promise.all(
        (['frameworks', 'requirements', 'controls', 'control_mappings', 'framework_mappings'] as const).map(
          async (table) =>
            Number(
              (
                await db.kysely
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
        ),
      );
    const before = await counts();
    expect(await syncCatalogue(db)).toEqual({ changed: false });
    expect(await counts()).toEqual(before);
    expect(before[1]).toBeGreaterThan(400);
    expect((await syncRiskScenarios(db)).skipped).toBe(false);
    expect((await syncRiskScenarios(db)).skipped).toBe(true);
  });

  it('turns unique violations into one conflict error, and rolls the transaction back', async () => {
    const target = (await database(dialect)).target;
    const db = openDatabase(target, { poolSize: 2 });
    cleanups.push(() => db.close());
    await migrateToLatest(db);
    const person = (id: string) => ({
      id,
      name: 'A',
      email: 'same@test.example',
      job_title: null,
      department: null,
      manager_id: null,
      active: db.dialect.bool(true),
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    await db.transaction((trx) => trx.insertInto('people').values(person('p1')).execute());
    const attempt = db.transaction(async (trx) => {
      await trx.insertInto('settings').values({ key: 'k', value: '1', updated_at: 'now' }).execute();
      await trx.insertInto('people').values(person('p2')).execute();
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(await db.kysely.selectFrom('settings').selectAll().execute()).toEqual([]);
    const count = await db.kysely
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('lets the CLI and the server write at the same time', async () => {
    const created = await database(dialect);
    const config = buildConfig(
      { dataDir: created.dataDir },
      created.target.dialect === 'postgres' ? { databaseUrl: created.target.url } : {},
    );
    const context = await openContext(config, { poolSize: 4 });
    cleanups.push(() => context.close());
    const cliRun = runCli(['demo', ...created.flags]);
    const serverWrites = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        context.services.datasets.create(admin, { name: `Server write ${i}` }),
      ),
    );
    const [cli] = await Promise.all([cliRun, serverWrites]);
    // The demo refuses a database that already has people, but never fails on locking.
    expect(cli.stderr).not.toMatch(/locked|busy/i);
    const datasets = await context.services.datasets.list(admin, { limit: 500, offset: 0 });
    expect(datasets.items.filter((d) => d.name.startsWith('Server write'))).toHaveLength(40);
    expect((await verifyTrail(context.db)).ok).toBe(true);
    // The demo also collects every integration and evaluates every test before it returns.
  }, 120_000);
});

describe('configuration', () => {
  it('generates the secret once into <data-dir>/secret.key with mode 0600', async () => {
    const created = await database('sqlite');
    const config = buildConfig({ dataDir: created.dataDir });
    const first = resolveSecret(config);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveSecret(config)).toBe(first);
    expect(statSync(path.join(created.dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(resolveSecret(buildConfig({ dataDir: created.dataDir, secret: 'y'.repeat(40) }))).toBe(
      'y'.repeat(40),
    );
  });

  it('requires OPENAIMS_SECRET with PostgreSQL, failing fast with a clear message', () => {
    const config = buildConfig({ databaseUrl: 'postgres://localhost/x' });
    expect(() => resolveSecret(config)).toThrow(/OPENAIMS_SECRET is required with PostgreSQL/);
  });

  it('names the setting that is wrong', () => {
    expect(() => buildConfig({ port: 'eighty' })).toThrow(/OPENAIMS_PORT/);
    expect(() => buildConfig({ secret: 'short' })).toThrow(/OPENAIMS_SECRET: must be at least 32/);
    expect(buildConfig({}, { port: '5000' }).port).toBe(5000);
    expect(buildConfig({ port: '' }).port).toBe(4280);
  });
});
