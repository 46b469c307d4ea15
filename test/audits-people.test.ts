import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { auditInboxItems } from '../src/modules/audits/inbox.js';
import { createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

interface Item {
  id: string;
  ref: string;
  result: string | null;
  findingId: string | null;
}

/** Who may conduct an audit, whose inbox it reaches, and what bad input is refused. */
describe.each(DIALECTS)('internal audits: people and input on %s', (dialect) => {
  let t: TestApp;
  let lead = '';
  let programmeId = '';
  const today = todayIso();
  beforeAll(async () => {
    t = await createTestApp(dialect);
    lead = t.users.contributor.personId;
    const programme = await t.request('manager', 'POST', '/api/audit-programmes', {
      name: 'AIMS audit programme',
      cycleStart: '2026-01-01',
    });
    programmeId = programme.json().id;
  });
  afterAll(() => t.close());

  const plan = async (body: object, role: 'manager' | 'contributor' = 'manager') => {
    const response = await t.request(role, 'POST', '/api/audits', {
      title: 'Leadership and planning',
      leadAuditorId: lead,
      plannedStart: addDays(today, 7),
      plannedEnd: addDays(today, 9),
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const count = async (table: 'audits' | 'audit_findings' | 'audit_checklist_items') =>
    Number(
      (
        await t.context.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets an internal auditor with the read-only auditor role conduct the audits they lead or join', async () => {
    const led = await plan({ leadAuditorId: t.users.auditor.personId, requirementRefs: ['9.2'] });
    const joined = await plan({ teamIds: [t.users.auditor.personId], requirementRefs: ['9.3'] });
    const other = await plan({ requirementRefs: ['10.2'] });
    // Planning stays with those who write records; conducting is the auditor's.
    expect((await t.request('auditor', 'PATCH', `/api/audits/${led.id}`, { title: 'x' })).statusCode).toBe(
      403,
    );
    expect((await t.request('auditor', 'POST', `/api/audits/${led.id}/start`)).statusCode).toBe(200);
    const item = led.checklist[0] as Item;
    const recorded = await t.request('auditor', 'PATCH', `/api/audits/${led.id}/checklist/${item.id}`, {
      result: 'observation',
      notes: 'Programme results are reported, but not to top management.',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    for (const each of recorded.json().checklist as Item[]) {
      if (each.id !== item.id)
        await t.request('auditor', 'PATCH', `/api/audits/${led.id}/checklist/${each.id}`, {
          result: 'conforming',
        });
    }
    const completed = await t.request('auditor', 'POST', `/api/audits/${led.id}/complete`, {
      conclusion: 'Done.',
    });
    expect(completed.json().status).toBe('completed');

    // On someone else's audit the auditor may record results as a team member, but not start or finish it.
    expect((await t.request('auditor', 'POST', `/api/audits/${joined.id}/start`)).statusCode).toBe(403);
    await t.request('manager', 'POST', `/api/audits/${joined.id}/start`);
    const asTeam = await t.request(
      'auditor',
      'PATCH',
      `/api/audits/${joined.id}/checklist/${joined.checklist[0].id}`,
      {
        result: 'conforming',
      },
    );
    expect(asTeam.statusCode, asTeam.body).toBe(200);
    await t.request('manager', 'POST', `/api/audits/${other.id}/start`);
    expect(
      (
        await t.request('auditor', 'PATCH', `/api/audits/${other.id}/checklist/${other.checklist[0].id}`, {
          result: 'conforming',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request('member', 'POST', `/api/audits/${led.id}/findings`, { type: 'observation' }))
        .statusCode,
    ).toBe(403);
  });

  it('rejects bad input with a 422 naming the field and writes nothing', async () => {
    const before = await count('audits');
    const cases: Array<[object, string]> = [
      [{ plannedEnd: addDays(today, -1), plannedStart: today }, 'plannedEnd'],
      [{ leadAuditorId: '00000000-0000-4000-8000-000000000000' }, 'leadAuditorId'],
      [{ teamIds: ['not-a-uuid'] }, 'teamIds[0]'],
      [{ programmeId: '00000000-0000-4000-8000-000000000000' }, 'programmeId'],
      [{ frameworkId: 'nist-ai-rmf-1.0', programmeId }, 'frameworkId'],
      [{ status: 'completed' }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await t.request('manager', 'POST', '/api/audits', {
        title: 'Bad',
        leadAuditorId: lead,
        plannedStart: today,
        plannedEnd: today,
        ...body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (field) expect(response.json().errors[0].field).toContain(field);
    }
    expect(await count('audits')).toBe(before);

    const missing = '00000000-0000-4000-8000-000000000000';
    const audit = await plan({ requirementRefs: ['4.4'] });
    const item = audit.checklist[0].id;
    const checks: Array<[string, string, object | undefined, number]> = [
      ['PATCH', `/api/audits/${missing}/checklist/${item}`, { notes: 'x' }, 404],
      ['PATCH', `/api/audits/${audit.id}/checklist/${missing}`, { notes: 'x' }, 404],
      ['PATCH', `/api/audits/${audit.id}/checklist/${item}`, { notes: 'x' }, 409],
      ['PATCH', `/api/audits/${audit.id}/checklist/${item}`, { verdict: 'ok' }, 422],
      ['PATCH', `/api/audits/${audit.id}/checklist/${item}`, { result: 'fine' }, 422],
      ['GET', `/api/audit-programmes/${missing}/coverage`, undefined, 404],
      ['GET', '/api/audits/independence?programmeId=nope', undefined, 422],
      ['GET', '/api/audits?status=open', undefined, 422],
      ['GET', `/api/audits/${audit.id}/report?format=odt`, undefined, 422],
      ['POST', `/api/audits/${audit.id}/findings`, { type: 'conforming', description: 'x' }, 422],
    ];
    for (const [method, url, body, status] of checks) {
      const response = await t.request('manager', method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(status);
    }
    const malformed = await t.request('manager', 'POST', '/api/audits', '{"title":');
    expect(malformed.statusCode).toBe(400);
  });

  it("puts due audits in the lead auditor's inbox", async () => {
    const soon = await plan({
      requirementRefs: ['9.2'],
      plannedStart: addDays(today, 3),
      plannedEnd: addDays(today, 4),
    });
    await plan({
      requirementRefs: ['9.2'],
      plannedStart: addDays(today, 40),
      plannedEnd: addDays(today, 41),
    });
    const late = await plan({
      requirementRefs: ['9.3'],
      plannedStart: addDays(today, -5),
      plannedEnd: addDays(today, -5),
    });
    await t.request('contributor', 'POST', `/api/audits/${late.id}/start`);
    const items = await auditInboxItems(t.context.db.kysely, lead, today);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(soon.id)).toMatchObject({ kind: 'audit', overdue: false, link: `/audits/${soon.id}` });
    expect(byId.get(late.id)).toMatchObject({ overdue: true, dueOn: addDays(today, -5) });
    expect(items.every((i) => i.dueOn !== addDays(today, 40))).toBe(true);
  });
});
