import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('change requests on %s', (dialect) => {
  let t: TestApp;
  let systemId: string;
  let riskId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = t.context.services;
    // The contributor owns the system; the admin is accountable for the AIMS; the manager raises changes.
    systemId = (
      await s.aiSystems.create(admin, {
        name: 'Fraud model',
        riskTier: 'high',
        lifecycleStage: 'deployed',
        ownerId: t.users.contributor.personId,
      })
    ).id;
    riskId = (await s.risks.create(admin, { title: 'Drift after retraining', aiSystemIds: [systemId] })).id;
    await s.aimsRoles.create(admin, {
      name: 'AIMS owner',
      aimsOwner: true,
      assignments: [{ personId: t.users.admin.personId, raci: 'accountable' }],
    });
  });
  afterAll(() => t.close());

  const raise = async (body: object = {}) => {
    const response = await t.request('manager', 'POST', '/api/change-requests', {
      aiSystemId: systemId,
      type: 'model_retraining',
      title: 'Retrain on Q3 data',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const sign = (
    role: 'admin' | 'manager' | 'contributor' | 'auditor',
    id: string,
    requirement: string,
    decision = 'approve',
    comment?: string,
  ) =>
    t.request(role, 'POST', `/api/change-requests/${id}/signoffs`, {
      requirement,
      decision,
      ...(comment ? { comment } : {}),
    });

  it('takes a material change through its sign-offs; implementing it makes the impact assessment due and flags the risks', async () => {
    const change = await raise();
    expect(change).toMatchObject({
      status: 'draft',
      material: true,
      reference: expect.stringMatching(/^CR-\d{4}-001$/),
    });
    const submitted = (await t.request('manager', 'POST', `/api/change-requests/${change.id}/submit`)).json();
    expect(submitted.status).toBe('submitted');
    expect(
      submitted.signoffs.map((s: { requirement: string; label: string }) => [s.requirement, s.label]),
    ).toEqual([
      ['system_owner', 'AI system owner'],
      ['aims_owner', 'AIMS owner'],
    ]);
    // Only the holder signs; the requester never does.
    expect((await sign('admin', change.id, 'system_owner')).statusCode).toBe(403);
    expect((await sign('manager', change.id, 'system_owner')).statusCode).toBe(409);
    expect((await sign('contributor', change.id, 'system_owner')).json().status).toBe('submitted');
    expect((await sign('contributor', change.id, 'system_owner')).statusCode).toBe(409);
    const early = await t.request('manager', 'POST', `/api/change-requests/${change.id}/implement`, {
      implementedOn: '2026-01-05',
    });
    expect(early.statusCode).toBe(409);
    const approved = (await sign('admin', change.id, 'aims_owner')).json();
    expect(approved.status).toBe('approved');
    expect(approved.signoffs.every((s: { decision: string }) => s.decision === 'approve')).toBe(true);

    const done = await t.request('manager', 'POST', `/api/change-requests/${change.id}/implement`, {
      implementedOn: '2026-01-05',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'implemented', implementedOn: '2026-01-05' });
    const standing = (
      await t.request('auditor', 'GET', `/api/impact-assessments/systems?aiSystemId=${systemId}`)
    ).json().items[0];
    expect(standing).toMatchObject({ status: 'overdue', dueOn: '2026-02-04' });
    expect(standing.reason).toContain(change.reference);
    const flagged = (
      await t.request('auditor', 'GET', `/api/change-requests/${change.id}/flagged-risks`)
    ).json();
    expect(flagged.items.map((r: { riskId: string }) => r.riskId)).toEqual([riskId]);
    // The system's changelog is its implemented changes.
    const changelog = (
      await t.request('auditor', 'GET', `/api/change-requests?aiSystemId=${systemId}&status=implemented`)
    ).json();
    expect(changelog.items.map((c: { id: string }) => c.id)).toContain(change.id);
    expect(
      (await t.request('manager', 'PATCH', `/api/change-requests/${change.id}`, { title: 'x' })).statusCode,
    ).toBe(409);
  });

  it('assigns a course to the people a change concerns, once the change is under way', async () => {
    const course = await t.context.services.training.courses.create(admin, { title: 'Scorer v4 briefing' });
    const change = await raise({ title: 'Scorer v4' });
    const body = { courseId: course.id, personIds: [t.users.member.personId] };
    const early = await t.request(
      'manager',
      'POST',
      `/api/change-requests/${change.id}/assign-training`,
      body,
    );
    expect(early.statusCode).toBe(409);
    await t.request('manager', 'POST', `/api/change-requests/${change.id}/submit`);
    const assigned = await t.request(
      'manager',
      'POST',
      `/api/change-requests/${change.id}/assign-training`,
      body,
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().created).toBe(1);
    const mine = (await t.request('member', 'GET', '/api/training-assignments/mine')).json();
    expect(JSON.stringify(mine)).toContain(change.reference);
    const unknown = await t.request('manager', 'POST', `/api/change-requests/${change.id}/assign-training`, {
      ...body,
      personIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('stops at a rejection, which needs a reason', async () => {
    const change = await raise({ title: 'New intended use: business loans', type: 'new_intended_use' });
    await t.request('manager', 'POST', `/api/change-requests/${change.id}/submit`);
    const silent = await sign('contributor', change.id, 'system_owner', 'reject');
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0].field).toBe('comment');
    const rejected = (
      await sign('contributor', change.id, 'system_owner', 'reject', 'Not validated for SMEs.')
    ).json();
    expect(rejected.status).toBe('rejected');
    expect((await sign('admin', change.id, 'aims_owner')).statusCode).toBe(409);
  });

  it('follows configured rules: a minor change on a low-risk system needs only its owner, or nobody', async () => {
    const low = (
      await t.context.services.aiSystems.create(admin, {
        name: 'Search ranker',
        riskTier: 'minimal',
        ownerId: t.users.contributor.personId,
      })
    ).id;
    const minor = await raise({
      aiSystemId: low,
      type: 'deployment_environment_change',
      title: 'Move to EU-West-2',
    });
    expect(minor.material).toBe(false);
    const submitted = (await t.request('manager', 'POST', `/api/change-requests/${minor.id}/submit`)).json();
    expect(submitted.signoffs.map((s: { requirement: string }) => s.requirement)).toEqual(['system_owner']);
    const bad = await t.request('admin', 'PUT', '/api/change-requests/settings', {
      separation: true,
      rules: [
        { changeTypes: ['teleportation'], riskTiers: [], materialOnly: false, signoffs: ['system_owner'] },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('changeTypes');
    const unknownRole = await t.request('admin', 'PUT', '/api/change-requests/settings', {
      separation: true,
      rules: [
        {
          changeTypes: [],
          riskTiers: [],
          materialOnly: true,
          signoffs: ['role:00000000-0000-4000-8000-000000000000'],
        },
      ],
    });
    expect(unknownRole.statusCode).toBe(422);
    expect(
      (
        await t.request('contributor', 'PUT', '/api/change-requests/settings', {
          separation: false,
          rules: [],
        })
      ).statusCode,
    ).toBe(403);
    const original = (await t.request('auditor', 'GET', '/api/change-requests/settings')).json();
    expect(
      (await t.request('admin', 'PUT', '/api/change-requests/settings', { separation: false, rules: [] }))
        .statusCode,
    ).toBe(200);
    const free = await raise({ aiSystemId: low, title: 'Refresh embeddings' });
    expect(
      (await t.request('manager', 'POST', `/api/change-requests/${free.id}/submit`)).json(),
    ).toMatchObject({ status: 'approved', signoffs: [] });
    expect((await t.request('admin', 'PUT', '/api/change-requests/settings', original)).statusCode).toBe(200);
  });

  it('rejects bad input clearly and writes nothing', async () => {
    const before = (await t.request('auditor', 'GET', '/api/change-requests?limit=500')).json().total;
    const cases: Array<[object, string]> = [
      [
        { aiSystemId: '00000000-0000-4000-8000-000000000000', type: 'model_retraining', title: 'x' },
        'aiSystemId',
      ],
      [{ aiSystemId: systemId, type: 'rewrite', title: 'x' }, 'type'],
      [{ aiSystemId: systemId, type: 'model_retraining', title: '' }, 'title'],
      [{ aiSystemId: systemId, type: 'model_retraining', title: 'x', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await t.request('manager', 'POST', '/api/change-requests', body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }
    expect((await t.request('auditor', 'GET', '/api/change-requests?limit=500')).json().total).toBe(before);
    expect((await t.request('member', 'GET', '/api/change-requests')).statusCode).toBe(403);
    const change = await raise({ title: 'Future' });
    await t.request('manager', 'POST', `/api/change-requests/${change.id}/submit`);
    const unknown = await sign('admin', change.id, 'chief_wizard');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('requirement');
  });
});
