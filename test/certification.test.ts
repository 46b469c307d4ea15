import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids.js';
import { addDays, addMonths, nowIso, todayIso } from '../src/lib/time.js';
import { aimsIntegration } from '../src/monitoring/integrations/aims/index.js';
import { aimsResourceTypes } from '../src/monitoring/integrations/aims/resource-types.js';
import { createTestApp, type TestApp } from './support/app.js';
import { insertCorrectiveAction, insertNonconformity } from './support/check-act-rows.js';
import { DIALECTS } from './support/databases.js';

const today = todayIso();

describe.each(DIALECTS)('certification and readiness on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const db = () => t.context.db.kysely;
  const fieldsOf = (response: { json(): { errors?: Array<{ field: string }> } }) =>
    (response.json().errors ?? []).map((e) => e.field);
  const stamp = () => ({ created_at: nowIso(), updated_at: nowIso() });

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
      const major = await insertNonconformity(t, 'major', 'action_planned');
      await insertNonconformity(t, 'major', 'closed');
      await insertNonconformity(t, 'minor', 'open');
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
      await insertCorrectiveAction(t, addDays(today, -3));
      await insertCorrectiveAction(t, addDays(today, -3), 'done');
      await insertCorrectiveAction(t, addDays(today, 5));
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

  describe('monitoring facts', () => {
    it('collects nonconformities, objectives and the organisation facts the built-in tests read', async () => {
      const major = await insertNonconformity(t, 'major', 'verifying');
      await insertCorrectiveAction(t, addDays(today, -2), 'in_progress', major);
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
});
