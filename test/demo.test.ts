import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_CATEGORIES, readRiskScenarios } from '../src/content/risk-scenarios.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, readDemoOrganisation, seedDemo } from '../src/demo/seed.js';
import { verifyTrail } from '../src/modules/trail/service.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe('content', () => {
  it('ships at least 40 risk scenarios covering every required theme', () => {
    const { scenarios } = readRiskScenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(scenarios.map((s) => s.category));
    for (const category of RISK_CATEGORIES) expect(categories, category).toContain(category);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it('describes a demo organisation of the promised size whose references all resolve', () => {
    const org = readDemoOrganisation();
    expect(org.people.length).toBeGreaterThanOrEqual(25);
    expect(org.aiSystems).toHaveLength(12);
    expect(org.vendors).toHaveLength(6);
    expect(org.datasets).toHaveLength(8);
    expect(org.risks.length).toBeGreaterThanOrEqual(30);
    expect(new Set(org.aiSystems.map((s) => s.lifecycleStage)).size).toBe(6);
    const scenarioIds = new Set(readRiskScenarios().scenarios.map((s) => s.id));
    for (const risk of org.risks) expect(scenarioIds, risk.key).toContain(risk.scenarioId);
  });
});

describe.each(DIALECTS)('demo organisation on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The demo only seeds an empty database: remove the test users first.
    await t.context.db.kysely.deleteFrom('api_tokens').execute();
    await t.context.db.kysely.deleteFrom('users').execute();
    await t.context.db.kysely.deleteFrom('people').execute();
  });
  afterAll(() => t.close());

  it('seeds once, deterministically, with a working admin login', async () => {
    const outcome = await seedDemo(t.context.db, t.context.services, '2026-12-04');
    expect(outcome.status).toBe('seeded');
    expect(await seedDemo(t.context.db, t.context.services)).toEqual({ status: 'already_seeded' });

    const login = await t.context.services.auth.login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    expect(login.actor.role).toBe('admin');
    const systems = await t.context.services.aiSystems.list(admin, { limit: 500, offset: 0 });
    expect(systems.total).toBe(12);
    const credit = systems.items.find((s) => s.name === 'Consumer Credit Scoring Model');
    // Same id on every install: derived from the content key, not random.
    expect(credit?.id).toBe('019b76da-a800-757d-b545-518cdf1c8205');
    expect(new Set(systems.items.map((s) => s.riskTier)).size).toBeGreaterThanOrEqual(5);
    const risks = await t.context.services.risks.list(admin, { limit: 500, offset: 0 });
    expect(risks.total).toBeGreaterThanOrEqual(30);
    expect(risks.items.every((r) => r.scenarioId && r.aiSystemIds.length > 0)).toBe(true);
    const matrix = await t.context.services.risks.matrix(admin, { basis: 'inherent' });
    expect(matrix.total).toBe(risks.total);
    expect((await t.context.services.scope.current(admin)).current?.version).toBe(1);

    const readiness = (await t.context.services.readiness.current(admin)).items;
    expect(readiness.map((r) => r.frameworkId).sort()).toEqual(['iso-27001-2022', 'iso-42001-2023']);
    const iso42001 = readiness.find((r) => r.frameworkId === 'iso-42001-2023');
    // Realistic: well under way, nowhere near done.
    expect(iso42001?.percent).toBeGreaterThan(15);
    expect(iso42001?.percent).toBeLessThan(80);
    expect(
      (await t.context.services.soa.versions(admin, 'iso-42001-2023')).items.map((v) => v.version),
    ).toEqual([1]);
    const history = await t.context.services.readiness.history(admin, 'iso-42001-2023', undefined);
    expect(history.items.length).toBeGreaterThanOrEqual(42);
    const evidence = await t.context.services.evidence.list(admin, { limit: 500, offset: 0 });
    expect(evidence.items.some((e) => e.state === 'stale')).toBe(true);
    expect(evidence.items.some((e) => e.kind === 'file' && e.latest?.sha256)).toBe(true);
    expect((await verifyTrail(t.context.db)).ok).toBe(true);
  });

  it('refuses to seed a database that holds other data', async () => {
    await t.context.db.kysely.deleteFrom('settings').where('key', '=', 'demo_seeded').execute();
    expect(await seedDemo(t.context.db, t.context.services)).toEqual({ status: 'not_empty' });
  });
});
