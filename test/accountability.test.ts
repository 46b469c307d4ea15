import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { concernInboxItems } from '../src/modules/concerns/inbox.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('roles and accountability on %s', (dialect) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const person = async (name: string) =>
    t.context.services.people.create(admin, { name, email: `p${++n}-${dialect}@test.example` });
  const fieldsOf = (response: { json(): { errors?: Array<{ field: string }> } }) =>
    (response.json().errors ?? []).map((e) => e.field);
  const trailOf = (entityId: string) =>
    t.context.db.kysely
      .selectFrom('trail')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();

  describe('AIMS roles', () => {
    it('keeps a RACI per role with at most one accountable person', async () => {
      const [ada, bo, cy] = [await person('Ada'), await person('Bo'), await person('Cy')];
      const created = await t.request('manager', 'POST', '/api/aims-roles', {
        name: 'AI risk manager',
        responsibilities: '- Own the risk register',
        isoRefs: ['6.1.2', 'A.5.2'],
        assignments: [
          { personId: ada.id, raci: 'accountable' },
          { personId: bo.id, raci: 'responsible' },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const role = created.json();
      expect(role).toMatchObject({
        aimsOwner: false,
        isoRefs: ['6.1.2', 'A.5.2'],
        accountable: { id: ada.id },
      });
      expect(role.assignments.map((a: { person: { name: string } }) => a.person.name)).toEqual(['Ada', 'Bo']);
      expect((await trailOf(role.id)).map((e) => e.action)).toEqual(['create']);

      const twoAccountable = await t.request('manager', 'PATCH', `/api/aims-roles/${role.id}`, {
        assignments: [
          { personId: ada.id, raci: 'accountable' },
          { personId: cy.id, raci: 'accountable' },
        ],
      });
      expect(twoAccountable.statusCode).toBe(422);
      expect(fieldsOf(twoAccountable)).toEqual(['assignments']);
      const twice = await t.request('admin', 'PATCH', `/api/aims-roles/${role.id}`, {
        assignments: [
          { personId: cy.id, raci: 'consulted' },
          { personId: cy.id, raci: 'informed' },
        ],
      });
      expect(fieldsOf(twice)).toEqual(['assignments[1].personId']);
      const unknown = await t.request('admin', 'POST', '/api/aims-roles', {
        name: 'Ghost role',
        assignments: [{ personId: '019b76da-a800-757d-b545-518cdf1c8205', raci: 'informed' }],
      });
      expect([unknown.statusCode, fieldsOf(unknown)]).toEqual([422, ['assignments[0].personId']]);
      const badLetter = await t.request('admin', 'POST', '/api/aims-roles', {
        name: 'Bad letter',
        assignments: [{ personId: cy.id, raci: 'approver' }],
      });
      expect([badLetter.statusCode, fieldsOf(badLetter)]).toEqual([422, ['assignments[0].raci']]);

      // Nobody inactive is newly assigned, but a leaver's existing assignment survives other edits.
      await t.request('admin', 'PATCH', `/api/people/${bo.id}`, { active: false });
      const addInactive = await t.request('admin', 'POST', '/api/aims-roles', {
        name: 'Leaver role',
        assignments: [{ personId: bo.id, raci: 'informed' }],
      });
      expect(fieldsOf(addInactive)).toEqual(['assignments[0].personId']);
      const kept = await t.request('manager', 'PATCH', `/api/aims-roles/${role.id}`, {
        description: 'Runs the AI risk process.',
        assignments: [
          { personId: ada.id, raci: 'accountable' },
          { personId: bo.id, raci: 'responsible' },
          { personId: cy.id, raci: 'informed' },
        ],
      });
      expect(kept.statusCode, kept.body).toBe(200);
      expect(kept.json().assignments).toHaveLength(3);

      const clash = await t.request('manager', 'POST', '/api/aims-roles', { name: 'ai RISK manager' });
      expect([clash.statusCode, fieldsOf(clash)]).toEqual([409, ['name']]);
      const byPerson = (await t.request('auditor', 'GET', `/api/aims-roles?personId=${cy.id}`)).json();
      expect(byPerson.items.map((r: { id: string }) => r.id)).toEqual([role.id]);
      expect((await t.request('auditor', 'GET', '/api/aims-roles?q=risk%20process')).json().total).toBe(1);
      expect((await t.request('contributor', 'POST', '/api/aims-roles', { name: 'Mine' })).statusCode).toBe(
        403,
      );
      expect((await t.request('member', 'GET', '/api/aims-roles')).statusCode).toBe(403);
      expect((await t.request('manager', 'DELETE', `/api/aims-roles/${role.id}`)).statusCode).toBe(204);
      expect((await t.request('auditor', 'GET', `/api/aims-roles/${role.id}`)).statusCode).toBe(404);
      expect(await t.context.db.kysely.selectFrom('aims_role_assignments').selectAll().execute()).toEqual([]);
    });

    it('allows a single AIMS owner role', async () => {
      const first = await t.request('admin', 'POST', '/api/aims-roles', {
        name: 'AIMS owner',
        aimsOwner: true,
      });
      expect(first.statusCode).toBe(201);
      const second = await t.request('admin', 'POST', '/api/aims-roles', { name: 'Deputy', aimsOwner: true });
      expect([second.statusCode, fieldsOf(second)]).toEqual([409, ['aimsOwner']]);
      const deputy = (await t.request('admin', 'POST', '/api/aims-roles', { name: 'Deputy' })).json();
      const promote = await t.request('admin', 'PATCH', `/api/aims-roles/${deputy.id}`, { aimsOwner: true });
      expect(promote.statusCode).toBe(409);
      expect((await t.request('admin', 'GET', '/api/aims-roles?aimsOwner=true')).json().total).toBe(1);
      await t.request('admin', 'PATCH', `/api/aims-roles/${first.json().id}`, { aimsOwner: false });
      expect(
        (await t.request('admin', 'PATCH', `/api/aims-roles/${deputy.id}`, { aimsOwner: true })).statusCode,
      ).toBe(200);
      await t.request('admin', 'DELETE', `/api/aims-roles/${deputy.id}`);
      await t.request('admin', 'DELETE', `/api/aims-roles/${first.json().id}`);
    });
  });

  describe('orphans and reassignment', () => {
    it('lists the records of people who left, and hands them over in one go', async () => {
      const s = t.context.services;
      const leaver = await person('Lee Leaver');
      const successor = await person('Sam Successor');
      const system = await s.aiSystems.create(admin, { name: 'Churn model', ownerId: leaver.id });
      const risk = await s.risks.create(admin, { title: 'Churn bias', ownerId: leaver.id });
      const vendor = await s.vendors.create(admin, { name: 'Churn Ltd', ownerId: leaver.id });
      const test = await s.tests.create(admin, {
        title: 'Churn vendors signed',
        severity: 'low',
        resourceType: 'vendor',
        condition: 'true',
        ownerId: leaver.id,
      });
      const orphansOf = async (query = '') =>
        (await t.request('auditor', 'GET', `/api/orphans?ownerId=${leaver.id}${query}`)).json();
      expect((await orphansOf()).total).toBe(0);

      await t.request('manager', 'PATCH', `/api/people/${leaver.id}`, { active: false });
      const orphans = await orphansOf('&sort=title');
      expect(orphans.items.map((o: { title: string }) => o.title)).toEqual([
        'Churn bias',
        'Churn Ltd',
        'Churn model',
        'Churn vendors signed',
      ]);
      expect(orphans.items[0]).toEqual({
        entityType: 'risk',
        id: risk.id,
        title: 'Churn bias',
        ownerId: leaver.id,
        ownerName: 'Lee Leaver',
      });
      expect(orphans.byOwner).toEqual([{ personId: leaver.id, name: 'Lee Leaver', count: 4 }]);
      expect((await orphansOf('&entityType=vendor')).items.map((o: { id: string }) => o.id)).toEqual([
        vendor.id,
      ]);
      const owned = (await t.request('contributor', 'GET', `/api/people/${leaver.id}/owned`)).json();
      expect(owned.total).toBe(4);
      expect(owned.byType).toContainEqual({ entityType: 'ai_system', count: 1 });
      expect((await t.request('member', 'GET', '/api/orphans')).statusCode).toBe(403);
      expect((await t.request('admin', 'GET', '/api/people/nope/owned')).statusCode).toBe(404);

      // Bad input names the field and moves nothing.
      const reassign = (role: 'admin' | 'manager' | 'contributor', body: unknown) =>
        t.request(role, 'POST', '/api/orphans/reassign', body);
      const cases: Array<[unknown, string]> = [
        [{ fromPersonId: leaver.id, toPersonId: leaver.id }, 'toPersonId'],
        [{ fromPersonId: successor.id, toPersonId: leaver.id }, 'toPersonId'],
        [{ fromPersonId: system.id, toPersonId: successor.id }, 'fromPersonId'],
        [{ fromPersonId: leaver.id, toPersonId: successor.id, entityTypes: ['spaceship'] }, 'entityTypes[0]'],
        [{ fromPersonId: leaver.id, toPersonId: 'nope' }, 'toPersonId'],
      ];
      for (const [body, field] of cases) {
        const response = await reassign('manager', body);
        expect([response.statusCode, fieldsOf(response)], JSON.stringify(body)).toEqual([422, [field]]);
      }
      expect(
        (await reassign('contributor', { fromPersonId: leaver.id, toPersonId: successor.id })).statusCode,
      ).toBe(403);
      expect((await orphansOf()).total).toBe(4);

      const vendorsOnly = await reassign('manager', {
        fromPersonId: leaver.id,
        toPersonId: successor.id,
        entityTypes: ['vendor'],
      });
      expect(vendorsOnly.json()).toEqual({ moved: 1, byType: { vendor: 1 } });
      const rest = await reassign('admin', { fromPersonId: leaver.id, toPersonId: successor.id });
      expect(rest.json()).toEqual({ moved: 3, byType: { ai_system: 1, risk: 1, test: 1 } });
      expect((await orphansOf()).total).toBe(0);
      expect((await t.request('admin', 'GET', `/api/people/${leaver.id}/owned`)).json().total).toBe(0);
      expect((await t.request('admin', 'GET', `/api/people/${successor.id}/owned`)).json().total).toBe(4);

      expect((await t.request('admin', 'GET', `/api/risks/${risk.id}`)).json().owner).toEqual({
        id: successor.id,
        name: 'Sam Successor',
      });
      // The owner is part of a test's definition, so the handover is a new version of it.
      expect((await t.request('admin', 'GET', `/api/tests/${test.id}`)).json()).toMatchObject({
        ownerId: successor.id,
        version: 2,
      });
      for (const id of [system.id, risk.id, vendor.id, test.id]) {
        const last = (await trailOf(id)).at(-1);
        expect(last?.action).toBe('update');
        expect(JSON.parse(last?.before_json ?? '{}').ownerId).toBe(leaver.id);
        expect(JSON.parse(last?.after_json ?? '{}').ownerId).toBe(successor.id);
      }
    });
  });

  describe('concerns', () => {
    const report = (role: 'member' | 'contributor' | 'admin', body: Record<string, unknown>) =>
      t.request(role, 'POST', '/api/concerns', { category: 'bias', description: 'Skewed.', ...body });

    it('routes concerns to the AIMS owner and never stores an anonymous reporter', async () => {
      const unrouted = await report('member', { anonymous: false });
      expect(unrouted.json()).toMatchObject({ assigneeId: null, status: 'open', slaDays: 14 });

      const owner = t.users.manager.personId;
      await t.request('admin', 'POST', '/api/aims-roles', {
        name: 'AIMS owner',
        aimsOwner: true,
        assignments: [{ personId: owner, raci: 'accountable' }],
      });
      const system = await t.context.services.aiSystems.create(admin, { name: 'Screening bot' });
      const lastSeq =
        (
          await t.context.db.kysely
            .selectFrom('trail')
            .select('seq')
            .orderBy('seq', 'desc')
            .executeTakeFirst()
        )?.seq ?? 0;
      const anonymous = await report('member', {
        anonymous: true,
        aiSystemId: system.id,
        category: 'privacy',
      });
      expect(anonymous.statusCode, anonymous.body).toBe(201);
      const concern = anonymous.json();
      expect(concern).toMatchObject({
        anonymous: true,
        reporter: null,
        assigneeId: owner,
        aiSystem: { id: system.id, name: 'Screening bot' },
        reportedOn: todayIso(),
        dueOn: addDays(todayIso(), 14),
        overdue: false,
      });

      const member = t.users.member;
      const secrets = [member.userId, member.personId, member.email];
      const row = await t.context.db.kysely
        .selectFrom('concerns')
        .selectAll()
        .where('id', '=', concern.id)
        .executeTakeFirstOrThrow();
      expect(row.reporter_id).toBeNull();
      const entries = await t.context.db.kysely
        .selectFrom('trail')
        .selectAll()
        .where('seq', '>', lastSeq)
        .execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actor_id: null,
        actor_label: 'anonymous reporter',
        entity_id: concern.id,
      });
      for (const text of [JSON.stringify(row), JSON.stringify(entries)])
        for (const secret of secrets) expect(text).not.toContain(secret);

      const named = (await report('member', { anonymous: false, description: 'Mine to follow.' })).json();
      const mine = (await t.request('member', 'GET', '/api/concerns/mine')).json();
      expect(mine.items.map((c: { id: string }) => c.id).sort()).toEqual(
        [unrouted.json().id, named.id].sort(),
      );
      expect(mine.items[0].reporter).toEqual({ id: member.personId, name: 'Test member' });
      expect((await t.request('member', 'GET', '/api/concerns')).statusCode).toBe(403);
      const options = (await t.request('member', 'GET', '/api/concerns/ai-systems')).json();
      expect(options.items).toContainEqual({ id: system.id, name: 'Screening bot' });
      expect((await t.request('member', 'GET', `/api/concerns/${concern.id}`)).statusCode).toBe(403);
      const all = (await t.request('auditor', 'GET', `/api/concerns?aiSystemId=${system.id}`)).json();
      expect(all.items.map((c: { reporter: unknown }) => c.reporter)).toEqual([null]);

      const bad = await report('member', { anonymous: false, aiSystemId: owner, category: 'gossip' });
      expect(fieldsOf(bad).sort()).toEqual(['category']);
      const unknownSystem = await report('member', { anonymous: false, aiSystemId: owner });
      expect([unknownSystem.statusCode, fieldsOf(unknownSystem)]).toEqual([422, ['aiSystemId']]);
      expect((await report('member', { description: 'No flag' })).statusCode).toBe(422);
    });

    it('moves open → in progress → closed, closing only with a resolution', async () => {
      const concern = (await report('contributor', { anonymous: false })).json();
      const patch = (role: 'admin' | 'manager' | 'contributor' | 'auditor' | 'member', body: unknown) =>
        t.request(role, 'PATCH', `/api/concerns/${concern.id}`, body);
      expect((await patch('contributor', { status: 'in_progress' })).statusCode).toBe(403);
      expect((await patch('auditor', { status: 'in_progress' })).statusCode).toBe(403);
      expect((await patch('member', { status: 'in_progress' })).statusCode).toBe(403);

      const leaver = await person('Gone');
      await t.request('admin', 'PATCH', `/api/people/${leaver.id}`, { active: false });
      const inactive = await patch('manager', { assigneeId: leaver.id });
      expect([inactive.statusCode, fieldsOf(inactive)]).toEqual([422, ['assigneeId']]);

      // An assignee who may write records handles their own concern, but cannot give it away.
      const contributor = t.users.contributor.personId;
      expect((await patch('manager', { assigneeId: contributor })).statusCode).toBe(200);
      expect((await patch('contributor', { status: 'in_progress' })).json().status).toBe('in_progress');
      expect((await patch('contributor', { assigneeId: t.users.admin.personId })).statusCode).toBe(403);
      const back = await patch('contributor', { status: 'open' });
      expect([back.statusCode, fieldsOf(back)]).toEqual([422, ['status']]);
      const noResolution = await patch('contributor', { status: 'closed', resolution: '  ' });
      expect([noResolution.statusCode, fieldsOf(noResolution)]).toEqual([422, ['resolution']]);
      expect((await t.request('admin', 'GET', `/api/concerns/${concern.id}`)).json().status).toBe(
        'in_progress',
      );

      const closed = await patch('contributor', {
        status: 'closed',
        resolution: 'Retrained with balanced data.',
      });
      expect(closed.json()).toMatchObject({ status: 'closed', resolution: 'Retrained with balanced data.' });
      expect(closed.json().closedAt).toBeTruthy();
      expect((await patch('admin', { resolution: 'Rewritten' })).statusCode).toBe(409);
      expect((await trailOf(concern.id)).map((e) => e.action)).toEqual([
        'create',
        'update',
        'update',
        'update',
      ]);
      expect((await t.request('auditor', 'GET', '/api/concerns?status=closed')).json().items[0].id).toBe(
        concern.id,
      );
    });

    it('tracks overdue concerns for the inbox and for monitoring', async () => {
      const s = t.context.services;
      const owner = t.users.manager.personId;
      const late = await s.concerns.report(
        admin,
        { category: 'safety', description: 'Unsafe advice given to a customer.', anonymous: true },
        { reportedAt: `${addDays(todayIso(), -20)}T09:00:00.000Z` },
      );
      expect(late).toMatchObject({ overdue: true, dueOn: addDays(todayIso(), -6), assigneeId: owner });
      const overdue = (await t.request('auditor', 'GET', '/api/concerns?overdue=true')).json();
      expect(overdue.items.map((c: { id: string }) => c.id)).toEqual([late.id]);
      const notOverdue = (await t.request('auditor', 'GET', '/api/concerns?overdue=false')).json();
      expect(notOverdue.total).toBe((await t.request('auditor', 'GET', '/api/concerns')).json().total - 1);

      const inbox = await concernInboxItems(t.context.db.kysely, owner, todayIso());
      expect(inbox.find((i) => i.id === late.id)).toMatchObject({
        kind: 'concern',
        overdue: true,
        dueOn: late.dueOn,
        link: `/concerns?concern=${late.id}`,
      });
      expect(inbox.every((i) => i.kind === 'concern')).toBe(true);

      await t.context.monitor.syncAll();
      const org = await t.context.db.kysely
        .selectFrom('resources')
        .select('attributes')
        .where('type', '=', 'organisation')
        .executeTakeFirstOrThrow();
      // One person deactivated in the RACI test still owns nothing; the leaver above handed everything over.
      expect(JSON.parse(org.attributes)).toMatchObject({
        concernsOverdue: 1,
        orphanedRecords: 0,
        aimsOwnerAssigned: true,
      });
    });
  });
});
