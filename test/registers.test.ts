import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../src/lib/time.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('registers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const post = async (url: string, body: unknown) => {
    const response = await t.request('admin', 'POST', url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('creates an AI system from a name alone, with documented defaults', async () => {
    const system = await post('/api/ai-systems', { name: 'Minimal' });
    expect(system).toMatchObject({
      name: 'Minimal',
      lifecycleStage: 'idea',
      riskTier: 'unassessed',
      organisationRole: 'deployer',
      models: [],
      datasetIds: [],
      vendorIds: [],
      riskCount: 0,
      owner: null,
    });
    expect(system.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(system.createdAt).toBe(system.updatedAt);
    expect(new Date(system.createdAt).toISOString()).toBe(system.createdAt);
  });

  it('links AI systems to datasets, vendors and models, and filters, sorts, searches and pages', async () => {
    const owner = await post('/api/people', {
      name: 'Owner One',
      email: 'owner1@test.example',
      department: 'Data',
    });
    const vendor = await post('/api/vendors', { name: 'Model Vendor', modelsProvided: ['big-llm'] });
    const dataset = await post('/api/datasets', { name: 'Claims 2025', personalDataCategories: ['health'] });
    const system = await post('/api/ai-systems', {
      name: 'Claims triage',
      lifecycleStage: 'deployed',
      riskTier: 'high',
      ownerId: owner.id,
      datasetIds: [dataset.id],
      vendorIds: [vendor.id],
      models: [{ name: 'big-llm', version: '2', providerVendorId: vendor.id }],
      nextReviewDue: '2027-01-31',
      deployedAt: '2026-05-01T10:00:00Z',
    });
    expect(system.owner).toEqual({ id: owner.id, name: 'Owner One' });
    expect(system.datasetIds).toEqual([dataset.id]);
    expect(system.models[0]).toEqual({
      name: 'big-llm',
      version: '2',
      providerVendorId: vendor.id,
      baseModel: null,
    });
    for (const name of ['Alpha bot', 'beta bot', 'Gamma bot'])
      await post('/api/ai-systems', { name, lifecycleStage: 'design' });

    const byStage = (
      await t.request('admin', 'GET', '/api/ai-systems?lifecycleStage=design&sort=-name')
    ).json();
    expect(byStage.items.map((s: { name: string }) => s.name)).toEqual([
      'Gamma bot',
      'beta bot',
      'Alpha bot',
    ]);
    expect(byStage.total).toBe(3);
    const search = (
      await t.request('admin', 'GET', '/api/ai-systems?q=BOT&limit=2&offset=1&sort=name')
    ).json();
    expect(search).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(search.items.map((s: { name: string }) => s.name)).toEqual(['beta bot', 'Gamma bot']);
    expect(
      (await t.request('admin', 'GET', `/api/ai-systems?vendorId=${vendor.id}`)).json().items[0].id,
    ).toBe(system.id);
    expect((await t.request('admin', 'GET', `/api/ai-systems?datasetId=${dataset.id}`)).json().total).toBe(1);
    expect((await t.request('admin', 'GET', `/api/ai-systems?ownerId=${owner.id}`)).json().total).toBe(1);
    expect((await t.request('admin', 'GET', '/api/ai-systems?q=100%25')).json().total).toBe(0);

    expect((await t.request('admin', 'GET', `/api/datasets/${dataset.id}`)).json()).toMatchObject({
      aiSystemIds: [system.id],
      containsPersonalData: true,
    });
    expect((await t.request('admin', 'GET', `/api/vendors/${vendor.id}`)).json().aiSystemIds).toEqual([
      system.id,
    ]);

    const patched = await t.request('admin', 'PATCH', `/api/ai-systems/${system.id}`, {
      datasetIds: [],
      nextReviewDue: null,
    });
    expect(patched.json()).toMatchObject({
      datasetIds: [],
      vendorIds: [vendor.id],
      nextReviewDue: null,
      riskTier: 'high',
    });
    expect(patched.json().updatedAt >= system.updatedAt).toBe(true);

    expect((await t.request('admin', 'DELETE', `/api/vendors/${vendor.id}`)).statusCode).toBe(204);
    expect((await t.request('admin', 'GET', `/api/ai-systems/${system.id}`)).json().vendorIds).toEqual([]);
  });

  it('derives a vendor’s next review from its last review and cadence', async () => {
    const vendor = await post('/api/vendors', {
      name: 'Cadence Ltd',
      lastReviewAt: '2026-01-31',
      reviewCadenceMonths: 1,
    });
    expect(vendor.nextReviewDue).toBe('2026-02-28');
    expect(vendor.reviewStatus).toBe('overdue');
    const patched = (
      await t.request('admin', 'PATCH', `/api/vendors/${vendor.id}`, {
        lastReviewAt: todayIso(),
        reviewCadenceMonths: 12,
      })
    ).json();
    expect(patched.nextReviewDue).toBe(addMonths(todayIso(), 12));
    expect(patched.reviewStatus).toBe('current');
    const soon = (
      await t.request('admin', 'PATCH', `/api/vendors/${vendor.id}`, {
        lastReviewAt: addDays(addMonths(todayIso(), -12), 10),
      })
    ).json();
    expect(soon.reviewStatus).toBe('due_soon');
    expect((await post('/api/vendors', { name: 'New Co' })).reviewStatus).toBe('never_reviewed');
  });

  it('creates risks from a scenario, scores them, sorts by score and counts the matrix', async () => {
    const scenario = (await t.request('admin', 'GET', '/api/risk-scenarios/RS-BIAS-01')).json();
    const fromScenario = await post('/api/risks', { scenarioId: 'RS-BIAS-01' });
    expect(fromScenario).toMatchObject({
      title: scenario.title,
      likelihood: scenario.defaultLikelihood,
      impact: scenario.defaultImpact,
      inherentScore: scenario.defaultLikelihood * scenario.defaultImpact,
      scenario: { id: 'RS-BIAS-01', title: scenario.title },
      status: 'identified',
      residualScore: null,
    });
    const system = await post('/api/ai-systems', { name: 'Scored system' });
    const high = await post('/api/risks', {
      title: 'Severe',
      likelihood: 5,
      impact: 5,
      residualLikelihood: 2,
      residualImpact: 2,
      treatment: 'mitigate',
      aiSystemIds: [system.id],
    });
    expect(high).toMatchObject({
      inherentScore: 25,
      inherentLevel: 'critical',
      residualScore: 4,
      residualLevel: 'low',
      withinAppetite: true,
    });
    const low = await post('/api/risks', { title: 'Minor', likelihood: 1, impact: 2 });
    expect(low.withinAppetite).toBe(true);

    const sorted = (await t.request('admin', 'GET', '/api/risks?sort=-inherentScore&limit=500')).json().items;
    const scores = sorted.map((r: { inherentScore: number }) => r.inherentScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(
      (await t.request('admin', 'GET', '/api/risks?likelihood=5&impact=5'))
        .json()
        .items.map((r: { id: string }) => r.id),
    ).toContain(high.id);
    expect((await t.request('admin', 'GET', `/api/risks?aiSystemId=${system.id}`)).json().total).toBe(1);
    expect((await t.request('admin', 'GET', `/api/ai-systems/${system.id}`)).json().riskCount).toBe(1);

    const matrix = (await t.request('admin', 'GET', '/api/risks/matrix')).json();
    expect(matrix.cells).toHaveLength(25);
    const all = (await t.request('admin', 'GET', '/api/risks?limit=500')).json();
    expect(matrix.total).toBe(all.total);
    for (const risk of all.items) {
      const cell = matrix.cells.find(
        (c: { likelihood: number; impact: number }) =>
          c.likelihood === risk.likelihood && c.impact === risk.impact,
      );
      expect(cell.count).toBeGreaterThan(0);
    }
    const residual = (await t.request('admin', 'GET', '/api/risks/matrix?basis=residual')).json();
    expect(
      residual.cells.find((c: { likelihood: number; impact: number }) => c.likelihood === 2 && c.impact === 2)
        .count,
    ).toBe(1);
  });

  it('records risk acceptance with approver and expiry, and applies a new matrix configuration', async () => {
    const approver = await post('/api/people', { name: 'Chief Risk', email: 'cro@test.example' });
    const risk = await post('/api/risks', {
      title: 'Accepted one',
      likelihood: 4,
      impact: 3,
      treatment: 'accept',
      status: 'accepted',
      acceptance: { approverId: approver.id, acceptedAt: '2026-01-01', expiresAt: '2026-06-30' },
    });
    expect(risk.acceptance).toEqual({
      approverId: approver.id,
      approverName: 'Chief Risk',
      acceptedAt: '2026-01-01',
      expiresAt: '2026-06-30',
      expired: true,
    });
    expect(risk.withinAppetite).toBe(false);
    const wrong = await t.request('admin', 'PATCH', `/api/risks/${risk.id}`, { treatment: 'mitigate' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('acceptance');

    const config = (await t.request('admin', 'GET', '/api/risks/matrix-config')).json();
    const stricter = { ...config, appetiteThreshold: 15 };
    expect((await t.request('manager', 'PUT', '/api/risks/matrix-config', stricter)).statusCode).toBe(200);
    expect((await t.request('admin', 'GET', `/api/risks/${risk.id}`)).json().withinAppetite).toBe(true);
    const gap = {
      ...config,
      bands: [
        { name: 'low', minScore: 1, maxScore: 4 },
        { name: 'high', minScore: 6, maxScore: 25 },
      ],
    };
    const rejected = await t.request('manager', 'PUT', '/api/risks/matrix-config', gap);
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().errors[0].field).toBe('bands[1]');
  });

  it('versions the scope statement and keeps context issues and interested parties', async () => {
    expect((await t.request('auditor', 'GET', '/api/scope')).json().current).toBeNull();
    const v1 = (
      await t.request('admin', 'PUT', '/api/scope', {
        statement: 'All AI in lending.',
        exclusions: 'Office tools',
      })
    ).json();
    const v2 = (
      await t.request('manager', 'PUT', '/api/scope', { statement: 'All AI in lending and health.' })
    ).json();
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2).toMatchObject({ exclusions: 'Office tools', author: 'manager@test.example' });
    await post('/api/scope/issues', { kind: 'external', title: 'EU AI Act', category: 'regulatory' });
    await post('/api/scope/interested-parties', {
      name: 'Regulator',
      category: 'regulator',
      needs: 'Evidence',
    });
    const scope = (await t.request('auditor', 'GET', '/api/scope')).json();
    expect(scope).toMatchObject({
      current: { version: 2 },
      versionCount: 2,
      contextIssues: { external: 1 },
      interestedParties: 1,
    });
    expect(
      (await t.request('auditor', 'GET', '/api/scope/versions'))
        .json()
        .items.map((v: { version: number }) => v.version),
    ).toEqual([2, 1]);
    expect((await t.request('auditor', 'GET', '/api/scope/versions/1')).json().statement).toBe(
      'All AI in lending.',
    );
    expect((await t.request('auditor', 'GET', '/api/scope/versions/9')).statusCode).toBe(404);
  });

  it('lets contributors create and edit only what they own', async () => {
    const own = await t.request('contributor', 'POST', '/api/ai-systems', { name: 'Mine' });
    expect(own.statusCode).toBe(201);
    expect(own.json().ownerId).toBe(t.users.contributor.personId);
    expect(
      (await t.request('contributor', 'PATCH', `/api/ai-systems/${own.json().id}`, { riskTier: 'limited' }))
        .statusCode,
    ).toBe(200);
    const giveAway = await t.request('contributor', 'PATCH', `/api/ai-systems/${own.json().id}`, {
      ownerId: t.users.manager.personId,
    });
    expect(giveAway.statusCode).toBe(403);
    expect((await t.request('contributor', 'DELETE', `/api/ai-systems/${own.json().id}`)).statusCode).toBe(
      403,
    );
    const other = await t.context.services.risks.create(admin, {
      title: 'Not yours',
      ownerId: t.users.manager.personId,
    });
    expect(
      (await t.request('contributor', 'PATCH', `/api/risks/${other.id}`, { likelihood: 1 })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request('contributor', 'POST', '/api/risks', {
          title: 'For someone else',
          ownerId: t.users.manager.personId,
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request('admin', 'GET', `/api/risks/${other.id}`)).json().likelihood).toBe(3);
  });

  it('keeps people who are referenced: deleting one that owns records is a 409, deactivating works', async () => {
    const person = await post('/api/people', { name: 'Busy', email: 'busy@test.example' });
    await post('/api/datasets', { name: 'Owned', ownerId: person.id });
    const refused = await t.request('admin', 'DELETE', `/api/people/${person.id}`);
    expect(refused.statusCode).toBe(409);
    const deactivated = await t.request('admin', 'PATCH', `/api/people/${person.id}`, { active: false });
    expect(deactivated.json().active).toBe(false);
    expect(
      (await t.request('admin', 'GET', '/api/people?active=false'))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).toContain(person.id);
    const selfManaged = await t.request('admin', 'PATCH', `/api/people/${person.id}`, {
      managerId: person.id,
    });
    expect(selfManaged.statusCode).toBe(422);
  });

  it('returns identical shapes on both dialects: numbers are numbers, booleans are booleans', async () => {
    const dataset = await post('/api/datasets', { name: 'Big', recordCount: 9_000_000_000, sizeBytes: 123 });
    const read = (await t.request('admin', 'GET', `/api/datasets/${dataset.id}`)).json();
    expect(read.recordCount).toBe(9_000_000_000);
    expect(typeof read.sizeBytes).toBe('number');
    const list = (await t.request('admin', 'GET', '/api/datasets?limit=1')).json();
    expect(typeof list.total).toBe('number');
    const vendor = await post('/api/vendors', { name: 'Bool', intendedUseApproved: true });
    expect(vendor.intendedUseApproved).toBe(true);
  });

  it('serves the scenario library read-only, filterable by category', async () => {
    const page = (await t.request('auditor', 'GET', '/api/risk-scenarios?category=prompt_injection')).json();
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items.every((s: { category: string }) => s.category === 'prompt_injection')).toBe(true);
    expect((await t.request('auditor', 'GET', '/api/risk-scenarios/RS-NOPE-01')).statusCode).toBe(404);
  });
});
