import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { nonconformityInboxItems } from '../src/modules/nonconformities/inbox.js';
import { ncApi, seedFindings } from './nonconformities.fixtures.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

const today = todayIso();

describe.each(DIALECTS)('nonconformities and corrective actions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const { raise, addAction } = ncApi(() => t);
  const nc = async (id: string) => (await t.request('auditor', 'GET', `/api/nonconformities/${id}`)).json();
  const count = async (table: 'nonconformities' | 'corrective_actions') =>
    Number(
      (
        await t.context.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('raises nonconformities by hand with sequential references, lists and filters them', async () => {
    const year = new Date().getUTCFullYear();
    const first = await raise({ requirementId: 'iso-42001-2023:8.2', grade: 'major' });
    const second = await raise({ title: 'Second one' });
    expect(first.reference).toMatch(new RegExp(`^NC-${year}-\\d{3}$`));
    expect(Number(second.reference.slice(-3))).toBe(Number(first.reference.slice(-3)) + 1);
    expect(first).toMatchObject({
      status: 'open',
      raisedOn: today,
      source: { kind: 'manual', id: null, label: 'Raised by hand', link: null },
      requirement: { id: 'iso-42001-2023:8.2', ref: '8.2' },
      actionCounts: { total: 0 },
      closable: { allowed: false },
    });
    const list = (await t.request('auditor', 'GET', '/api/nonconformities?grade=major&q=credit')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(first.id);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(second.id);
    const sorted = (await t.request('auditor', 'GET', '/api/nonconformities?sort=reference&limit=1')).json();
    expect(sorted).toMatchObject({ limit: 1, offset: 0 });
    expect(sorted.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad input with 422 naming the field and writes nothing', async () => {
    const before = await count('nonconformities');
    const bad = async (body: object, field: string) => {
      const response = await t.request('manager', 'POST', '/api/nonconformities', {
        title: 'Bad',
        source: 'manual',
        ...body,
      });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors)).toContain(field);
    };
    await bad({ raisedOn: addDays(today, 2) }, 'raisedOn');
    await bad({ sourceId: crypto.randomUUID() }, 'sourceId');
    await bad({ source: 'incident', sourceId: crypto.randomUUID() }, 'sourceId');
    await bad({ source: 'incident' }, 'sourceId');
    await bad({ requirementId: 'iso-42001-2023:99.9' }, 'requirementId');
    await bad({ grade: 'serious' }, 'grade');
    await bad(
      { rootCauseWhys: Array.from({ length: 6 }, () => ({ question: 'Why?', answer: 'x' })) },
      'rootCauseWhys',
    );
    await bad({ unexpected: true }, 'unexpected');
    expect(await count('nonconformities')).toBe(before);
    expect(
      (await t.request('auditor', 'GET', `/api/nonconformities/${crypto.randomUUID()}`)).statusCode,
    ).toBe(404);
    expect((await t.request('auditor', 'GET', '/api/nonconformities/not-an-id')).statusCode).toBe(404);

    const actions = await count('corrective_actions');
    const badAction = await t.request('manager', 'POST', '/api/corrective-actions', {
      title: 'No gap',
      kind: 'corrective',
      dueDate: today,
    });
    expect(badAction.statusCode).toBe(422);
    expect(badAction.json().errors[0].field).toBe('nonconformityId');
    const unknownNc = await t.request('manager', 'POST', '/api/corrective-actions', {
      title: 'Unknown',
      nonconformityId: crypto.randomUUID(),
      dueDate: today,
    });
    expect(unknownNc.json().errors[0].field).toBe('nonconformityId');
    const negative = await t.request('manager', 'POST', '/api/corrective-actions', {
      title: 'Costly',
      kind: 'improvement',
      dueDate: today,
      investment: -5,
    });
    expect(negative.statusCode).toBe(422);
    expect(await count('corrective_actions')).toBe(actions);
  });

  it('follows its actions and checks from open to closed, and is read-only once closed', async () => {
    const created = await raise({ containment: 'Paused automatic decisions.' });
    const action = await addAction({
      nonconformityId: created.id,
      investment: 1200.5,
      investmentNote: 'Two days',
    });
    expect(action).toMatchObject({
      reference: expect.stringMatching(/^CA-\d{4}-\d{3}$/),
      kind: 'corrective',
      status: 'planned',
    });
    expect((await nc(created.id)).status).toBe('open'); // no root cause yet

    const whys = [
      { question: 'Why was there no model card?', answer: 'Nobody owned it.' },
      { question: 'Why did nobody own it?', answer: 'The release checklist did not ask for one.' },
    ];
    const withCause = await t.request('manager', 'PATCH', `/api/nonconformities/${created.id}`, {
      rootCauseWhys: whys,
      rootCause: 'The release checklist misses the model card.',
    });
    expect(withCause.json()).toMatchObject({ status: 'action_planned', rootCauseWhys: whys });

    const noNotes = await t.request('manager', 'PATCH', `/api/corrective-actions/${action.id}`, {
      status: 'done',
    });
    expect(noNotes.statusCode).toBe(422);
    expect(noNotes.json().errors[0].field).toBe('completionNotes');

    const closeEarly = await t.request('manager', 'PATCH', `/api/nonconformities/${created.id}`, {
      status: 'closed',
    });
    expect(closeEarly.statusCode).toBe(409);

    // A check can be planned early but recorded only once the actions are finished.
    const planned = await t.request(
      'manager',
      'POST',
      `/api/nonconformities/${created.id}/effectiveness-checks`,
      {
        plannedFor: addDays(today, 30),
        checkerId: t.users.auditor.personId,
      },
    );
    expect(planned.statusCode, planned.body).toBe(201);
    const firstCheck = planned.json().effectivenessChecks[0];
    const tooEarly = await t.request(
      'manager',
      'PATCH',
      `/api/nonconformities/${created.id}/effectiveness-checks/${firstCheck.id}`,
      {
        result: 'effective',
      },
    );
    expect(tooEarly.statusCode).toBe(409);

    const done = await t.request('manager', 'PATCH', `/api/corrective-actions/${action.id}`, {
      status: 'done',
      completionNotes: 'Model card published.',
    });
    expect(done.json()).toMatchObject({ status: 'done', progress: 100, completedAt: expect.any(String) });
    expect((await nc(created.id)).status).toBe('verifying');

    const closeUnchecked = await t.request('manager', 'PATCH', `/api/nonconformities/${created.id}`, {
      status: 'closed',
    });
    expect(closeUnchecked.statusCode).toBe(409);
    expect(closeUnchecked.json().detail).toContain('effectiveness check');

    // Not effective: back to action planned until a further action is finished.
    const notEffective = await t.request(
      'manager',
      'PATCH',
      `/api/nonconformities/${created.id}/effectiveness-checks/${firstCheck.id}`,
      {
        result: 'not_effective',
        notes: 'Next release again had no card.',
      },
    );
    expect(notEffective.json()).toMatchObject({ status: 'action_planned', closable: { allowed: false } });
    expect(notEffective.json().effectivenessChecks[0]).toMatchObject({
      result: 'not_effective',
      checkerId: t.users.manager.personId,
    });
    const again = await t.request(
      'manager',
      'PATCH',
      `/api/nonconformities/${created.id}/effectiveness-checks/${firstCheck.id}`,
      {
        result: 'effective',
      },
    );
    expect(again.statusCode).toBe(409);

    const second = await addAction({
      nonconformityId: created.id,
      title: 'Add the card to the release checklist',
    });
    await t.request('manager', 'PATCH', `/api/corrective-actions/${second.id}`, {
      status: 'done',
      completionNotes: 'Checklist updated.',
    });
    expect((await nc(created.id)).status).toBe('verifying');
    const check2 = (
      await t.request('manager', 'POST', `/api/nonconformities/${created.id}/effectiveness-checks`, {
        plannedFor: today,
      })
    ).json().effectivenessChecks[1];
    const effective = await t.request(
      'manager',
      'PATCH',
      `/api/nonconformities/${created.id}/effectiveness-checks/${check2.id}`,
      {
        result: 'effective',
      },
    );
    expect(effective.json().closable).toEqual({ allowed: true, reason: null });

    const closed = await t.request('manager', 'PATCH', `/api/nonconformities/${created.id}`, {
      status: 'closed',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });

    for (const [method, url, body] of [
      ['PATCH', `/api/nonconformities/${created.id}`, { title: 'Changed' }],
      ['PATCH', `/api/corrective-actions/${action.id}`, { progress: 50 }],
      ['POST', '/api/corrective-actions', { title: 'Late', nonconformityId: created.id, dueDate: today }],
      ['POST', `/api/nonconformities/${created.id}/effectiveness-checks`, { plannedFor: today }],
    ] as const) {
      const response = await t.request('manager', method, url, body);
      expect(response.statusCode, url).toBe(409);
    }
    const trail = await t.context.db.kysely
      .selectFrom('trail')
      .select('action')
      .where('entity_id', '=', created.id)
      .execute();
    expect(trail.length).toBeGreaterThan(5);
  });

  it('cancels with a reason only', async () => {
    const created = await raise();
    const noReason = await t.request('manager', 'PATCH', `/api/nonconformities/${created.id}`, {
      status: 'cancelled',
    });
    expect(noReason.json().errors[0].field).toBe('cancellationReason');
    const cancelled = await t.request('manager', 'PATCH', `/api/nonconformities/${created.id}`, {
      status: 'cancelled',
      cancellationReason: 'Duplicate of another nonconformity.',
    });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Duplicate of another nonconformity.',
    });
  });

  it('raises from sources: one nonconformity per finding, grade from the finding, labels and links', async () => {
    const [minor, major, observation] = await seedFindings(t.context.db.kysely, [
      'minor_nc',
      'major_nc',
      'observation',
    ]);
    const fromMajor = await raise({ source: 'audit_finding', sourceId: major, grade: undefined });
    expect(fromMajor).toMatchObject({ grade: 'major', requirementId: 'iso-42001-2023:8.2' });
    expect(fromMajor.source.label).toContain('major finding');
    expect(fromMajor.source.link).toMatch(/^\/audits\//);
    const finding = await t.context.db.kysely
      .selectFrom('audit_findings')
      .select('nonconformity_id')
      .where('id', '=', major as string)
      .executeTakeFirstOrThrow();
    expect(finding.nonconformity_id).toBe(fromMajor.id);

    const twice = await t.request('manager', 'POST', '/api/nonconformities', {
      title: 'Again',
      source: 'audit_finding',
      sourceId: major,
    });
    expect(twice.statusCode).toBe(409);
    const obs = await t.request('manager', 'POST', '/api/nonconformities', {
      title: 'Obs',
      source: 'audit_finding',
      sourceId: observation,
    });
    expect(obs.statusCode).toBe(409);
    expect((await raise({ source: 'audit_finding', sourceId: minor })).grade).toBe('minor');

    const incident = await t.context.services.incidents.create(admin, {
      title: 'Credit model declined applicants',
      severity: 'high',
      harmType: 'discrimination',
    });
    const fromIncident = await raise({ source: 'incident', sourceId: incident.id });
    expect(fromIncident.source).toEqual({
      kind: 'incident',
      id: incident.id,
      label: `${incident.reference}: Credit model declined applicants`,
      link: `/incidents/${incident.id}`,
    });
    const bySource = (await t.request('auditor', 'GET', '/api/nonconformities?source=audit_finding')).json();
    expect(bySource.items.every((i: { source: { kind: string } }) => i.source.kind === 'audit_finding')).toBe(
      true,
    );

    // Deleting the nonconformity frees the finding again.
    expect((await t.request('manager', 'DELETE', `/api/nonconformities/${fromMajor.id}`)).statusCode).toBe(
      204,
    );
    expect((await raise({ source: 'audit_finding', sourceId: major, grade: undefined })).grade).toBe('major');
  });

  it('puts checks due in the checker’s inbox and filters nonconformities needing a check', async () => {
    const created = await raise({ rootCause: 'Missing review.' });
    const action = await addAction({ nonconformityId: created.id });
    await t.request('manager', 'PATCH', `/api/corrective-actions/${action.id}`, {
      status: 'done',
      completionNotes: 'Reviewed.',
    });
    const needs = (
      await t.request('auditor', 'GET', '/api/nonconformities?needsEffectivenessCheck=true')
    ).json();
    expect(needs.items.map((i: { id: string }) => i.id)).toContain(created.id);
    const withCheck = (
      await t.request('manager', 'POST', `/api/nonconformities/${created.id}/effectiveness-checks`, {
        plannedFor: addDays(today, -1),
        checkerId: t.users.auditor.personId,
      })
    ).json();
    expect(withCheck.effectivenessChecks[0]).toMatchObject({
      due: true,
      checker: { id: t.users.auditor.personId },
    });
    const items = await nonconformityInboxItems(t.context.db.kysely, t.users.auditor.personId, today);
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'effectiveness_check',
        overdue: true,
        link: `/nonconformities/${created.id}`,
      }),
    );
    const missing = await t.request(
      'manager',
      'PATCH',
      `/api/nonconformities/${created.id}/effectiveness-checks/${crypto.randomUUID()}`,
      { result: 'effective' },
    );
    expect(missing.statusCode).toBe(404);
  });
});
