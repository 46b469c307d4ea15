import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../src/lib/time.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { insertCorrectiveAction, insertNonconformity } from './support/check-act-rows.js';
import { DIALECTS } from './support/databases.js';

const today = todayIso();

describe.each(DIALECTS)('AIMS calendar and its feed on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // A certificate, so the calendar holds the cycle's external audits.
    await t.context.services.certification.save(admin, {
      frameworkId: 'iso-42001-2023',
      body: 'Example Certification Ltd',
      certificateNumber: 'AIMS-0042',
      scope: '',
      issuedOn: addMonths(today, -2),
    });
  });
  afterAll(() => t.close());

  const fieldsOf = (response: { json(): { errors?: Array<{ field: string }> } }) =>
    (response.json().errors ?? []).map((e) => e.field);

  it('lists every dated obligation in range, filtered by kind', async () => {
    const nc = await insertNonconformity(t, 'minor', 'action_planned');
    const due = addDays(today, 10);
    const action = await insertCorrectiveAction(t, due, 'in_progress', nc);
    const late = await insertCorrectiveAction(t, addDays(today, -1), 'planned', nc);
    const response = await t.request(
      'auditor',
      'GET',
      '/api/calendar?kinds=corrective_action,external_audit',
    );
    expect(response.statusCode, response.body).toBe(200);
    const { events } = response.json();
    const kinds = new Set(events.map((e: { kind: string }) => e.kind));
    expect([...kinds].sort()).toEqual(['corrective_action', 'external_audit']);
    expect(events.find((e: { uid: string }) => e.uid === `corrective_action-${action}`)).toMatchObject({
      start: due,
      end: due,
      overdue: false,
      link: `/nonconformities/${nc}`,
    });
    expect(events.find((e: { uid: string }) => e.uid === `corrective_action-${late}`).overdue).toBe(true);
    const starts = events.map((e: { start: string }) => e.start);
    expect(starts).toEqual([...starts].sort());

    const narrow = await t.request(
      'auditor',
      'GET',
      `/api/calendar?from=${addDays(today, 11)}&to=${addDays(today, 12)}&kinds=corrective_action`,
    );
    expect(narrow.json().events).toEqual([]);
  });

  it('refuses bad ranges and unknown kinds with the field named', async () => {
    const backwards = await t.request(
      'auditor',
      'GET',
      `/api/calendar?from=${today}&to=${addDays(today, -1)}`,
    );
    expect(backwards.statusCode).toBe(422);
    expect(fieldsOf(backwards)).toEqual(['to']);
    const tooLong = await t.request(
      'auditor',
      'GET',
      `/api/calendar?from=${today}&to=${addDays(today, 1200)}`,
    );
    expect(fieldsOf(tooLong)).toEqual(['to']);
    const unknown = await t.request('auditor', 'GET', '/api/calendar?kinds=birthdays');
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
    expect((await t.request('member', 'GET', '/api/calendar')).statusCode).toBe(403);
  });

  it('serves an iCalendar feed that parses back to the same events', async () => {
    const json = (await t.request('auditor', 'GET', '/api/calendar')).json();
    const response = await t.request('auditor', 'GET', '/api/calendar.ics');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(response.body));
    const vevents = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(json.events.length);
    for (const event of json.events) {
      const parsed = vevents.find((v) => v.uid === `${event.uid}@openaims`);
      expect(parsed, event.uid).toBeDefined();
      expect(parsed?.startDate.isDate).toBe(true);
      expect(parsed?.startDate.toString()).toBe(event.start);
      // DTEND is exclusive in iCalendar.
      expect(parsed?.endDate.toString()).toBe(addDays(event.end, 1));
      expect(parsed?.summary).toBe(event.overdue ? `OVERDUE: ${event.title}` : event.title);
    }
  });

  it('issues a feed token that reads the feed and nothing else, once per user', async () => {
    expect((await t.request('auditor', 'GET', '/api/calendar/feed-token')).json()).toMatchObject({
      active: false,
    });
    const issued = await t.request('auditor', 'POST', '/api/calendar/feed-token');
    expect(issued.statusCode, issued.body).toBe(201);
    const { token, path, status } = issued.json();
    expect(token).toMatch(/^oacal_/);
    expect(status).toMatchObject({ active: true, prefix: token.slice(0, 12) });
    expect(JSON.stringify(status)).not.toContain(token);

    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    const elsewhere = await t.app.inject({ method: 'GET', url: `/api/calendar?token=${token}` });
    expect(elsewhere.statusCode).toBe(401);
    const asBearer = await t.app.inject({
      method: 'GET',
      url: '/api/calendar',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asBearer.statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar.ics?token=oacal_nope' })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar.ics' })).statusCode).toBe(401);

    // A new token revokes the old one; revoking leaves none.
    const second = (await t.request('auditor', 'POST', '/api/calendar/feed-token')).json();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: second.path })).statusCode).toBe(200);
    expect((await t.request('auditor', 'DELETE', '/api/calendar/feed-token')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: second.path })).statusCode).toBe(401);
    expect((await t.request('member', 'POST', '/api/calendar/feed-token')).statusCode).toBe(403);
  });

  it('stops serving the feed of a deactivated account', async () => {
    const user = await t.context.services.users.create(admin, {
      email: `leaver-${dialect}@test.example`,
      name: 'Leaver',
      role: 'manager',
      password: 'a long test password',
    });
    const { secret } = await t.context.services.tokens.create(admin, { name: 'x', userId: user.id });
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/feed-token',
      headers: { authorization: `Bearer ${secret}` },
    });
    const { path } = issued.json();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    await t.context.services.users.update(admin, user.id, { active: false });
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(401);
  });
});
