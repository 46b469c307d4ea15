import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTests } from '../src/monitoring/engine/runner.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('continuous monitoring on %s', (dialect) => {
  let t: TestApp;
  let aimsId: string;
  let pushId: string;
  let testId: string;
  let vendorPending: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const vendors = t.context.services.vendors;
    await vendors.create(admin, { name: 'Signed Co', dpaStatus: 'signed' });
    vendorPending = (await vendors.create(admin, { name: 'Pending Co', dpaStatus: 'pending' })).id;
    const list = await t.request('admin', 'GET', '/api/integrations?kind=aims');
    aimsId = list.json().items[0].id;
    const sync = await t.request('admin', 'POST', `/api/integrations/${aimsId}/sync`);
    expect(sync.statusCode).toBe(200);
    expect(sync.json()).toMatchObject({ ok: true });
  });
  afterAll(() => t?.close());

  it('ships at least 150 enabled built-in tests', async () => {
    const res = await t.request('auditor', 'GET', '/api/tests?enabled=true&limit=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(150);
  });

  it('refuses a condition that does not compile, with field, line and column', async () => {
    const syntax = await t.request('admin', 'POST', '/api/tests', {
      title: 'Broken',
      severity: 'low',
      resourceType: 'vendor',
      condition: 'resource.dpaStatus ==',
    });
    expect(syntax.statusCode).toBe(422);
    expect(syntax.headers['content-type']).toContain('application/problem+json');
    expect(syntax.json().errors[0]).toMatchObject({
      field: 'condition',
      message: expect.stringMatching(/line 1, column \d+/),
    });

    const typo = await t.request('admin', 'POST', '/api/tests', {
      title: 'Typo',
      severity: 'low',
      resourceType: 'vendor',
      condition: 'resource.dpaStatuz == "signed"',
    });
    expect(typo.statusCode).toBe(422);
    expect(typo.json().errors[0].message).toMatch(/dpaStatuz/);

    const types = await t.request('admin', 'POST', '/api/tests', {
      title: 'Types',
      severity: 'low',
      resourceType: 'vendor',
      condition: 'resource.reviewCadenceMonths + 1 > 2',
    });
    expect(types.statusCode).toBe(422);
    expect(types.json().errors[0].message).toMatch(/overload/);

    const missing = await t.request('admin', 'POST', '/api/tests', {
      title: 'No condition',
      severity: 'low',
    });
    expect(missing.statusCode).toBe(422);
    const count = await t.context.db.kysely
      .selectFrom('tests')
      .select('id')
      .where('title', 'in', ['Broken', 'Typo', 'Types'])
      .execute();
    expect(count).toEqual([]);
  });

  it('dry-runs a definition without writing anything', async () => {
    const runsBefore = await t.context.db.kysely.selectFrom('test_runs').select('id').execute();
    const res = await t.request('auditor', 'POST', '/api/tests/dry-run', {
      title: 'DPA signed',
      severity: 'high',
      resourceType: 'vendor',
      condition: 'resource.dpaStatus == "signed"',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({ pass: 1, fail: 1 });
    expect(res.json().results[0]).toMatchObject({ name: 'Pending Co', outcome: 'fail' });
    const runsAfter = await t.context.db.kysely.selectFrom('test_runs').select('id').execute();
    expect(runsAfter.length).toBe(runsBefore.length);
  });

  it('creates a custom test, runs it, and opens one issue per failing resource with an SLA due date', async () => {
    const res = await t.request('admin', 'POST', '/api/tests', {
      title: 'Every vendor has a signed DPA',
      severity: 'critical',
      resourceType: 'vendor',
      condition: 'resource.dpaStatus == "signed"',
      controls: ['AIMS-TP-01'],
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    testId = res.json().id;
    expect(res.json()).toMatchObject({
      version: 1,
      status: 'needs_attention',
      enabled: true,
      controls: ['AIMS-TP-01'],
    });
    expect(res.json().frameworks).toContain('iso-42001-2023');

    const detail = (await t.request('auditor', 'GET', `/api/tests/${testId}`)).json();
    expect(detail.failing.map((f: { externalId: string }) => f.externalId)).toEqual([vendorPending]);

    // Running again changes nothing: no new issue, no new transition.
    await t.request('contributor', 'POST', `/api/tests/${testId}/run`);
    const issues = (await t.request('auditor', 'GET', `/api/issues?testId=${testId}&status=open`)).json();
    expect(issues.total).toBe(1);
    const issue = issues.items[0];
    expect(issue.severity).toBe('critical');
    const days = (Date.parse(issue.dueAt) - Date.parse(issue.openedAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);
    const transitions = await t.context.db.kysely
      .selectFrom('test_transitions')
      .select('id')
      .where('test_id', '=', testId)
      .execute();
    expect(transitions.length).toBe(2);
  });

  it('re-evaluates a changed record from the trail and resolves the issue with the passing result', async () => {
    await t.context.services.vendors.update(admin, vendorPending, { dpaStatus: 'signed' });
    // One step of the trail follower (the worker polls it every 200 ms; latency is measured by the bench).
    await t.context.monitor.followTrail();
    const issues = (await t.request('auditor', 'GET', `/api/issues?testId=${testId}`)).json();
    expect(issues.items[0]).toMatchObject({ status: 'resolved', resolution: 'passed' });
    const detail = (await t.request('auditor', 'GET', `/api/issues/${issues.items[0].id}`)).json();
    const resolving = detail.transitions.find((x: { to: string }) => x.to === 'pass');
    expect(resolving.snapshot).toMatchObject({ dpaStatus: 'signed' });
    expect(resolving.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips scheduled evaluation when nothing the condition reads changed, and not otherwise', async () => {
    const db = t.context.db.kysely;
    const vendor = await db
      .selectFrom('resources')
      .selectAll()
      .where('external_id', '=', vendorPending)
      .executeTakeFirstOrThrow();
    // Change the stored attributes behind the engine's back, keeping changed_at: a scheduled run trusts it.
    const failing = JSON.stringify({ ...JSON.parse(vendor.attributes), dpaStatus: 'pending' });
    await db.updateTable('resources').set({ attributes: failing }).where('id', '=', vendor.id).execute();
    const schedule = async () => {
      const row = await db.selectFrom('tests').selectAll().where('id', '=', testId).executeTakeFirstOrThrow();
      const [summary] = await runTests(t.context.db, [row], { trigger: 'schedule', worker: 'test' });
      return summary;
    };
    expect(await schedule()).toMatchObject({ status: 'ok', transitions: 0 });
    await db
      .updateTable('resources')
      .set({ changed_at: new Date().toISOString() })
      .where('id', '=', vendor.id)
      .execute();
    expect(await schedule()).toMatchObject({ status: 'needs_attention', transitions: 1 });
    // Put things back as the aims integration sees them.
    await db
      .updateTable('resources')
      .set({ attributes: vendor.attributes, changed_at: new Date().toISOString() })
      .where('id', '=', vendor.id)
      .execute();
    expect(await schedule()).toMatchObject({ status: 'ok', transitions: 1 });
  });

  it('never counts an error as a pass: a failing issue stays open while the test errors', async () => {
    await t.context.services.vendors.update(admin, vendorPending, { dpaStatus: 'expired' });
    await t.context.monitor.followTrail();
    const opened = (await t.request('auditor', 'GET', `/api/issues?testId=${testId}&status=open`)).json();
    expect(opened.total).toBe(1);
    // A condition that errors at run time (division by zero) for every resource.
    const edit = await t.request('admin', 'PATCH', `/api/tests/${testId}`, {
      condition: '1 / 0 == 1 || resource.dpaStatus == "signed"',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ version: 2, status: 'error' });
    const still = (await t.request('auditor', 'GET', `/api/issues?testId=${testId}&status=open`)).json();
    expect(still.total).toBe(1);
    const results = (await t.request('auditor', 'GET', `/api/tests/${testId}/results`)).json();
    expect(results.every((r: { testVersion: number }) => r.testVersion === 2)).toBe(true);
    const versions = (await t.request('auditor', 'GET', `/api/tests/${testId}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await t.request('admin', 'PATCH', `/api/tests/${testId}`, {
      condition: 'resource.dpaStatus == "signed"',
    });
  });

  it('excludes a resource with a reason and expiry, visible to auditors, closing its issue', async () => {
    const failing = (await t.request('auditor', 'GET', `/api/tests/${testId}`)).json().failing[0];
    const bad = await t.request('admin', 'POST', `/api/tests/${testId}/exclusions`, {
      resourceId: failing.resourceId,
      reason: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('reason');
    const past = await t.request('admin', 'POST', `/api/tests/${testId}/exclusions`, {
      resourceId: failing.resourceId,
      reason: 'Contract ends this month',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].field).toBe('expiresAt');
    const res = await t.request('manager', 'POST', `/api/tests/${testId}/exclusions`, {
      resourceId: failing.resourceId,
      reason: 'Contract ends this month',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(201);
    const listed = (await t.request('auditor', 'GET', `/api/tests/${testId}/exclusions`)).json();
    expect(listed[0]).toMatchObject({ reason: 'Contract ends this month', active: true });
    const test = (await t.request('auditor', 'GET', `/api/tests/${testId}`)).json();
    expect(test).toMatchObject({ status: 'ok', failing: [] });
    expect(test.counts.excluded).toBe(1);
    const issues = (await t.request('auditor', 'GET', `/api/issues?testId=${testId}&status=open`)).json();
    expect(issues.total).toBe(0);
    const revoke = await t.request('manager', 'DELETE', `/api/tests/${testId}/exclusions/${res.json().id}`);
    expect(revoke.statusCode).toBe(204);
    expect((await t.request('auditor', 'GET', `/api/tests/${testId}`)).json().status).toBe('needs_attention');
  });

  it('keeps a control from operating while one of its tests fails', async () => {
    const facts = await import('../src/modules/frameworks/repository.js');
    const [control] = await facts.controlFacts(t.context.db.kysely, '2026-12-04', ['AIMS-TP-01']);
    expect(control?.testsFailing).toBeGreaterThan(0);
    const { operatingState } = await import('../src/modules/controls/operating.js');
    const state = operatingState({
      ...(control as NonNullable<typeof control>),
      adopted: true,
      status: 'implemented',
      ownerActive: true,
      evidenceRequired: false,
    });
    expect(state).toMatchObject({ operating: false, reason: expect.stringMatching(/automated test/) });
  });

  it('accepts a pushed batch all or nothing, idempotently', async () => {
    const created = await t.request('admin', 'POST', '/api/integrations', {
      kind: 'push',
      name: 'CI',
      config: {},
    });
    expect(created.statusCode).toBe(201);
    pushId = created.json().id;
    const item = (externalId: string, minImpactRatio: number) => ({
      type: 'bias-audit',
      externalId,
      name: externalId,
      attributes: {
        aiSystemId: 's-1',
        modelName: 'm',
        modelVersion: '1',
        auditedAt: '2026-11-01T10:00:00Z',
        protectedAttribute: 'age',
        selectionRates: { a: 0.4, b: 0.5 },
        minImpactRatio,
        auditor: 'Lab',
        independent: true,
      },
    });
    const bad = await t.request('contributor', 'POST', `/api/integrations/${pushId}/resources`, {
      resources: [item('a1', 0.9), item('a2', 7)],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('resources.1.attributes.minImpactRatio');
    expect((await t.request('auditor', 'GET', `/api/resources?integration=${pushId}`)).json().total).toBe(0);

    const ok = await t.request('contributor', 'POST', `/api/integrations/${pushId}/resources`, {
      resources: [item('a1', 0.9), item('a2', 0.6)],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ accepted: 2, changed: 2 });
    const again = await t.request('contributor', 'POST', `/api/integrations/${pushId}/resources`, {
      resources: [item('a1', 0.9), item('a2', 0.6)],
    });
    expect(again.json()).toMatchObject({ accepted: 2, changed: 0, unchanged: 2 });
    const unknownType = await t.request('contributor', 'POST', `/api/integrations/${pushId}/resources`, {
      resources: [{ ...item('a3', 0.9), type: 'ai-system' }],
    });
    expect(unknownType.statusCode).toBe(422);
    expect(unknownType.json().errors[0].field).toBe('resources.0.type');
    const auditorPush = await t.request('auditor', 'POST', `/api/integrations/${pushId}/resources`, {
      resources: [item('a4', 0.9)],
    });
    expect(auditorPush.statusCode).toBe(403);
    const fourFifths = (await t.request('auditor', 'GET', '/api/tests/bias-audit-four-fifths')).json();
    expect(fourFifths.failing.map((f: { externalId: string }) => f.externalId)).toEqual(['a2']);
  });

  it('imports a CSV upload and reports rejected rows with line numbers', async () => {
    const created = await t.request('admin', 'POST', '/api/integrations', {
      kind: 'csv',
      name: 'HR',
      config: { resourceType: 'employee' },
    });
    const csvId = created.json().id;
    const csv =
      'email,name,status\nada@example.com,Ada,active\nnot-an-email,Bob,active\ncy@example.com,Cy,left\n';
    const res = await t.request('contributor', 'POST', `/api/integrations/${csvId}/import`, csv, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalRows: 3, accepted: 2 });
    expect(res.json().rejected[0]).toMatchObject({ line: 3, field: 'email' });
    const missingColumn = await t.request(
      'contributor',
      'POST',
      `/api/integrations/${csvId}/import`,
      'name\nAda\n',
      { 'content-type': 'text/csv' },
    );
    expect(missingColumn.statusCode).toBe(422);
    expect((await t.request('auditor', 'GET', `/api/resources?integration=${csvId}`)).json().total).toBe(2);
  });

  it('stores credentials encrypted and never returns them', async () => {
    const res = await t.request('admin', 'POST', '/api/integrations', {
      kind: 'prometheus',
      name: 'Metrics',
      config: {
        baseUrl: 'http://127.0.0.1:1',
        queries: [{ name: 'model_accuracy', expression: 'up' }],
        timeoutSeconds: 1,
      },
      secrets: { bearerToken: 'super-secret-token' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('super-secret-token');
    expect(res.json().hasSecrets).toBe(true);
    const row = await t.context.db.kysely
      .selectFrom('integrations')
      .select('secrets')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.secrets).not.toContain('super-secret-token');
    const trail = await t.context.db.kysely
      .selectFrom('trail')
      .select('after_json')
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(JSON.stringify(trail)).not.toContain('super-secret-token');
    // An unreachable Prometheus is the integration's error, not a failed test.
    const sync = (await t.request('admin', 'POST', `/api/integrations/${res.json().id}/sync`)).json();
    expect(sync).toMatchObject({ ok: false, error: expect.stringMatching(/could not reach/) });
    const health = (await t.request('auditor', 'GET', `/api/integrations/${res.json().id}`)).json().health;
    expect(health.status).toBe('error');
    const badConfig = await t.request('admin', 'POST', '/api/integrations', {
      kind: 'prometheus',
      name: 'Bad',
      config: { baseUrl: 'nope', queries: [] },
    });
    expect(badConfig.statusCode).toBe(422);
    expect(badConfig.json().errors[0].field).toMatch(/^config\./);
  });

  it('lets auditors read tests, issues and exclusions but change nothing', async () => {
    expect((await t.request('auditor', 'PATCH', `/api/tests/${testId}`, { enabled: false })).statusCode).toBe(
      403,
    );
    expect((await t.request('auditor', 'POST', `/api/tests/${testId}/run`)).statusCode).toBe(403);
    expect((await t.request('member', 'GET', '/api/tests')).statusCode).toBe(403);
    expect((await t.request('auditor', 'DELETE', '/api/tests/ai-system-owner-active')).statusCode).toBe(403);
    expect((await t.request('admin', 'DELETE', '/api/tests/ai-system-owner-active')).statusCode).toBe(409);
  });

  it('disabling a test closes its issues and marks it disabled', async () => {
    const res = await t.request('admin', 'PATCH', `/api/tests/${testId}`, { enabled: false });
    expect(res.json()).toMatchObject({ status: 'disabled', enabled: false });
    const open = (await t.request('auditor', 'GET', `/api/issues?testId=${testId}&status=open`)).json();
    expect(open.total).toBe(0);
  });
});
