import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/config.js';
import { type AppContext, openContext } from '../src/context.js';
import { admin } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';

const BIN = path.resolve(import.meta.dirname, '../bin/openaims.js');
const SECRET = 'worker-test-secret-worker-test-secret';
const TESTS = 24;

describe('monitoring workers on PostgreSQL', () => {
  let database: TestDatabase;
  let context: AppContext;
  const workers: ChildProcess[] = [];
  const ids: string[] = [];
  let objectiveId = '';

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    if (database.target.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    context = await openContext(
      buildConfig({ dataDir: database.dataDir, secret: SECRET }, { databaseUrl: database.target.url }),
      {
        needsSecret: true,
      },
    );
    await context.services.vendors.create(admin, { name: 'Acme', dpaStatus: 'pending' });
    for (let i = 0; i < TESTS; i += 1) {
      const test = await context.services.tests.create(admin, {
        title: `Every vendor has a signed DPA #${i}`,
        severity: 'low',
        resourceType: 'vendor',
        condition: 'resource.dpaStatus == "signed"',
        schedule: '* * * * *',
      });
      ids.push(test.id);
    }
    // An objective measured from the first test's pass rate: the workers' minute tick takes its reading.
    await context.monitor.syncAll('manual');
    await context.monitor.runTest(ids[0] as string);
    objectiveId = (
      await context.services.objectives.create(admin, {
        title: 'Vendors with a signed DPA',
        metric: 'Pass rate of the DPA test',
        unit: '%',
        target: 100,
        source: 'test_pass_rate',
        sourceTestId: ids[0],
        frequency: 'monthly',
      })
    ).id;
    // Only our tests are due, all for the same past minute; nothing else competes for the workers.
    const due = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    await context.db.kysely.updateTable('tests').set({ next_run_at: null }).execute();
    await context.db.kysely
      .updateTable('tests')
      .set({ next_run_at: `${due}:00.000Z` })
      .where('id', 'in', ids)
      .execute();
    await context.db.kysely
      .updateTable('integrations')
      .set({ next_sync_at: '2999-01-01T00:00:00.000Z' })
      .execute();
  });

  afterAll(async () => {
    // Let the workers shut down before the database goes away under them.
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null) return resolve();
            const timer = setTimeout(() => worker.kill('SIGKILL'), 15_000);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.kill('SIGTERM');
          }),
      ),
    );
    await context?.close();
    await database?.drop();
  });

  it('shares due tests between two worker processes and never runs a test slot twice', async () => {
    if (database.target.dialect !== 'postgres') return;
    for (const name of ['a', 'b']) {
      const child = spawn(
        process.execPath,
        [BIN, 'worker', '--database-url', database.target.url, '--data-dir', database.dataDir],
        {
          env: { ...process.env, OPENAIMS_SECRET: SECRET, OPENAIMS_LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      child.stderr?.on('data', (d) => process.stderr.write(`[worker ${name}] ${d}`));
      workers.push(child);
    }
    const deadline = Date.now() + 90_000;
    let runs: Array<{ test_id: string; slot: string | null; worker: string }> = [];
    while (Date.now() < deadline) {
      runs = await context.db.kysely
        .selectFrom('test_runs')
        .select(['test_id', 'slot', 'worker'])
        .where('test_id', 'in', ids)
        .where('trigger', '=', 'schedule')
        .execute();
      if (runs.length >= TESTS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Give a duplicate the chance to show up before checking there is none.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    runs = await context.db.kysely
      .selectFrom('test_runs')
      .select(['test_id', 'slot', 'worker'])
      .where('test_id', 'in', ids)
      .where('trigger', '=', 'schedule')
      .execute();
    const perSlot = new Map<string, number>();
    for (const run of runs)
      perSlot.set(`${run.test_id}@${run.slot}`, (perSlot.get(`${run.test_id}@${run.slot}`) ?? 0) + 1);
    expect(new Set(runs.map((r) => r.test_id)).size).toBe(TESTS);
    expect([...perSlot.values()].every((n) => n === 1)).toBe(true);
    expect(runs.every((r) => r.slot !== null)).toBe(true);
    const issues = await context.db.kysely
      .selectFrom('issues')
      .select('id')
      .where('test_id', 'in', ids)
      .where('status', '=', 'open')
      .execute();
    expect(issues.length).toBe(TESTS);
    // Both workers tick, but the cluster's tick is one job: the objective is measured once, at 0 %.
    const measurements = await context.db.kysely
      .selectFrom('objective_measurements')
      .select(['value', 'source', 'recorded_by'])
      .where('objective_id', '=', objectiveId)
      .execute();
    expect(measurements).toEqual([
      { value: 0, source: 'test_pass_rate', recorded_by: 'scheduled measurement' },
    ]);
  }, 120_000);
});
