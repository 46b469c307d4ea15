import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { nonconformityInboxItems } from '../src/modules/nonconformities/inbox.js';
import { ncApi } from './nonconformities.fixtures.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { pdfText } from './support/documents.js';

const today = todayIso();

describe.each(DIALECTS)('corrective actions and the corrective action plan on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const { raise, addAction } = ncApi(() => t);
  const nc = async (id: string) => (await t.request('auditor', 'GET', `/api/nonconformities/${id}`)).json();

  it('lists actions and overdue work, and gives contributors only their own', async () => {
    const created = await raise({ rootCause: 'Training gap.' });
    const late = await addAction({
      nonconformityId: created.id,
      dueDate: addDays(today, -3),
      ownerId: t.users.contributor.personId,
    });
    await addAction({ nonconformityId: created.id, dueDate: addDays(today, 40) });
    expect(late.overdue).toBe(true);
    expect(await nc(created.id)).toMatchObject({
      status: 'action_planned',
      overdue: true,
      actionCounts: { total: 2, overdue: 1 },
    });
    const overdue = (
      await t.request('auditor', 'GET', `/api/corrective-actions?overdue=true&nonconformityId=${created.id}`)
    ).json();
    expect(overdue.items.map((a: { id: string }) => a.id)).toEqual([late.id]);
    const ncsOverdue = (await t.request('auditor', 'GET', '/api/nonconformities?overdue=true')).json();
    expect(ncsOverdue.items.map((i: { id: string }) => i.id)).toContain(created.id);

    const own = await t.request('contributor', 'PATCH', `/api/corrective-actions/${late.id}`, {
      progress: 40,
      status: 'in_progress',
    });
    expect(own.statusCode, own.body).toBe(200);
    const others = (
      await t.request('auditor', 'GET', `/api/corrective-actions?nonconformityId=${created.id}&sort=-dueDate`)
    ).json().items[0];
    expect(
      (await t.request('contributor', 'PATCH', `/api/corrective-actions/${others.id}`, { progress: 10 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request('contributor', 'PATCH', `/api/nonconformities/${created.id}`, { title: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request('auditor', 'POST', '/api/corrective-actions', {
          title: 'x',
          kind: 'improvement',
          dueDate: today,
        })
      ).statusCode,
    ).toBe(403);

    const items = await nonconformityInboxItems(t.context.db.kysely, t.users.contributor.personId, today);
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'corrective_action',
        id: late.id,
        overdue: true,
        link: `/nonconformities/${created.id}`,
      }),
    );

    const improvement = await addAction({
      title: 'Automate model cards',
      kind: 'improvement',
      ownerId: t.users.contributor.personId,
      dueDate: addDays(today, 5),
    });
    expect(improvement).toMatchObject({ nonconformityId: null, incidentId: null });
    const withImprovement = await nonconformityInboxItems(
      t.context.db.kysely,
      t.users.contributor.personId,
      today,
    );
    expect(withImprovement).toContainEqual(
      expect.objectContaining({ id: improvement.id, link: '/corrective-action-plan' }),
    );
  });

  it('builds the corrective action plan as JSON, XLSX and PDF', async () => {
    const created = await raise({
      title: 'Bias tests not run',
      grade: 'major',
      requirementId: 'iso-42001-2023:8.2',
      rootCause: 'No schedule.',
    });
    await addAction({
      nonconformityId: created.id,
      title: 'Schedule bias tests',
      investment: 500,
      progress: 50,
      status: 'in_progress',
    });
    await addAction({
      nonconformityId: created.id,
      title: 'Train the team',
      investment: 250.25,
      dueDate: addDays(today, -1),
    });
    const incident = await t.context.services.incidents.create(admin, {
      title: 'Chatbot leaked a prompt',
      severity: 'medium',
      harmType: 'privacy',
    });
    await addAction({ incidentId: incident.id, title: 'Filter prompts', investment: 100 });

    const response = await t.request('auditor', 'GET', '/api/corrective-action-plan');
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    const gap = plan.gaps.find((g: { id: string }) => g.id === created.id);
    expect(gap).toMatchObject({
      kind: 'nonconformity',
      grade: 'major',
      requirement: expect.stringMatching(/^8\.2 /),
      progress: 25,
      nextDue: addDays(today, -1),
      investment: 750.25,
      overdue: true,
    });
    expect(gap.actions).toHaveLength(2);
    const incidentGap = plan.gaps.find((g: { id: string }) => g.id === incident.id);
    expect(incidentGap).toMatchObject({ kind: 'incident', reference: incident.reference, investment: 100 });
    expect(plan.totals.openGaps).toBe(plan.gaps.length);
    expect(plan.totals.overdue).toBeGreaterThanOrEqual(1);
    expect(plan.gaps.some((g: { status: string }) => g.status === 'closed')).toBe(false);

    const xlsx = await t.request('auditor', 'GET', '/api/corrective-action-plan?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toMatch(/corrective-action-plan-.*\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Corrective action plan');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Gap');
    expect(sheet?.autoFilter).toBeTruthy();
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    const mine = rows.filter((r) => r[0] === created.reference);
    expect(mine).toHaveLength(2);
    expect(mine.map((r) => r[10]).sort()).toEqual(['Schedule bias tests', 'Train the team']);

    const pdf = await t.request('auditor', 'GET', '/api/corrective-action-plan?format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Corrective action plan');
    expect(text).toContain(created.reference);
    expect(text).toContain('Schedule bias tests');
    expect((await t.request('member', 'GET', '/api/corrective-action-plan')).statusCode).toBe(403);
  });
});
