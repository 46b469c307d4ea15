import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });
const env = { OPENAIMS_SECRET: 'cli-monitoring-secret-cli-monitoring-secret' };

describe.each(DIALECTS)('openaims monitoring CLI on %s', (dialect) => {
  let database: TestDatabase;
  const cli = (args: string[]) => runCli([...args, ...database.flags], { env });
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const demo = await cli(['demo']);
    expect(demo.code).toBe(0);
  });
  afterAll(() => database.drop());

  it('demo configures one integration of each kind and leaves live results', async () => {
    const integrations = JSON.parse((await cli(['integrations', 'list', '--json'])).stdout).items;
    expect(integrations.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'aims',
      'csv',
      'git',
      'prometheus',
      'push',
    ]);
    const prometheus = integrations.find((i: { kind: string }) => i.kind === 'prometheus');
    expect(prometheus.health.status).toBe('error');
    const tests = JSON.parse((await cli(['tests', 'list', '--json'])).stdout);
    const enabled = tests.items.filter((t: { enabled: boolean }) => t.enabled);
    expect(enabled.length).toBeGreaterThanOrEqual(150);
    const statuses = new Set(enabled.map((t: { status: string }) => t.status));
    expect(statuses).toContain('ok');
    expect(statuses).toContain('needs_attention');
    expect(statuses).not.toContain('not_run');
    const failing = JSON.parse((await cli(['tests', 'list', '--failing', '--json'])).stdout);
    expect(
      failing.items.every((t: { status: string }) => ['needs_attention', 'error'].includes(t.status)),
    ).toBe(true);
    const issues = JSON.parse((await cli(['issues', 'list', '--json'])).stdout);
    expect(issues.total).toBeGreaterThan(0);
  });

  it('runs one test and all tests, and syncs an integration', async () => {
    const one = JSON.parse((await cli(['tests', 'run', '--id', 'ai-system-owner-active', '--json'])).stdout);
    expect(one).toMatchObject({ testId: 'ai-system-owner-active', transitions: 0 });
    const all = await cli(['tests', 'run', '--no-sync', '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).ran).toBeGreaterThanOrEqual(150);
    const aims = JSON.parse((await cli(['integrations', 'list', '--json'])).stdout).items.find(
      (i: { kind: string }) => i.kind === 'aims',
    );
    const sync = await cli(['integrations', 'sync', aims.id]);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/collected \d+, changed 0/);
    const missing = await cli(['tests', 'run', '--id', 'no-such-test']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No test with id "no-such-test"/);
  });

  it('dry-runs a YAML definition, and reports a CEL error with its position', async () => {
    const good = path.join(database.dataDir, 'vendor-dpa.yaml');
    writeFileSync(
      good,
      'title: DPA signed\nseverity: high\nresourceType: vendor\ncondition: resource.dpaStatus == "signed"\n',
    );
    const result = JSON.parse((await cli(['tests', 'dry-run', '--file', good, '--json'])).stdout);
    expect(result.counts.pass + result.counts.fail).toBe(6);
    const bad = path.join(database.dataDir, 'bad.yaml');
    writeFileSync(
      bad,
      'title: Bad\nseverity: high\nresourceType: vendor\ncondition: resource.dpaStatus ==\n',
    );
    const failed = await cli(['tests', 'dry-run', '--file', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/condition: line 1, column \d+/);
  });
});
