import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourseTemplates } from '../src/content/course-templates.js';
import { addDays, todayIso } from '../src/lib/time.js';
import type { Role } from '../src/modules/auth/permissions.js';
import { trainingInboxItems } from '../src/modules/training/inbox.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

let n = 0;

describe('course library content', () => {
  it('loads the starter courses, and names the file and field of a malformed one', () => {
    expect(loadCourseTemplates().map((c) => c.id)).toContain('ai-awareness-basics');
    const dir = mkdtempSync(path.join(tmpdir(), 'courses-'));
    const file = path.join(dir, 'courses.yaml');
    writeFileSync(file, 'version: 1\ncourses:\n  - id: Bad Id\n    title: x\n');
    expect(() => loadCourseTemplates(file)).toThrow(/courses\.yaml: courses\.0\.id: must be kebab-case/);
  });
});

describe.each(DIALECTS)('training on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const send = async (role: Role, method: string, url: string, body?: unknown, status = 200) => {
    const response = await t.request(role, method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const course = (body: Record<string, unknown>, role: Role = 'admin') =>
    send(role, 'POST', '/api/courses', body, 201);
  const assign = (courseId: string, body: unknown, role: Role = 'admin') =>
    send(role, 'POST', `/api/courses/${courseId}/assign`, body);
  const complete = (id: string, body: unknown, role: Role = 'admin', status = 200) =>
    send(role, 'POST', `/api/training-assignments/${id}/complete`, body, status);
  const count = async (table: 'training_assignments' | 'trail' | 'courses') =>
    Number(
      (
        await t.context.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A person with an account, in a department of their own so audiences stay predictable. */
  const person = async (role: Role, department: string, active = true) => {
    const email = `person-${++n}@test.example`;
    const p = await t.context.services.people.create(admin, {
      name: `Person ${n}`,
      email,
      department,
      active,
    });
    await t.context.services.users.create(admin, { email, role });
    return p.id;
  };

  it('lists the starter templates and creates a course from one, overriding some fields', async () => {
    const templates = await send('auditor', 'GET', '/api/course-templates');
    expect(templates.items.length).toBe(8);
    const basics = await send('auditor', 'GET', '/api/course-templates/ai-awareness-basics');
    expect(basics).toMatchObject({ recurrenceMonths: 12, passScore: 80, audienceRoles: expect.any(Array) });
    expect((await t.request('auditor', 'GET', '/api/course-templates/nope')).statusCode).toBe(404);

    const created = await course({ templateId: 'ai-awareness-basics', passScore: 70 });
    expect(created).toMatchObject({
      title: basics.title,
      material: basics.material,
      isoRefs: basics.isoRefs,
      recurrenceMonths: 12,
      passScore: 70,
      templateId: 'ai-awareness-basics',
      active: true,
      assignments: { open: 0, overdue: 0, completed: 0 },
    });
    const unknown = await t.request('admin', 'POST', '/api/courses', { templateId: 'no-such-course' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'templateId' })]);
  });

  it('creates, reads, lists, updates and deletes a course; one with assignments is retired instead', async () => {
    const missing = await t.request('admin', 'POST', '/api/courses', { description: 'No title' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('title');

    const created = await course({ title: 'Prompt hygiene', material: '## Rules', durationMinutes: 15 });
    expect(created.audienceRoles).toEqual(['admin', 'manager', 'contributor', 'auditor', 'member']);
    expect(await send('auditor', 'GET', `/api/courses/${created.id}`)).toMatchObject({
      title: 'Prompt hygiene',
    });
    const patched = await send('manager', 'PATCH', `/api/courses/${created.id}`, {
      active: false,
      passScore: 50,
    });
    expect(patched).toMatchObject({ active: false, passScore: 50, durationMinutes: 15 });
    const search = await send('auditor', 'GET', '/api/courses?q=HYGIENE&active=false');
    expect(search.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await t.request('member', 'GET', '/api/courses')).statusCode).toBe(403);
    expect((await t.request('admin', 'DELETE', `/api/courses/${created.id}`)).statusCode).toBe(204);
    expect((await t.request('admin', 'GET', `/api/courses/${created.id}`)).statusCode).toBe(404);

    const used = await course({ title: 'Used course' });
    await assign(used.id, { personIds: [t.users.member.personId] });
    const refused = await t.request('admin', 'DELETE', `/api/courses/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await send('admin', 'PATCH', `/api/courses/${used.id}`, { active: false });
    const retired = await t.request('admin', 'POST', `/api/courses/${used.id}/assign`, { audience: true });
    expect(retired.statusCode).toBe(409);
  });

  it('assigns by audience: active people with a matching role and department, never twice', async () => {
    const dept = `Data ${++n}`;
    const contributor = await person('contributor', dept);
    const member = await person('member', dept.toUpperCase());
    await person('auditor', dept);
    await person('contributor', `Other ${n}`);
    await person('contributor', dept, false);
    const c = await course({
      title: 'Audience course',
      audienceRoles: ['contributor', 'member'],
      audienceDepartments: [dept],
    });
    const first = await assign(c.id, { audience: true });
    expect(first.created).toBe(2);
    expect(first.existing).toBe(0);
    expect(first.assignments.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [contributor, member].sort(),
    );
    expect(first.assignments[0]).toMatchObject({
      reason: 'audience',
      dueOn: addDays(todayIso(), 30),
      status: 'assigned',
    });
    const again = await assign(c.id, { audience: true, personIds: [contributor] });
    expect(again).toMatchObject({ created: 0, existing: 2 });
    expect(again.assignments.map((a: { id: string }) => a.id).sort()).toEqual(
      first.assignments.map((a: { id: string }) => a.id).sort(),
    );
    const list = await send('auditor', 'GET', `/api/training-assignments?courseId=${c.id}`);
    expect(list.total).toBe(2);
    const trail = await send(
      'auditor',
      'GET',
      `/api/trail?entityType=training_assignment&entityId=${first.assignments[0].id}`,
    );
    expect(trail.items.length).toBe(1);
  });

  it('lets a contributor assign only courses they own', async () => {
    const theirs = await course({ title: 'Contributor course' }, 'contributor');
    expect(theirs.ownerId).toBe(t.users.contributor.personId);
    await assign(theirs.id, { personIds: [t.users.member.personId] }, 'contributor');
    const other = await course({ title: 'Admin course' });
    const refused = await t.request('contributor', 'POST', `/api/courses/${other.id}/assign`, {
      audience: true,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('lets a member complete their own assignment, and nobody but admins and managers anyone else’s', async () => {
    const c = await course({ title: 'Own completion', passScore: 60 });
    const { assignments } = await assign(c.id, {
      personIds: [t.users.member.personId, t.users.contributor.personId],
    });
    const mine = assignments.find((a: { personId: string }) => a.personId === t.users.member.personId);
    const theirs = assignments.find((a: { personId: string }) => a.personId !== t.users.member.personId);

    for (const role of ['member', 'auditor'] as const) {
      const refused = await t.request(role, 'POST', `/api/training-assignments/${theirs.id}/complete`, {
        score: 90,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const forbidden = await t.request(
      'contributor',
      'POST',
      `/api/training-assignments/${mine.id}/complete`,
      {
        score: 90,
      },
    );
    expect(forbidden.statusCode).toBe(403);

    const own = await send('member', 'GET', '/api/training-assignments/mine');
    const listed = own.items.find((a: { id: string }) => a.id === mine.id);
    expect(listed.course).toMatchObject({ title: 'Own completion', material: '' });
    const done = await complete(mine.id, { score: 75, evidenceNote: 'Quiz passed' }, 'member');
    expect(done.assignment).toMatchObject({
      status: 'completed',
      score: 75,
      completedByLabel: expect.any(String),
    });
    expect(done.next).toBeNull();
    const byManager = await complete(theirs.id, { score: 60 }, 'manager');
    expect(byManager.assignment.status).toBe('completed');
  });

  it('refuses a score below the pass mark (naming score) and a second completion', async () => {
    const c = await course({ title: 'Pass mark', passScore: 80 });
    const [a] = (await assign(c.id, { personIds: [t.users.member.personId] })).assignments;
    const low = await t.request('member', 'POST', `/api/training-assignments/${a.id}/complete`, {
      score: 79,
    });
    expect(low.statusCode).toBe(422);
    expect(low.json().errors).toEqual([expect.objectContaining({ field: 'score' })]);
    const none = await t.request('member', 'POST', `/api/training-assignments/${a.id}/complete`, {});
    expect(none.json().errors[0].field).toBe('score');
    expect((await send('auditor', 'GET', `/api/training-assignments/${a.id}`)).status).not.toBe('completed');
    await complete(a.id, { score: 80 }, 'member');
    const twice = await t.request('member', 'POST', `/api/training-assignments/${a.id}/complete`, {
      score: 95,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    const future = await assign(c.id, { personIds: [t.users.member.personId] });
    const ahead = await t.request(
      'member',
      'POST',
      `/api/training-assignments/${future.assignments[0].id}/complete`,
      {
        score: 90,
        completedAt: '2999-01-01T00:00:00Z',
      },
    );
    expect(ahead.json().errors[0].field).toBe('completedAt');
  });

  it('schedules the next cycle of a recurring course from the completion day', async () => {
    const c = await course({ title: 'Yearly refresher', recurrenceMonths: 12 });
    const [a] = (await assign(c.id, { personIds: [t.users.auditor.personId] })).assignments;
    const done = await complete(a.id, { completedAt: '2026-01-31T10:00:00Z' }, 'auditor');
    expect(done.next).toMatchObject({
      personId: t.users.auditor.personId,
      courseId: c.id,
      dueOn: '2027-01-31',
      reason: 'recurrence',
      status: expect.stringMatching(/assigned|due_soon|overdue/),
    });
    const open = await send('auditor', 'GET', `/api/training-assignments?courseId=${c.id}&status=completed`);
    expect(open.total).toBe(1);
    expect((await send('admin', 'GET', `/api/courses/${c.id}`)).assignments).toMatchObject({
      open: 1,
      completed: 1,
    });
  });

  it('derives overdue and due-soon statuses, filters on them, and lists them in the inbox', async () => {
    const c = await course({ title: 'Deadlines' });
    const who = await person('member', `Deadline ${++n}`);
    const overdue = (await assign(c.id, { personIds: [who], dueOn: addDays(todayIso(), -3) })).assignments[0];
    expect(overdue.status).toBe('overdue');
    const soonCourse = await course({ title: 'Soon' });
    const soon = (await assign(soonCourse.id, { personIds: [who], dueOn: addDays(todayIso(), 5) }))
      .assignments[0];
    expect(soon.status).toBe('due_soon');
    const list = await send('admin', 'GET', `/api/training-assignments?personId=${who}&status=overdue`);
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([overdue.id]);
    const before = await send(
      'admin',
      'GET',
      `/api/training-assignments?personId=${who}&dueBefore=${todayIso()}`,
    );
    expect(before.total).toBe(1);
    const items = await trainingInboxItems(t.context.db.kysely, who, todayIso());
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'training',
        id: overdue.id,
        detail: 'Overdue by 3 days',
        overdue: true,
      }),
      expect.objectContaining({
        id: soon.id,
        detail: 'Due in 5 days',
        link: `/training?assignment=${soon.id}`,
      }),
    ]);
  });

  it('records assignments triggered by another module’s record', async () => {
    const c = await course({ title: 'Incident follow-up' });
    const result = await t.context.services.training.assignForTrigger(admin, {
      courseId: c.id,
      personIds: [t.users.contributor.personId],
      reason: 'incident',
      sourceType: 'incident',
      sourceId: 'inc-1',
    });
    expect(result.assignments[0]).toMatchObject({
      reason: 'incident',
      sourceType: 'incident',
      sourceId: 'inc-1',
    });
  });

  it('exports a person’s competence record as JSON, CSV and XLSX', async () => {
    const who = await person('member', `Competence ${++n}`);
    const c = await course({ title: 'Bias testing', passScore: 70, isoRefs: ['7.2'] });
    const [a] = (await assign(c.id, { personIds: [who] })).assignments;
    await complete(a.id, { score: 88, evidenceNote: 'Workshop attended' }, 'manager');
    const record = await send('auditor', 'GET', `/api/people/${who}/competence`);
    expect(record.summary).toEqual({ total: 1, completed: 1, open: 0, overdue: 0 });
    expect(record.assignments[0]).toMatchObject({ courseTitle: 'Bias testing', score: 88, passScore: 70 });

    const csv = await t.request('auditor', 'GET', `/api/people/${who}/competence?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="competence-person-\d+-/);
    expect(csv.body).toContain('Bias testing,7.2,manual');
    expect(csv.body).toContain('Workshop attended');

    const xlsx = await t.request('auditor', 'GET', `/api/people/${who}/competence?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.getWorksheet('Training');
    expect(sheet?.getRow(2).getCell(1).value).toBe('Bias testing');
    expect(sheet?.getRow(2).getCell(8).value).toBe(88);
    expect((await t.request('member', 'GET', `/api/people/${who}/competence`)).statusCode).toBe(403);
  });

  it('collects courses and people’s training for the built-in tests', async () => {
    const who = await person('member', `Monitored ${++n}`);
    const c = await course({ title: 'Monitored course', material: '## Read me' });
    const [late] = (await assign(c.id, { personIds: [who], dueOn: addDays(todayIso(), -1) })).assignments;
    const done = await course({ title: 'Done course' });
    const [a] = (await assign(done.id, { personIds: [who] })).assignments;
    await complete(a.id, { completedAt: '2026-03-01T09:00:00Z' });
    await t.context.monitor.syncAll();
    const resource = async (type: string, id: string) => {
      const row = await t.context.db.kysely
        .selectFrom('resources')
        .select('attributes')
        .where('type', '=', type)
        .where('external_id', '=', id)
        .executeTakeFirstOrThrow();
      return JSON.parse(row.attributes);
    };
    expect(await resource('person', who)).toMatchObject({
      aiTrainingCompletedAt: '2026-03-01T09:00:00.000Z',
      trainingOverdue: 1,
      trainingAssigned: 1,
    });
    expect(await resource('course', c.id)).toMatchObject({
      hasMaterial: true,
      assigned: 1,
      overdue: 1,
      completed: 0,
      completionPercent: 0,
    });
    expect(await resource('course', done.id)).toMatchObject({ completed: 1, completionPercent: 100 });
    expect(late.status).toBe('overdue');
  });

  it('rejects bad input with a 422 naming the field, and writes nothing', async () => {
    const c = await course({ title: 'Validation' });
    const [assignments, trail] = [await count('training_assignments'), await count('trail')];
    const cases: Array<[string, unknown, string]> = [
      [`/api/courses/${c.id}/assign`, { personIds: [t.users.member.personId], colour: 'red' }, 'colour'],
      [`/api/courses/${c.id}/assign`, { personIds: [t.users.member.personId], dueOn: '2026-02-30' }, 'dueOn'],
      [
        `/api/courses/${c.id}/assign`,
        { personIds: [t.users.member.personId, '019b76da-a800-757d-b545-518cdf1c8205'] },
        'personIds[1]',
      ],
      [`/api/courses/${c.id}/assign`, {}, 'personIds'],
      ['/api/courses', { title: 'X', passScore: 101 }, 'passScore'],
      ['/api/courses', { title: 'X', audienceRoles: ['owner'] }, 'audienceRoles[0]'],
    ];
    for (const [url, body, field] of cases) {
      const response = await t.request('admin', 'POST', url, body);
      expect(response.statusCode, `${url} ${JSON.stringify(body)}`).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const [a] = (await assign(c.id, { personIds: [t.users.member.personId] })).assignments;
    const afterAssign = [await count('training_assignments'), await count('trail')];
    const badEvidence = await t.request('member', 'POST', `/api/training-assignments/${a.id}/complete`, {
      evidenceId: '019b76da-a800-757d-b545-518cdf1c8205',
    });
    expect(badEvidence.json().errors[0].field).toBe('evidenceId');
    expect([await count('training_assignments'), await count('trail')]).toEqual(afterAssign);
    expect(afterAssign).toEqual([assignments + 1, trail + 1]);
    expect((await t.request('admin', 'GET', '/api/training-assignments/not-an-id')).statusCode).toBe(404);
  });
});
