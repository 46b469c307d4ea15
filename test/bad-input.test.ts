import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

interface Resource {
  path: string;
  /** A valid create body, the field that must be text, and how to make a record for id-based tests. */
  valid: () => Record<string, unknown>;
  textField: string;
  make: (t: TestApp) => Promise<string>;
}

let n = 0;
const RESOURCES: Resource[] = [
  {
    path: '/api/people',
    valid: () => ({ name: 'Ada', email: `ada-${++n}@test.example` }),
    textField: 'name',
    make: async (t) =>
      (await t.context.services.people.create(admin, { name: 'P', email: `p-${++n}@test.example` })).id,
  },
  {
    path: '/api/ai-systems',
    valid: () => ({ name: 'System' }),
    textField: 'name',
    make: async (t) => (await t.context.services.aiSystems.create(admin, { name: 'S' })).id,
  },
  {
    path: '/api/datasets',
    valid: () => ({ name: 'Dataset' }),
    textField: 'name',
    make: async (t) => (await t.context.services.datasets.create(admin, { name: 'D' })).id,
  },
  {
    path: '/api/vendors',
    valid: () => ({ name: 'Vendor' }),
    textField: 'name',
    make: async (t) => (await t.context.services.vendors.create(admin, { name: 'V' })).id,
  },
  {
    path: '/api/risks',
    valid: () => ({ title: 'Risk' }),
    textField: 'title',
    make: async (t) => (await t.context.services.risks.create(admin, { title: 'R' })).id,
  },
  {
    path: '/api/scope/issues',
    valid: () => ({ kind: 'internal', title: 'Issue' }),
    textField: 'title',
    make: async (t) =>
      (await t.context.services.scope.issues.create(admin, { kind: 'internal', title: 'I' })).id,
  },
  {
    path: '/api/scope/interested-parties',
    valid: () => ({ name: 'Party' }),
    textField: 'name',
    make: async (t) => (await t.context.services.scope.parties.create(admin, { name: 'Party' })).id,
  },
  {
    path: '/api/policies',
    valid: () => ({ title: 'Policy' }),
    textField: 'title',
    make: async (t) => (await t.context.services.policies.create(admin, { title: 'P' })).id,
  },
  {
    path: '/api/courses',
    valid: () => ({ title: 'Course' }),
    textField: 'title',
    make: async (t) => (await t.context.services.training.courses.create(admin, { title: 'C' })).id,
  },
  {
    path: '/api/aims-roles',
    valid: () => ({ name: `Role ${++n}` }),
    textField: 'name',
    make: async (t) => (await t.context.services.aimsRoles.create(admin, { name: `R ${++n}` })).id,
  },
  {
    path: '/api/nonconformities',
    valid: () => ({ title: 'Nonconformity', source: 'manual' }),
    textField: 'title',
    make: async (t) =>
      (await t.context.services.nonconformities.create(admin, { title: 'NC', source: 'manual' })).id,
  },
  {
    path: '/api/corrective-actions',
    valid: () => ({ title: 'Action', kind: 'improvement', dueDate: '2030-01-31' }),
    textField: 'title',
    make: async (t) =>
      (
        await t.context.services.nonconformities.actions.create(admin, {
          title: 'A',
          kind: 'improvement',
          dueDate: '2030-01-31',
        })
      ).id,
  },
  {
    path: '/api/objectives',
    valid: () => ({ title: 'Objective', metric: 'Share of model cards', target: 95 }),
    textField: 'title',
    make: async (t) =>
      (await t.context.services.objectives.create(admin, { title: 'O', metric: 'm', target: 1 })).id,
  },
  {
    path: '/api/users',
    valid: () => ({ email: `user-${++n}@test.example`, name: 'U', role: 'member' }),
    textField: 'email',
    make: async (t) =>
      (
        await t.context.services.users.create(admin, {
          email: `mk-${++n}@test.example`,
          name: 'U',
          role: 'member',
        })
      ).id,
  },
  {
    path: '/api/tokens',
    valid: () => ({ name: 'token' }),
    textField: 'name',
    make: async (t) =>
      (await t.context.services.tokens.create(admin, { name: 'x', userId: t.users.admin.userId })).token.id,
  },
];

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const body = response.json() as { status: number; code: string; title: string; detail: string };
  expect(body.status).toBe(status);
  expect(body.code).toMatch(/^[a-z_]+$/);
  expect(body.title).toBeTruthy();
  expect(body.detail).toBeTruthy();
  return body as { errors?: Array<{ field: string; message: string }>; code: string };
}

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  describe.each(RESOURCES)('$path', (resource) => {
    const count = async () =>
      (await t.request('admin', 'GET', `${resource.path}?limit=1`)).json().total as number;

    it('accepts the minimal valid body', async () => {
      const response = await t.request('admin', 'POST', resource.path, resource.valid());
      expect(response.statusCode).toBe(201);
    });

    it('answers malformed JSON with 400', async () => {
      expectProblem(await t.request('admin', 'POST', resource.path, '{"name": '), 400);
    });

    it('answers a wrong type with 422 naming the field, and writes nothing', async () => {
      const before = await count();
      const body = expectProblem(
        await t.request('admin', 'POST', resource.path, { ...resource.valid(), [resource.textField]: 12345 }),
        422,
      );
      expect(body.errors?.map((e) => e.field)).toContain(resource.textField);
      expect(await count()).toBe(before);
    });

    it('rejects unknown fields with 422 naming them', async () => {
      const body = expectProblem(
        await t.request('admin', 'POST', resource.path, { ...resource.valid(), sneaky: true }),
        422,
      );
      expect(body.errors).toContainEqual({ field: 'sneaky', message: 'unknown field' });
    });

    it('rejects oversize strings with 422', async () => {
      const body = expectProblem(
        await t.request('admin', 'POST', resource.path, {
          ...resource.valid(),
          [resource.textField]: 'x'.repeat(300_000),
        }),
        422,
      );
      expect(body.errors?.[0]?.field).toBe(resource.textField);
    });

    it('answers unknown and malformed ids with 404', async () => {
      for (const id of [newId(), 'not-an-id', '0']) {
        expectProblem(await t.request('admin', 'GET', `${resource.path}/${id}`), 404);
        expectProblem(await t.request('admin', 'DELETE', `${resource.path}/${id}`), 404);
      }
      if (resource.path !== '/api/tokens') {
        expectProblem(await t.request('admin', 'PATCH', `${resource.path}/${newId()}`, {}), 404);
      }
    });

    it('rejects bad list parameters with 422', async () => {
      for (const query of [
        'limit=0',
        'limit=501',
        'offset=-1',
        'sort=nonsense',
        'colour=blue',
        'limit=ten',
      ]) {
        expectProblem(await t.request('admin', 'GET', `${resource.path}?${query}`), 422);
      }
    });

    it('checks permission before the body: an auditor gets 403 even for garbage', async () => {
      expectProblem(await t.request('auditor', 'POST', resource.path, '{garbage'), 403);
    });

    it('leaves a record unchanged when a patch is invalid', async () => {
      if (resource.path === '/api/tokens') return;
      const id = await resource.make(t);
      const before = (await t.request('admin', 'GET', `${resource.path}/${id}`)).json();
      expectProblem(
        await t.request('admin', 'PATCH', `${resource.path}/${id}`, { [resource.textField]: 42 }),
        422,
      );
      expectProblem(await t.request('admin', 'PATCH', `${resource.path}/${id}`, { bogus: 1 }), 422);
      expect((await t.request('admin', 'GET', `${resource.path}/${id}`)).json()).toEqual(before);
    });
  });

  it('refuses duplicate emails for people and users with 409 naming the field', async () => {
    await t.request('admin', 'POST', '/api/people', { name: 'One', email: 'dup@test.example' });
    const person = expectProblem(
      await t.request('admin', 'POST', '/api/people', { name: 'Two', email: 'DUP@test.example' }),
      409,
    );
    expect(person.errors?.[0]?.field).toBe('email');
    await t.request('admin', 'POST', '/api/users', { email: 'dup@test.example', role: 'member' });
    const user = expectProblem(
      await t.request('admin', 'POST', '/api/users', { email: 'dup@test.example', role: 'auditor' }),
      409,
    );
    expect(user.errors?.[0]?.field).toBe('email');
  });

  it('names a dangling reference and writes nothing of a multi-part record', async () => {
    const dataset = await t.context.services.datasets.create(admin, { name: 'Real' });
    const missing = newId();
    const before = (await t.request('admin', 'GET', '/api/ai-systems?limit=1')).json().total;
    const trailBefore = (await t.request('admin', 'GET', '/api/trail?limit=1')).json().total;
    const body = expectProblem(
      await t.request('admin', 'POST', '/api/ai-systems', {
        name: 'Linked',
        datasetIds: [dataset.id, missing],
        models: [{ name: 'm', providerVendorId: missing }],
      }),
      422,
    );
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['datasetIds[1]', 'models[0].providerVendorId']);
    expect((await t.request('admin', 'GET', '/api/ai-systems?limit=1')).json().total).toBe(before);
    expect((await t.request('admin', 'GET', '/api/trail?limit=1')).json().total).toBe(trailBefore);
  });

  it('validates enums, dates and cross-field risk rules', async () => {
    const stage = expectProblem(
      await t.request('admin', 'POST', '/api/ai-systems', { name: 'X', lifecycleStage: 'live' }),
      422,
    );
    expect(stage.errors?.[0]?.field).toBe('lifecycleStage');
    const due = expectProblem(
      await t.request('admin', 'POST', '/api/ai-systems', { name: 'X', nextReviewDue: '31/12/2026' }),
      422,
    );
    expect(due.errors?.[0]?.field).toBe('nextReviewDue');
    const residual = expectProblem(
      await t.request('admin', 'POST', '/api/risks', { title: 'R', residualLikelihood: 2 }),
      422,
    );
    expect(residual.errors?.[0]?.field).toBe('residualImpact');
    const accepted = expectProblem(
      await t.request('admin', 'POST', '/api/risks', { title: 'R', status: 'accepted' }),
      422,
    );
    expect(accepted.errors?.[0]?.field).toBe('acceptance');
    const score = expectProblem(
      await t.request('admin', 'POST', '/api/risks', { title: 'R', likelihood: 6 }),
      422,
    );
    expect(score.errors?.[0]?.field).toBe('likelihood');
    const scenario = expectProblem(
      await t.request('admin', 'POST', '/api/risks', { scenarioId: 'RS-NOPE-99' }),
      422,
    );
    expect(scenario.errors?.[0]?.field).toBe('scenarioId');
    const empty = expectProblem(await t.request('admin', 'POST', '/api/risks', {}), 422);
    expect(empty.errors?.[0]?.field).toBe('title');
  });

  it('answers a missing body, a wrong content type and an unknown route with problems, never 500', async () => {
    expectProblem(await t.request('admin', 'POST', '/api/ai-systems'), 422);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/ai-systems',
        payload: 'name=x',
        headers: { authorization: `Bearer ${t.users.admin.token}`, 'content-type': 'text/plain' },
      }),
      415,
    );
    expectProblem(await t.request('admin', 'GET', '/api/nowhere'), 404);
    expectProblem(await t.request('admin', 'GET', '/api/scope/versions/abc'), 404);
  });
});
