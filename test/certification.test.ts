import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids.js';
import { addDays, addMonths, nowIso, todayIso } from '../src/lib/time.js';
import { aimsIntegration } from '../src/monitoring/integrations/aims/index.js';
import { aimsResourceTypes } from '../src/monitoring/integrations/aims/resource-types.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

const today = todayIso();
let seq = 0;

describe.each(DIALECTS)('certification, calendar and PDCA on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const db = () => t.context.db.kysely;
  const fieldsOf = (response: { json(): { errors?: Array<{ field: string }> } }) =>
    (response.json().errors ?? []).map((e) => e.field);
  const stamp = () => ({ created_at: nowIso(), updated_at: nowIso() });

  async function nonconformity(grade: 'major' | 'minor', status: string) {
    const id = newId();
    seq += 1;
    await db()
      .insertInto('nonconformities')
      .values({
        id,
        reference: `NC-T-${seq}`,
        ref_year: 1900 + seq,
        ref_number: seq,
        title: `Nonconformity ${seq}`,
        description: '',
        source: 'manual',
        source_id: null,
        requirement_id: null,
        grade,
        status,
        containment: '',
        correction: '',
        root_cause_whys: '[]',
        root_cause: '',
        owner_id: null,
        raised_by: 'test',
        raised_on: today,
        closed_at: null,
        ...stamp(),
      })
      .execute();
    return id;
  }

  async function correctiveAction(
    dueDate: string,
    status = 'planned',
    nonconformityId: string | null = null,
  ) {
    const id = newId();
    seq += 1;
    await db()
      .insertInto('corrective_actions')
      .values({
        id,
        reference: `CA-T-${seq}`,
        ref_year: 1900 + seq,
        ref_number: seq,
        nonconformity_id: nonconformityId,
        incident_id: null,
        title: `Action ${seq}`,
        description: '',
        kind: 'corrective',
        owner_id: null,
        due_date: dueDate,
        status,
        progress: 0,
        investment: null,
        investment_note: '',
        completion_notes: '',
        completed_at: null,
        ...stamp(),
      })
      .execute();
    return id;
  }

  describe('certification', () => {
    it('records the certificate and plans the three-year cycle from the decision date', async () => {
      const issuedOn = addMonths(today, -2);
      const saved = await t.request('manager', 'PUT', '/api/certification', {
        body: 'Example Certification Ltd',
        certificateNumber: 'AIMS-0042',
        scope: 'AI systems for credit, fraud and customer service',
        issuedOn,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const body = saved.json();
      expect(body.certification).toMatchObject({
        body: 'Example Certification Ltd',
        issuedOn,
        expiresOn: addDays(addMonths(issuedOn, 36), -1),
      });
      expect(body.externalAudits.map((a: { kind: string }) => a.kind)).toEqual([
        'surveillance1',
        'surveillance2',
        'recertification',
      ]);
      expect(body.externalAudits[0]).toMatchObject({
        plannedStart: addMonths(issuedOn, 11),
        plannedEnd: addDays(addMonths(issuedOn, 11), 1),
        status: 'planned',
      });
      expect(body.nextExternalAudit.kind).toBe('surveillance1');

      // Saving again changes the certificate but never plans the cycle twice.
      const again = await t.request('admin', 'PUT', '/api/certification', {
        body: 'Example Certification Ltd',
        certificateNumber: 'AIMS-0042-A',
        issuedOn,
      });
      expect(again.json().externalAudits).toHaveLength(3);
      const trail = await db()
        .selectFrom('trail')
        .select(['entity_type', 'action'])
        .where('entity_type', 'in', ['certification', 'external_audit'])
        .orderBy('seq')
        .execute();
      expect(trail.map((e) => `${e.entity_type}.${e.action}`)).toEqual([
        'external_audit.create',
        'external_audit.create',
        'external_audit.create',
        'certification.create',
        'certification.update',
      ]);
    });

    it('refuses inconsistent dates and other frameworks, naming the field and writing nothing', async () => {
      const before = await t.request('auditor', 'GET', '/api/certification');
      const cases: Array<[unknown, string]> = [
        [{ body: 'X', issuedOn: today, expiresOn: addDays(today, -1) }, 'expiresOn'],
        [{ body: 'X', frameworkId: 'iso-27001-2022' }, 'frameworkId'],
        [{ body: '' }, 'body'],
        [{ body: 'X', issuedOn: '2026-13-01' }, 'issuedOn'],
        [{ body: 'X', extra: true }, ''],
      ];
      for (const [payload, field] of cases) {
        const response = await t.request('admin', 'PUT', '/api/certification', payload);
        expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.headers['content-type']).toContain('application/problem+json');
        if (field) expect(fieldsOf(response)).toContain(field);
      }
      expect((await t.request('auditor', 'GET', '/api/certification')).json()).toEqual(before.json());
      expect((await t.request('contributor', 'PUT', '/api/certification', { body: 'X' })).statusCode).toBe(
        403,
      );
    });

    it('plans, re-plans and removes external audits', async () => {
      const stage = await t.request('admin', 'POST', '/api/certification/external-audits', {
        kind: 'stage1',
        plannedStart: addMonths(today, -6),
        plannedEnd: addDays(addMonths(today, -6), 1),
        status: 'completed',
        leadAuditor: 'R. Auditor',
        result: 'Ready for stage 2.',
      });
      expect(stage.statusCode, stage.body).toBe(201);
      const id = stage.json().id;
      const backwards = await t.request('admin', 'PATCH', `/api/certification/external-audits/${id}`, {
        plannedEnd: addMonths(today, -7),
      });
      expect(backwards.statusCode).toBe(422);
      expect(fieldsOf(backwards)).toEqual(['plannedEnd']);
      const updated = await t.request('admin', 'PATCH', `/api/certification/external-audits/${id}`, {
        result: 'Two observations; ready for stage 2.',
      });
      expect(updated.json()).toMatchObject({
        label: 'Stage 1 audit',
        result: 'Two observations; ready for stage 2.',
      });
      expect(
        (await t.request('admin', 'DELETE', `/api/certification/external-audits/${id}`)).statusCode,
      ).toBe(204);
      expect(
        (await t.request('admin', 'DELETE', `/api/certification/external-audits/${id}`)).statusCode,
      ).toBe(404);
    });
  });

  describe('readiness for the next external audit', () => {
    const statusOf = async (key: string) => {
      const response = await t.request('auditor', 'GET', '/api/certification/readiness');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      return { body, check: body.checks.find((c: { key: string }) => c.key === key) };
    };

    it('prepares for the next planned external audit and counts from the records', async () => {
      const { body } = await statusOf('open_major_nonconformities');
      expect(body.target).toMatchObject({ label: 'Surveillance audit 1' });
      expect(body.summary.pass + body.summary.warning + body.summary.fail).toBe(body.checks.length);
      expect(body.ready).toBe(body.summary.fail === 0);
    });

    it('fails on open major nonconformities and passes once they are closed', async () => {
      expect((await statusOf('open_major_nonconformities')).check).toMatchObject({
        status: 'pass',
        count: 0,
      });
      const major = await nonconformity('major', 'action_planned');
      await nonconformity('major', 'closed');
      await nonconformity('minor', 'open');
      expect((await statusOf('open_major_nonconformities')).check).toMatchObject({
        status: 'fail',
        count: 1,
      });
      expect((await statusOf('minor_nonconformities_planned')).check).toMatchObject({
        status: 'warning',
        count: 1,
      });
      await db().updateTable('nonconformities').set({ status: 'closed' }).where('id', '=', major).execute();
      expect((await statusOf('open_major_nonconformities')).check).toMatchObject({
        status: 'pass',
        count: 0,
      });
    });

    it('counts overdue corrective actions but not finished or future ones', async () => {
      await correctiveAction(addDays(today, -3));
      await correctiveAction(addDays(today, -3), 'done');
      await correctiveAction(addDays(today, 5));
      expect((await statusOf('overdue_corrective_actions')).check).toMatchObject({
        status: 'fail',
        count: 1,
      });
    });

    it('needs an SoA approved within a year, an internal audit and a management review', async () => {
      expect((await statusOf('soa_approved')).check.status).toBe('fail');
      const internal = (await statusOf('internal_audit')).check;
      expect(internal).toMatchObject({ status: 'fail', detail: 'None completed yet, and none is planned.' });
      await db()
        .insertInto('management_reviews')
        .values({
          id: newId(),
          title: 'Spring review',
          scheduled_for: addDays(today, 20),
          held_on: null,
          status: 'planned',
          chair_id: null,
          location: '',
          minutes: '',
          input_notes: '{}',
          inputs_snapshot: null,
          completed_at: null,
          ...stamp(),
        })
        .execute();
      expect((await statusOf('management_review')).check).toMatchObject({
        status: 'warning',
        detail: `Spring review is planned for ${addDays(today, 20)}.`,
      });
      expect((await statusOf('programme_coverage')).check).toMatchObject({
        status: 'fail',
        detail: 'No audit programme covers this period.',
      });
    });
  });

  describe('calendar', () => {
    it('lists every dated obligation in range, filtered by kind', async () => {
      const nc = await nonconformity('minor', 'action_planned');
      const due = addDays(today, 10);
      const action = await correctiveAction(due, 'in_progress', nc);
      const late = await correctiveAction(addDays(today, -1), 'planned', nc);
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

  describe('monitoring facts', () => {
    it('collects nonconformities, objectives and the organisation facts the built-in tests read', async () => {
      const major = await nonconformity('major', 'verifying');
      await correctiveAction(addDays(today, -2), 'in_progress', major);
      const collected =
        (await aimsIntegration.collect({
          config: {},
          secrets: {},
          db: t.context.db,
          now: new Date(),
          signal: new AbortController().signal,
        })) ?? [];
      for (const resource of collected.filter((r) =>
        ['nonconformity', 'objective', 'organisation'].includes(r.type),
      )) {
        expect(
          aimsResourceTypes[resource.type]?.attributes.safeParse(resource.attributes).success,
          resource.name,
        ).toBe(true);
      }
      const org = collected.find((r) => r.type === 'organisation')?.attributes ?? {};
      const overdue = await db()
        .selectFrom('corrective_actions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', 'in', ['planned', 'in_progress'])
        .where('due_date', '<', today)
        .executeTakeFirst();
      const openMajor = await db()
        .selectFrom('nonconformities')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('grade', '=', 'major')
        .where('status', 'in', ['open', 'action_planned', 'verifying'])
        .executeTakeFirst();
      expect(org).toMatchObject({
        overdueCorrectiveActionCount: Number(overdue?.n),
        openMajorNonconformityCount: Number(openMajor?.n),
        lastInternalAuditAt: null,
        auditProgrammeGapCount: null,
        lastManagementReviewAt: null,
        lastManagementReviewInputsCovered: false,
      });
      const resource = collected.find((r) => r.type === 'nonconformity' && r.externalId === major);
      expect(resource?.attributes).toMatchObject({
        grade: 'major',
        open: true,
        actionCount: 1,
        overdueActionCount: 1,
        effectivenessCheckPlanned: false,
        lastEffectivenessResult: null,
      });
    });
  });

  describe('PDCA', () => {
    it('classifies every record type and counts totals and overdue items from the data', async () => {
      const response = await t.request('auditor', 'GET', '/api/pdca');
      expect(response.statusCode, response.body).toBe(200);
      const { phases } = response.json();
      expect(phases.map((p: { phase: string }) => p.phase)).toEqual(['plan', 'do', 'check', 'act']);
      const record = (type: string) =>
        phases
          .flatMap((p: { records: Array<{ type: string }> }) => p.records)
          .find((r: { type: string }) => r.type === type);
      const count = async (table: 'corrective_actions' | 'nonconformities') =>
        Number(
          (
            await db()
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirst()
          )?.n,
        );
      const overdueActions = Number(
        (
          await db()
            .selectFrom('corrective_actions')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', 'in', ['planned', 'in_progress'])
            .where('due_date', '<', today)
            .executeTakeFirst()
        )?.n,
      );
      expect(overdueActions).toBeGreaterThan(0);
      expect(record('corrective_action')).toMatchObject({
        total: await count('corrective_actions'),
        overdue: overdueActions,
      });
      expect(record('nonconformity').total).toBe(await count('nonconformities'));
      expect(record('context_issue').overdue).toBeNull();
      for (const phase of phases) {
        const records = phase.records as Array<{ total: number; overdue: number | null }>;
        expect(phase.total).toBe(records.reduce((sum, r) => sum + r.total, 0));
        expect(phase.overdue).toBe(records.reduce((sum, r) => sum + (r.overdue ?? 0), 0));
      }

      await correctiveAction(addDays(today, -10));
      const after = (await t.request('auditor', 'GET', '/api/pdca')).json();
      const act = after.phases.find((p: { phase: string }) => p.phase === 'act');
      const actBefore = phases.find((p: { phase: string }) => p.phase === 'act');
      expect(act.overdue).toBe(actBefore.overdue + 1);
      expect((await t.request('member', 'GET', '/api/pdca')).statusCode).toBe(403);
    });
  });
});
