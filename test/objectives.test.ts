import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureDueObjectives } from '../src/modules/objectives/scheduled.js';
import { createObjectivesService } from '../src/modules/objectives/service.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { objectiveApi, passRateTest } from './support/objective-fixtures.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

interface FakePrometheus {
  url: string;
  /** What /api/v1/query answers next, and the Authorization header it last saw. */
  answer: { status: number; body: unknown };
  lastAuthorization: string | undefined;
  close(): Promise<void>;
}

/** A stand-in Prometheus HTTP API: the integration client is tested against a real one elsewhere. */
async function fakePrometheus(): Promise<FakePrometheus> {
  const fake = {
    answer: { status: 200, body: {} as unknown },
    lastAuthorization: undefined as string | undefined,
  };
  const server: Server = createServer((request, response) => {
    fake.lastAuthorization = request.headers.authorization;
    response.writeHead(fake.answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(fake.answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

const scalar = (value: string) => ({
  status: 'success',
  data: { resultType: 'scalar', result: [Date.now() / 1000, value] },
});
const vector = (...values: string[]) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: values.map((v, i) => ({ metric: { model: `m${i}` }, value: [Date.now() / 1000, v] })),
  },
});

describe.each(DIALECTS)('objectives and the monitoring plan on %s', (dialect) => {
  let t: TestApp;
  let prometheus: FakePrometheus;
  let passRateTestId = '';
  let emptyTestId = '';
  let integrationId = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    prometheus = await fakePrometheus();
    const s = t.context.services;
    passRateTestId = await passRateTest(t);
    const empty = await t.request('admin', 'POST', '/api/tests', {
      title: 'Datasets have a licence',
      severity: 'low',
      resourceType: 'dataset',
      condition: 'resource.licence != ""',
    });
    expect(empty.statusCode, empty.body).toBe(201);
    emptyTestId = empty.json().id;
    const integration = await s.integrations.create(admin, {
      kind: 'prometheus',
      name: 'Model metrics',
      config: { baseUrl: prometheus.url, queries: [{ name: 'up', expression: 'up' }] },
      enabled: false,
    });
    integrationId = integration.id;
  });
  afterAll(async () => {
    await prometheus.close();
    await t.close();
  });

  const { create, record } = objectiveApi(() => t);

  it('keeps a register of objectives with search, filters, edits, deletion and a trail', async () => {
    const objective = await create({ ownerId: t.users.contributor.personId, baseline: 6 });
    expect(objective).toMatchObject({
      source: 'manual',
      frequency: 'monthly',
      status: 'active',
      baseline: 6,
      owner: { id: t.users.contributor.personId, name: 'Test contributor' },
      latestMeasurement: null,
      attainment: 'no_data',
      standing: 'no_measurements',
      nextMeasurementDue: objective.createdAt.slice(0, 10),
    });
    const other = await create({ title: 'Incidents resolved quickly', metric: 'Mean days to resolve' });
    const found = (await t.request('auditor', 'GET', '/api/objectives?q=approval%20rate')).json();
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([objective.id]);
    const mine = await t.request('auditor', 'GET', `/api/objectives?ownerId=${t.users.contributor.personId}`);
    expect(mine.json().items.map((o: { id: string }) => o.id)).toEqual([objective.id]);
    const sorted = (await t.request('auditor', 'GET', '/api/objectives?sort=-title&limit=1')).json();
    expect(sorted.total).toBeGreaterThanOrEqual(2);
    expect(sorted.items).toHaveLength(1);

    const patched = await t.request('manager', 'PATCH', `/api/objectives/${other.id}`, {
      status: 'cancelled',
    });
    expect(patched.json().status).toBe('cancelled');
    expect((await t.request('manager', 'DELETE', `/api/objectives/${other.id}`)).statusCode).toBe(204);
    expect((await t.request('auditor', 'GET', `/api/objectives/${other.id}`)).statusCode).toBe(404);
    expect((await t.request('auditor', 'GET', '/api/objectives/not-an-id')).statusCode).toBe(404);
    const trail = (await t.request('auditor', 'GET', `/api/trail?entityId=${other.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'delete',
      'update',
    ]);
  });

  it('requires the settings each source needs, naming the field, and writes nothing otherwise', async () => {
    const before = (await t.request('auditor', 'GET', '/api/objectives')).json().total;
    const cases: Array<[object, string]> = [
      [{ source: 'test_pass_rate', unit: '%' }, 'sourceTestId'],
      [{ source: 'test_pass_rate', unit: '%', sourceTestId: 'no-such-test' }, 'sourceTestId'],
      [{ source: 'test_pass_rate', unit: 'days', sourceTestId: passRateTestId }, 'unit'],
      [{ source: 'prometheus', sourceQuery: 'up' }, 'sourceIntegrationId'],
      [{ source: 'prometheus', sourceIntegrationId: integrationId }, 'sourceQuery'],
      [{ target: 'high' }, 'target'],
      [{ frequency: 'hourly' }, 'frequency'],
      [{ ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
      [{ surprise: true }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await t.request('manager', 'POST', '/api/objectives', {
        title: 'Bad',
        metric: 'Bad',
        target: 1,
        ...body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(response.json().errors), JSON.stringify(body)).toContain(field);
    }
    const aims = await t.context.db.kysely
      .selectFrom('integrations')
      .select('id')
      .where('kind', '=', 'aims')
      .executeTakeFirstOrThrow();
    const wrongKind = await t.request('manager', 'POST', '/api/objectives', {
      title: 'Bad',
      metric: 'Bad',
      target: 1,
      source: 'prometheus',
      sourceIntegrationId: aims.id,
      sourceQuery: 'up',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().errors[0]).toMatchObject({ field: 'sourceIntegrationId' });
    expect((await t.request('auditor', 'GET', '/api/objectives')).json().total).toBe(before);
  });

  it('records manual measurements, shows the history oldest first and derives attainment and standing', async () => {
    const objective = await create({ frequency: 'monthly' });
    expect((await record(objective.id, { value: 5.1, measuredAt: ago(70), note: 'Q1' })).statusCode).toBe(
      201,
    );
    expect((await record(objective.id, { value: 3.4, measuredAt: ago(40) })).statusCode).toBe(201);
    let read = (await t.request('auditor', 'GET', `/api/objectives/${objective.id}`)).json();
    expect(read).toMatchObject({ attainment: 'not_met', standing: 'measurement_due' });
    expect(read.latestMeasurement.value).toBe(3.4);
    const due = (await t.request('auditor', 'GET', '/api/objectives?standing=measurement_due')).json();
    expect(due.items.map((o: { id: string }) => o.id)).toContain(objective.id);

    const now = await record(objective.id, { value: 1.8, note: 'after reweighting' });
    expect(now.json()).toMatchObject({ value: 1.8, source: 'manual', recordedBy: 'manager@test.example' });
    read = (await t.request('auditor', 'GET', `/api/objectives/${objective.id}`)).json();
    expect(read).toMatchObject({ attainment: 'met', standing: 'measured' });
    const measured = (await t.request('auditor', 'GET', '/api/objectives?standing=measured')).json();
    expect(measured.items.map((o: { id: string }) => o.id)).toContain(objective.id);
    const notMeasured = (
      await t.request('auditor', 'GET', '/api/objectives?standing=no_measurements')
    ).json();
    expect(notMeasured.items.map((o: { id: string }) => o.id)).not.toContain(objective.id);

    const history = (
      await t.request('auditor', 'GET', `/api/objectives/${objective.id}/measurements`)
    ).json();
    expect(history.items.map((m: { value: number }) => m.value)).toEqual([5.1, 3.4, 1.8]);

    const future = await record(objective.id, {
      value: 1,
      measuredAt: new Date(Date.now() + DAY).toISOString(),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('measuredAt');
    expect((await record(objective.id, { value: 'x' })).statusCode).toBe(422);
    const automatic = await t.request('manager', 'POST', `/api/objectives/${objective.id}/measure`);
    expect(automatic.statusCode).toBe(409);
    expect((await record('00000000-0000-4000-8000-000000000000', { value: 1 })).statusCode).toBe(404);
    const after = (await t.request('auditor', 'GET', `/api/objectives/${objective.id}/measurements`)).json();
    expect(after.items).toHaveLength(3);
  });

  it('lets contributors measure only the objectives they own', async () => {
    const theirs = await create({}, 'contributor');
    expect(theirs.ownerId).toBe(t.users.contributor.personId);
    const others = await create({ ownerId: t.users.manager.personId });
    expect((await record(theirs.id, { value: 1 }, 'contributor')).statusCode).toBe(201);
    expect((await record(others.id, { value: 1 }, 'contributor')).statusCode).toBe(403);
    expect(
      (await t.request('auditor', 'POST', `/api/objectives/${theirs.id}/measurements`, { value: 1 }))
        .statusCode,
    ).toBe(403);
    const cancelled = await create({ status: 'cancelled' });
    expect((await record(cancelled.id, { value: 1 })).statusCode).toBe(409);
  });

  it('measures a test pass rate from the current results, and explains when there are none', async () => {
    const objective = await create({
      title: 'Vendors under a DPA',
      metric: 'Vendors with a signed DPA',
      unit: '%',
      direction: 'at_least',
      target: 90,
      source: 'test_pass_rate',
      sourceTestId: passRateTestId,
      sourceIntegrationId: integrationId,
    });
    expect(objective).toMatchObject({ sourceTestId: passRateTestId, sourceIntegrationId: null });
    expect((await record(objective.id, { value: 100 })).statusCode).toBe(409);
    const measured = await t.request('manager', 'POST', `/api/objectives/${objective.id}/measure`);
    expect(measured.statusCode, measured.body).toBe(201);
    expect(measured.json()).toMatchObject({ value: 75, source: 'test_pass_rate' });
    expect(measured.json().note).toContain('3 of 4');
    const read = (await t.request('auditor', 'GET', `/api/objectives/${objective.id}`)).json();
    expect(read).toMatchObject({ attainment: 'not_met', standing: 'measured' });

    const empty = await create({ unit: '%', source: 'test_pass_rate', sourceTestId: emptyTestId });
    const refused = await t.request('manager', 'POST', `/api/objectives/${empty.id}/measure`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('no passing or failing results');
  });

  it('measures a Prometheus query that returns one value, and refuses anything else with a reason', async () => {
    const objective = await create({
      title: 'Model accuracy',
      metric: 'Accuracy',
      unit: '%',
      direction: 'at_least',
      target: 90,
      source: 'prometheus',
      sourceIntegrationId: integrationId,
      sourceQuery: 'avg(model_accuracy) * 100',
    });
    prometheus.answer = { status: 200, body: vector('93.5') };
    const measured = await t.request('manager', 'POST', `/api/objectives/${objective.id}/measure`);
    expect(measured.statusCode, measured.body).toBe(201);
    expect(measured.json().value).toBe(93.5);
    prometheus.answer = { status: 200, body: scalar('91') };
    expect((await t.request('manager', 'POST', `/api/objectives/${objective.id}/measure`)).json().value).toBe(
      91,
    );

    const refusals: Array<[{ status: number; body: unknown }, string]> = [
      [{ status: 200, body: vector('1', '2') }, '2 series'],
      [{ status: 200, body: vector() }, '0 series'],
      [{ status: 200, body: scalar('NaN') }, 'not a finite number'],
      [
        { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error' } },
        'parse error',
      ],
    ];
    for (const [answer, reason] of refusals) {
      prometheus.answer = answer;
      const response = await t.request('manager', 'POST', `/api/objectives/${objective.id}/measure`);
      expect(response.statusCode, reason).toBe(409);
      expect(response.json().detail).toContain(reason);
    }
    const history = (
      await t.request('auditor', 'GET', `/api/objectives/${objective.id}/measurements`)
    ).json();
    expect(history.items).toHaveLength(2);
  });

  it('reads stored Prometheus credentials with the server secret', async () => {
    const secured = await t.context.services.integrations.create(admin, {
      kind: 'prometheus',
      name: 'Secured metrics',
      config: { baseUrl: prometheus.url, queries: [{ name: 'up', expression: 'up' }] },
      secrets: { bearerToken: 'prometheus-token' },
      enabled: false,
    });
    const withSecret = createObjectivesService(t.context.db, {
      secret: 'test-secret-test-secret-test-secret!',
    });
    const withoutSecret = createObjectivesService(t.context.db);
    const objective = await withSecret.create(admin, {
      title: 'Latency',
      metric: 'p95 latency',
      unit: 'ms',
      direction: 'at_most',
      target: 300,
      source: 'prometheus',
      sourceIntegrationId: secured.id,
      sourceQuery: 'max(latency_p95_ms)',
    });
    prometheus.answer = { status: 200, body: scalar('240') };
    expect((await withSecret.measure(admin, objective.id)).value).toBe(240);
    expect(prometheus.lastAuthorization).toBe('Bearer prometheus-token');
    await expect(withoutSecret.measure(admin, objective.id)).rejects.toMatchObject({ status: 409 });
  });

  it('measures due automatic objectives on schedule, one failure not stopping the others', async () => {
    const fresh = await create({
      title: 'Scheduled pass rate',
      unit: '%',
      direction: 'at_least',
      target: 50,
      source: 'test_pass_rate',
      sourceTestId: passRateTestId,
    });
    const failing = await create({
      title: 'Scheduled empty',
      unit: '%',
      source: 'test_pass_rate',
      sourceTestId: emptyTestId,
    });
    const manual = await create({ title: 'Scheduled manual' });
    prometheus.answer = { status: 503, body: 'down' };
    const outcome = await measureDueObjectives(t.context.db, new Date());
    expect(outcome.measured.map((m) => m.id)).toContain(fresh.id);
    expect(outcome.failed.map((f) => f.id)).toContain(failing.id);
    expect([...outcome.measured, ...outcome.failed].map((o) => o.id)).not.toContain(manual.id);
    const read = (await t.request('auditor', 'GET', `/api/objectives/${fresh.id}`)).json();
    expect(read).toMatchObject({ standing: 'measured', attainment: 'met', latestMeasurement: { value: 75 } });
    // Measured this period: the next tick leaves it alone.
    const again = await measureDueObjectives(t.context.db, new Date());
    expect(again.measured.map((m) => m.id)).not.toContain(fresh.id);
    const trail = (await t.request('auditor', 'GET', '/api/trail?entityType=objective_measurement')).json();
    expect(
      trail.items.some((e: { actorLabel?: string }) => JSON.stringify(e).includes('scheduled measurement')),
    ).toBe(true);
  });

  it('puts due manual measurements in the owner’s inbox', async () => {
    const objective = await create({
      title: 'Inbox objective',
      ownerId: t.users.contributor.personId,
      frequency: 'weekly',
    });
    await record(objective.id, { value: 3, measuredAt: ago(10) });
    const inbox = (await t.request('contributor', 'GET', '/api/inbox')).json();
    const item = inbox.items.find((i: { id: string }) => i.id === objective.id);
    expect(item).toMatchObject({
      kind: 'objective_measurement',
      overdue: true,
      link: `/objectives?objective=${objective.id}`,
    });
    await record(objective.id, { value: 2 });
    const after = (await t.request('contributor', 'GET', '/api/inbox')).json();
    expect(after.items.find((i: { id: string }) => i.id === objective.id)).toBeUndefined();
  });
});
