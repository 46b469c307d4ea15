import { expect } from 'vitest';
import { admin, type TestApp } from './app.js';

/**
 * Four vendors, three with a signed DPA, collected by the aims integration, and a test over them: a
 * monitoring test whose pass rate is 75 %, for objectives and plan items to draw on.
 */
export async function passRateTest(t: TestApp): Promise<string> {
  for (const [name, dpaStatus] of [
    ['A', 'signed'],
    ['B', 'signed'],
    ['C', 'signed'],
    ['D', 'pending'],
  ] as const)
    await t.context.services.vendors.create(admin, { name: `Vendor ${name}`, dpaStatus });
  const aims = (await t.request('admin', 'GET', '/api/integrations?kind=aims')).json().items[0];
  expect((await t.request('admin', 'POST', `/api/integrations/${aims.id}/sync`)).json().ok).toBe(true);
  const created = await t.request('admin', 'POST', '/api/tests', {
    title: 'Vendors have a signed DPA',
    severity: 'medium',
    resourceType: 'vendor',
    condition: 'resource.dpaStatus == "signed"',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

type Role = 'admin' | 'manager' | 'contributor';

/** Creates objectives (a manual fairness objective unless told otherwise) and records their measurements. */
export function objectiveApi(t: () => TestApp) {
  return {
    async create(body: object, role: Role = 'manager') {
      const response = await t().request(role, 'POST', '/api/objectives', {
        title: 'Fairness gap on credit decisions',
        metric: 'Approval rate gap between groups',
        unit: 'pp',
        direction: 'at_most',
        target: 2,
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    record: (id: string, body: object, role: Role = 'manager') =>
      t().request(role, 'POST', `/api/objectives/${id}/measurements`, body),
  };
}
