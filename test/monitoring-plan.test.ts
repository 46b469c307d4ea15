import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { objectiveApi, passRateTest } from './support/objective-fixtures.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(DIALECTS)('the monitoring and measurement plan on %s', (dialect) => {
  let t: TestApp;
  let passRateTestId = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    passRateTestId = await passRateTest(t);
  });
  afterAll(() => t.close());

  const { create, record } = objectiveApi(() => t);

  const planItem = async (body: object = {}) => {
    const response = await t.request('manager', 'POST', '/api/monitoring-plan', {
      subject: 'Vendor data protection',
      method: 'Automated test of DPA status',
      frequency: 'monthly',
      analysisSchedule: 'Monthly at the AI steering meeting',
      requirementRefs: ['9.1', 'A.10.3'],
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('presents linked test and objective results as generated 9.1 evidence', async () => {
    const objective = await create({ title: 'Plan objective' });
    await record(objective.id, { value: 1.5 });
    const item = await planItem({
      testIds: [passRateTestId],
      objectiveIds: [objective.id],
      analystId: t.users.contributor.personId,
    });
    expect(item).toMatchObject({
      requirementRefs: ['9.1', 'A.10.3'],
      analyst: { id: t.users.contributor.personId },
      analysisStanding: 'never_analysed',
      nextAnalysisDue: null,
      results: {
        status: 'attention',
        tests: [{ id: passRateTestId, status: 'needs_attention', pass: 3, fail: 1, error: 0 }],
        objectives: [
          { id: objective.id, latestValue: 1.5, target: 2, attainment: 'met', standing: 'measured' },
        ],
      },
    });
    expect(item.results.tests[0].lastRunAt).not.toBeNull();
    const list = (
      await t.request('auditor', 'GET', '/api/monitoring-plan?q=DPA%20status&frequency=monthly')
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(item.id);

    const onlyObjective = await t.request('manager', 'PATCH', `/api/monitoring-plan/${item.id}`, {
      testIds: [],
    });
    expect(onlyObjective.json().results).toMatchObject({ status: 'ok', tests: [] });
    // A deleted custom test drops out of the plan rather than failing its next edit.
    const doomed = await t.request('admin', 'POST', '/api/tests', {
      title: 'Short-lived test',
      severity: 'low',
      resourceType: 'vendor',
      condition: 'true',
    });
    const linked = await t.request('manager', 'PATCH', `/api/monitoring-plan/${item.id}`, {
      testIds: [doomed.json().id],
    });
    expect(linked.json().testIds).toEqual([doomed.json().id]);
    expect((await t.request('admin', 'DELETE', `/api/tests/${doomed.json().id}`)).statusCode).toBe(204);
    const withoutTest = (await t.request('auditor', 'GET', `/api/monitoring-plan/${item.id}`)).json();
    expect(withoutTest).toMatchObject({ testIds: [], results: { tests: [] } });
    // Deleting an objective drops it from the plan too.
    await t.request('manager', 'DELETE', `/api/objectives/${objective.id}`);
    const read = (await t.request('auditor', 'GET', `/api/monitoring-plan/${item.id}`)).json();
    expect(read).toMatchObject({ objectiveIds: [], results: { status: 'no_data' } });
  });

  it('names a missing linked test or objective by its position and writes nothing', async () => {
    const before = (await t.request('auditor', 'GET', '/api/monitoring-plan')).json().total;
    const badTest = await t.request('manager', 'POST', '/api/monitoring-plan', {
      subject: 'Bad',
      frequency: 'daily',
      testIds: [passRateTestId, 'no-such-test'],
    });
    expect(badTest.statusCode).toBe(422);
    expect(badTest.json().errors[0].field).toBe('testIds.1');
    const badObjective = await t.request('manager', 'POST', '/api/monitoring-plan', {
      subject: 'Bad',
      frequency: 'daily',
      objectiveIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badObjective.json().errors[0].field).toBe('objectiveIds.0');
    const badRef = await t.request('manager', 'POST', '/api/monitoring-plan', {
      subject: 'Bad',
      frequency: 'daily',
      requirementRefs: ['clause nine'],
    });
    expect(badRef.json().errors[0].field).toContain('requirementRefs');
    expect((await t.request('auditor', 'GET', '/api/monitoring-plan')).json().total).toBe(before);
    expect(
      (await t.request('contributor', 'POST', '/api/monitoring-plan', { subject: 'x', frequency: 'daily' }))
        .statusCode,
    ).toBe(403);
  });

  it('records analyses by the analyst and tells when the next one is due', async () => {
    const item = await planItem({
      subject: 'Analysed item',
      frequency: 'quarterly',
      analystId: t.users.contributor.personId,
    });
    const other = await planItem({ subject: 'Someone else’s', analystId: t.users.manager.personId });
    const analysed = await t.request('contributor', 'POST', `/api/monitoring-plan/${item.id}/analysis`, {
      notes: 'Pass rate steady; no action.',
    });
    expect(analysed.statusCode, analysed.body).toBe(200);
    expect(analysed.json()).toMatchObject({
      analysisStanding: 'analysed',
      analysisNotes: 'Pass rate steady; no action.',
    });
    const late = await t.request('manager', 'POST', `/api/monitoring-plan/${other.id}/analysis`, {
      notes: 'Looked at in the spring.',
      analysedAt: ago(40),
    });
    expect(late.json().analysisStanding).toBe('overdue');
    expect(
      (await t.request('contributor', 'POST', `/api/monitoring-plan/${other.id}/analysis`, { notes: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request('manager', 'POST', `/api/monitoring-plan/${item.id}/analysis`, { notes: '' }))
        .statusCode,
    ).toBe(422);
    const trail = (await t.request('auditor', 'GET', `/api/trail?entityId=${item.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('exports the plan with its current results as a spreadsheet', async () => {
    await planItem({ subject: 'Exported item', testIds: [passRateTestId] });
    const response = await t.request('auditor', 'GET', '/api/monitoring-plan/export?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/monitoring-plan-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const plan = workbook.getWorksheet('Monitoring plan');
    const subjects = plan?.getColumn(1).values.slice(2);
    expect(subjects).toContain('Exported item');
    const results = workbook.getWorksheet('Results');
    const row = results
      ?.getRows(2, results.rowCount - 1)
      ?.find((r) => r.getCell(1).value === 'Exported item');
    expect(row?.getCell(3).value).toBe(passRateTestId);
    expect(row?.getCell(6).value).toBe(3);
    expect(row?.getCell(7).value).toBe(1);
    expect((await t.request('auditor', 'GET', '/api/monitoring-plan/export?format=pdf')).statusCode).toBe(
      422,
    );
    expect((await t.request('member', 'GET', '/api/monitoring-plan/export')).statusCode).toBe(403);
  });
});
