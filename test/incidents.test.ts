import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

interface Notification {
  id: string;
  rule: string | null;
  party: string;
  basis: string;
  dueAt: string;
  notifiedAt: string | null;
  overdue: boolean;
  hoursLeft: number | null;
}

describe.each(DIALECTS)('AI incidents on %s', (dialect) => {
  let t: TestApp;
  let highRisk = '';
  let limited = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = t.context.services;
    highRisk = (await s.aiSystems.create(admin, { name: 'Credit scoring', riskTier: 'high' })).id;
    limited = (await s.aiSystems.create(admin, { name: 'Support chatbot', riskTier: 'limited' })).id;
  });
  afterAll(() => t.close());

  const report = async (body: object, role: 'manager' | 'contributor' | 'admin' = 'manager') => {
    const response = await t.request(role, 'POST', '/api/incidents', {
      title: 'Model declined applicants unfairly',
      severity: 'high',
      harmType: 'discrimination',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const authority = (incident: { notifications: Notification[] }) =>
    incident.notifications.find((n) => n.rule === 'eu_ai_act_art73');
  const count = async () =>
    Number(
      (
        await t.context.db.kysely
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records, lists, edits and deletes incidents with sequential references and a trail', async () => {
    const year = new Date().getUTCFullYear();
    const first = await report({ title: 'First', aiSystemIds: [limited] });
    const second = await report({ title: 'Second', severity: 'low' });
    expect(first.reference).toMatch(new RegExp(`^INC-${year}-\\d{3}$`));
    expect(Number(second.reference.slice(-3))).toBe(Number(first.reference.slice(-3)) + 1);
    expect(first).toMatchObject({
      status: 'open',
      serious: false,
      seriousCategory: null,
      aiSystemIds: [limited],
      notificationStatus: 'none',
      authorityNotificationRequired: false,
    });
    expect(first.timeline[0]).toMatchObject({ kind: 'status', authorLabel: 'manager@test.example' });

    const list = (await t.request('auditor', 'GET', '/api/incidents?severity=low&q=Second')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const bySystem = (await t.request('auditor', 'GET', `/api/incidents?aiSystemId=${limited}`)).json();
    expect(bySystem.items.map((i: { id: string }) => i.id)).toContain(first.id);
    expect((await t.request('auditor', 'GET', `/api/incidents/${first.id}`)).json().title).toBe('First');

    const patched = await t.request('manager', 'PATCH', `/api/incidents/${first.id}`, { title: 'Renamed' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().title).toBe('Renamed');
    expect((await t.request('manager', 'DELETE', `/api/incidents/${second.id}`)).statusCode).toBe(204);
    expect((await t.request('manager', 'GET', `/api/incidents/${second.id}`)).statusCode).toBe(404);
    const trail = (await t.request('auditor', 'GET', `/api/trail?entityId=${first.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it.each([
    ['general', 15, 'Art. 73(2)'],
    ['death', 10, 'Art. 73(4)'],
    ['widespread_or_critical_infrastructure', 2, 'Art. 73(3)'],
  ])(
    'gives a serious %s incident on a high-risk system an Art. 73 deadline of %i days',
    async (category, days, basis) => {
      const detectedAt = ago(HOUR);
      const incident = await report({
        serious: true,
        seriousCategory: category,
        detectedAt,
        occurredAt: ago(2 * HOUR),
        aiSystemIds: [highRisk, limited],
      });
      expect(incident.authorityNotificationRequired).toBe(true);
      expect(incident.notificationStatus).toBe('pending');
      const notification = authority(incident);
      expect(notification).toMatchObject({
        party: 'Market surveillance authority',
        notifiedAt: null,
        overdue: false,
      });
      expect(notification?.basis).toContain(basis);
      expect(notification?.dueAt).toBe(plus(detectedAt, days * DAY));
      expect(notification?.hoursLeft).toBeCloseTo(days * 24 - 1, 0);
      expect(incident.timeline.some((e: { kind: string }) => e.kind === 'notification')).toBe(true);
    },
  );

  it('asks nothing of the authority unless the incident is serious and a system is high-risk', async () => {
    expect(authority(await report({ serious: true, aiSystemIds: [limited] }))).toBeUndefined();
    expect(authority(await report({ serious: false, aiSystemIds: [highRisk] }))).toBeUndefined();
  });

  it('moves an unsent deadline when the category changes, and drops it when no longer serious', async () => {
    const detectedAt = ago(DAY);
    const incident = await report({ serious: true, detectedAt, aiSystemIds: [highRisk] });
    expect(incident.seriousCategory).toBe('general');
    const death = await t.request('manager', 'PATCH', `/api/incidents/${incident.id}`, {
      seriousCategory: 'death',
      severity: 'critical',
    });
    expect(authority(death.json())?.dueAt).toBe(plus(detectedAt, 10 * DAY));
    const notSerious = (
      await t.request('manager', 'PATCH', `/api/incidents/${incident.id}`, { serious: false })
    ).json();
    expect(notSerious.seriousCategory).toBeNull();
    expect(authority(notSerious)).toBeUndefined();
    const bad = await t.request('manager', 'PATCH', `/api/incidents/${incident.id}`, {
      seriousCategory: 'death',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('seriousCategory');
  });

  it('shows an overdue notification, and finds it by notification status', async () => {
    const incident = await report({ serious: true, detectedAt: ago(16 * DAY), aiSystemIds: [highRisk] });
    expect(authority(incident)).toMatchObject({ overdue: true });
    expect(authority(incident)?.hoursLeft).toBeLessThan(0);
    expect(incident.notificationStatus).toBe('overdue');
    const ids = async (query: string) =>
      (await t.request('auditor', 'GET', `/api/incidents?limit=500&${query}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('notificationStatus=overdue')).toContain(incident.id);
    expect(await ids('serious=true&open=true')).toContain(incident.id);
    for (const query of [
      'notificationStatus=pending',
      'notificationStatus=none',
      'serious=false',
      'open=false',
    ])
      expect(await ids(query), query).not.toContain(incident.id);
  });

  it('asks for the GDPR Art. 33 notification within 72 hours of a privacy incident', async () => {
    const detectedAt = ago(HOUR);
    const incident = await report({ harmType: 'privacy', detectedAt, aiSystemIds: [limited] });
    const gdpr = incident.notifications.find((n: Notification) => n.rule === 'gdpr_art33');
    expect(gdpr).toMatchObject({ party: 'Data protection authority', basis: 'GDPR Art. 33: 72 hours' });
    expect(gdpr.dueAt).toBe(plus(detectedAt, 72 * HOUR));
  });

  it('takes the Art. 73 windows from the settings, and refuses bad ones naming the field', async () => {
    const defaults = (await t.request('auditor', 'GET', '/api/incidents/settings')).json();
    expect(defaults).toEqual({
      art73Days: { general: 15, death: 10, widespread_or_critical_infrastructure: 2 },
    });
    const stricter = { art73Days: { general: 7, death: 5, widespread_or_critical_infrastructure: 1 } };
    expect((await t.request('contributor', 'PUT', '/api/incidents/settings', stricter)).statusCode).toBe(403);
    const saved = await t.request('manager', 'PUT', '/api/incidents/settings', stricter);
    expect(saved.statusCode, saved.body).toBe(200);
    const detectedAt = ago(HOUR);
    const incident = await report({ serious: true, detectedAt, aiSystemIds: [highRisk] });
    expect(authority(incident)?.dueAt).toBe(plus(detectedAt, 7 * DAY));
    expect(authority(incident)?.basis).toContain('configured: 7 days');

    for (const general of [0, 91, 2.5]) {
      const bad = await t.request('manager', 'PUT', '/api/incidents/settings', {
        art73Days: { ...stricter.art73Days, general },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].field).toBe('art73Days.general');
    }
    await t.request('manager', 'PUT', '/api/incidents/settings', defaults);
  });

  it('records notifications, never before detection, and closes only a complete incident', async () => {
    const detectedAt = ago(2 * DAY);
    const incident = await report({ serious: true, detectedAt, aiSystemIds: [highRisk] });
    const url = `/api/incidents/${incident.id}`;
    const added = await t.request('manager', 'POST', `${url}/notifications`, {
      party: 'Affected customers',
      basis: 'Customer terms, clause 9',
      dueAt: plus(detectedAt, 5 * DAY),
    });
    expect(added.statusCode, added.body).toBe(201);
    const manual = added.json().notifications.find((n: Notification) => n.party === 'Affected customers');
    expect(manual.rule).toBeNull();

    const early = await t.request('manager', 'PATCH', `${url}/notifications/${manual.id}`, {
      notifiedAt: plus(detectedAt, -HOUR),
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].field).toBe('notifiedAt');

    for (const status of ['investigating', 'contained', 'resolved'])
      expect((await t.request('manager', 'PATCH', url, { status })).statusCode).toBe(200);
    const backwards = await t.request('manager', 'PATCH', url, { status: 'contained' });
    expect(backwards.statusCode).toBe(409);

    const noCause = await t.request('manager', 'PATCH', url, { status: 'closed' });
    expect(noCause.statusCode).toBe(422);
    expect(noCause.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rootCause',
      'lessonsLearned',
    ]);
    const complete = { rootCause: 'Stale feature pipeline.', lessonsLearned: 'Monitor feature freshness.' };
    const unsent = await t.request('manager', 'PATCH', url, { status: 'closed', ...complete });
    expect(unsent.statusCode).toBe(409);
    expect(unsent.json().errors[0].field).toBe('status');
    // The refused close wrote nothing, not even the root cause.
    expect((await t.request('manager', 'GET', url)).json()).toMatchObject({
      status: 'resolved',
      rootCause: '',
    });

    const ids = (await t.request('manager', 'GET', url)).json().notifications.map((n: Notification) => n.id);
    for (const id of ids) {
      const sent = await t.request('manager', 'PATCH', `${url}/notifications/${id}`, {
        notifiedAt: ago(HOUR),
        reference: 'REF-1',
      });
      expect(sent.statusCode, sent.body).toBe(200);
    }
    const closed = await t.request('manager', 'PATCH', url, { status: 'closed', ...complete });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', notificationStatus: 'done' });
    expect(closed.json().closedAt).toBeTruthy();
    expect(closed.json().resolvedAt).toBeTruthy();
    const kinds = closed.json().timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('root_cause');
    expect(kinds.filter((k: string) => k === 'status').length).toBeGreaterThanOrEqual(5);
  });

  it('keeps a timeline, newest first, of notes the team adds', async () => {
    const incident = await report({});
    const url = `/api/incidents/${incident.id}/timeline`;
    const note = await t.request('manager', 'POST', url, { kind: 'containment', text: 'Model rolled back.' });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json().timeline[0]).toMatchObject({ kind: 'containment', text: 'Model rolled back.' });
    const older = await t.request('manager', 'POST', url, { kind: 'note', text: 'Earlier', at: ago(DAY) });
    expect(older.json().timeline.at(-1).text).toBe('Earlier');
    for (const body of [
      { kind: 'status', text: 'x' },
      { kind: 'note', text: 'x', at: plus(new Date().toISOString(), DAY) },
      { kind: 'note', text: '' },
    ])
      expect((await t.request('manager', 'POST', url, body)).statusCode).toBe(422);
  });

  it('lets contributors change only their own incidents, and hides incidents from members', async () => {
    const theirs = await report({ ownerId: t.users.admin.personId });
    const url = `/api/incidents/${theirs.id}`;
    expect((await t.request('contributor', 'PATCH', url, { title: 'Mine now' })).statusCode).toBe(403);
    const note = { kind: 'note', text: 'Not mine' };
    expect((await t.request('contributor', 'POST', `${url}/timeline`, note)).statusCode).toBe(403);
    const own = await report({}, 'contributor');
    expect(own.ownerId).toBe(t.users.contributor.personId);
    expect(
      (await t.request('contributor', 'PATCH', `/api/incidents/${own.id}`, { status: 'investigating' }))
        .statusCode,
    ).toBe(200);
    expect((await t.request('member', 'GET', '/api/incidents')).statusCode).toBe(403);
    expect((await t.request('member', 'GET', url)).statusCode).toBe(403);
    expect((await t.request('contributor', 'DELETE', url)).statusCode).toBe(403);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await count();
    const cases: Array<[object, string]> = [
      [{ colour: 'red' }, 'colour'],
      [{ severity: 'catastrophic' }, 'severity'],
      [{ harmType: 'vibes' }, 'harmType'],
      [{ aiSystemIds: [highRisk, '019b76da-a800-757d-b545-518cdf1c0000'] }, 'aiSystemIds[1]'],
      [{ detectedAt: ago(2 * DAY), occurredAt: ago(DAY) }, 'detectedAt'],
      [{ serious: false, seriousCategory: 'death' }, 'seriousCategory'],
    ];
    for (const [body, field] of cases) {
      const response = await t.request('manager', 'POST', '/api/incidents', {
        title: 'Bad',
        severity: 'low',
        harmType: 'other',
        ...body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await count()).toBe(before);
    const missing = await t.request('manager', 'POST', '/api/incidents/not-an-id/timeline', {
      kind: 'note',
      text: 'x',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('assigns training because of an incident, linked back to it', async () => {
    const incident = await report({});
    const course = await t.context.services.training.courses.create(admin, {
      title: 'Fair lending refresher',
    });
    const response = await t.request('manager', 'POST', `/api/incidents/${incident.id}/assign-training`, {
      courseId: course.id,
      personIds: [t.users.member.personId],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().assignments[0]).toMatchObject({ sourceType: 'incident', sourceId: incident.id });
    const after = (await t.request('manager', 'GET', `/api/incidents/${incident.id}`)).json();
    expect(after.timeline[0].text).toContain('Fair lending refresher');
    const unknown = await t.request('manager', 'POST', `/api/incidents/${incident.id}/assign-training`, {
      courseId: incident.id,
      personIds: [t.users.member.personId],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('courseId');
  });

  it('collects incidents and the organisation’s incident facts for the built-in tests', async () => {
    const late = await report({ serious: true, detectedAt: ago(40 * DAY), aiSystemIds: [highRisk] });
    await t.context.monitor.syncAll();
    const resource = async (type: string, id?: string) => {
      let query = t.context.db.kysely.selectFrom('resources').select('attributes').where('type', '=', type);
      if (id) query = query.where('external_id', '=', id);
      return JSON.parse((await query.executeTakeFirstOrThrow()).attributes);
    };
    expect(await resource('incident', late.id)).toMatchObject({
      reference: late.reference,
      serious: true,
      open: true,
      highRiskSystem: true,
      hasAuthorityNotification: true,
      authorityReportLate: true,
      notificationsPending: 1,
      notificationsOverdue: 1,
      pastResolutionTarget: true,
      hasRootCause: false,
      aiSystemIds: [highRisk],
    });
    expect((await resource('incident', late.id)).daysOpen).toBeGreaterThanOrEqual(39);
    const organisation = await resource('organisation');
    expect(organisation.overdueIncidentCount).toBeGreaterThanOrEqual(1);
    expect(organisation.lateIncidentReportCount).toBeGreaterThanOrEqual(1);
  });
});
