import type { Role } from '../../src/modules/auth/permissions.js';
import { admin, type TestApp } from '../support/app.js';
import { type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

// Managers and admins set the monitoring plan (aims:configure); nobody else, whatever they own.
const CONFIGURERS: Role[] = ['admin', 'manager'];

let counter = 0;
/** A test over the organisation resource that always passes, so automatic objectives can be measured. */
let passingTestId = '';

/** A fresh objective owned by the admin's person, so contributors meet the "records they own" rule. */
const freshObjective = (t: TestApp, automatic = false) =>
  t.context.services.objectives.create(admin, {
    title: `Objective ${++counter}`,
    metric: 'Share of systems with a model card',
    target: 100,
    ownerId: t.users.admin.personId,
    ...(automatic ? { source: 'test_pass_rate', unit: '%', sourceTestId: passingTestId } : { unit: '%' }),
  });

const freshPlanItem = (t: TestApp) =>
  t.context.services.monitoringPlan.create(admin, {
    subject: `Plan item ${++counter}`,
    frequency: 'monthly',
    analystId: t.users.admin.personId,
  });

export const objectivesPart: MatrixPart = {
  expected: {
    'GET /api/objectives': READERS,
    'GET /api/objectives/:id': READERS,
    'POST /api/objectives': CREATORS,
    'PATCH /api/objectives/:id': EDITORS_OF_OTHERS,
    'DELETE /api/objectives/:id': EDITORS_OF_OTHERS,
    'GET /api/objectives/:id/measurements': READERS,
    'POST /api/objectives/:id/measurements': EDITORS_OF_OTHERS,
    'POST /api/objectives/:id/measure': EDITORS_OF_OTHERS,
    'GET /api/monitoring-plan': READERS,
    'GET /api/monitoring-plan/:id': READERS,
    'GET /api/monitoring-plan/export': READERS,
    'POST /api/monitoring-plan': CONFIGURERS,
    'PATCH /api/monitoring-plan/:id': CONFIGURERS,
    'DELETE /api/monitoring-plan/:id': CONFIGURERS,
    'POST /api/monitoring-plan/:id/analysis': EDITORS_OF_OTHERS,
  },

  async prepare(t: TestApp) {
    const aims = (await t.request('admin', 'GET', '/api/integrations?kind=aims')).json().items[0];
    await t.request('admin', 'POST', `/api/integrations/${aims.id}/sync`);
    const created = await t.request('admin', 'POST', '/api/tests', {
      title: 'Matrix: organisation recorded',
      severity: 'low',
      resourceType: 'organisation',
      condition: 'true',
    });
    passingTestId = created.json().id;
  },

  async fixture(t: TestApp, route: string, _role: Role): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    switch (path) {
      case '/api/objectives':
        return {
          url: path,
          body: method === 'POST' ? { title: 'New objective', metric: 'Metric', target: 1 } : undefined,
        };
      case '/api/objectives/:id':
        return {
          url: path.replace(':id', (await freshObjective(t)).id),
          body: method === 'PATCH' ? { target: 95 } : undefined,
        };
      case '/api/objectives/:id/measurements':
        return {
          url: path.replace(':id', (await freshObjective(t)).id),
          body: method === 'POST' ? { value: 80 } : undefined,
        };
      case '/api/objectives/:id/measure':
        return { url: path.replace(':id', (await freshObjective(t, true)).id) };
      case '/api/monitoring-plan':
        return {
          url: path,
          body: method === 'POST' ? { subject: 'Model drift', frequency: 'weekly' } : undefined,
        };
      case '/api/monitoring-plan/export':
        return { url: `${path}?format=xlsx` };
      case '/api/monitoring-plan/:id':
        return {
          url: path.replace(':id', (await freshPlanItem(t)).id),
          body: method === 'PATCH' ? { method: 'Weekly review of drift metrics' } : undefined,
        };
      case '/api/monitoring-plan/:id/analysis':
        return { url: path.replace(':id', (await freshPlanItem(t)).id), body: { notes: 'Reviewed.' } };
      default:
        return undefined;
    }
  },
};
