import { todayIso } from '../../src/lib/time.js';
import type { Role } from '../../src/modules/auth/permissions.js';
import { admin, type TestApp } from '../support/app.js';
import { type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

let counter = 0;

/** A fresh nonconformity owned by the admin's person, so contributors meet the "records they own" rule. */
const freshNc = (t: TestApp, extra: object = {}) =>
  t.context.services.nonconformities.create(admin, {
    title: `Nonconformity ${++counter}`,
    source: 'manual',
    ownerId: t.users.admin.personId,
    rootCause: 'Known cause.',
    ...extra,
  });

const freshAction = async (t: TestApp) =>
  t.context.services.nonconformities.actions.create(admin, {
    title: `Action ${++counter}`,
    nonconformityId: (await freshNc(t)).id,
    ownerId: t.users.admin.personId,
    dueDate: todayIso(),
  });

/** A nonconformity whose only action is done, with a check planned and waiting for its result. */
async function checkToRecord(t: TestApp): Promise<string> {
  const s = t.context.services.nonconformities;
  const nc = await freshNc(t);
  await s.actions.create(admin, {
    title: 'Done already',
    nonconformityId: nc.id,
    dueDate: todayIso(),
    status: 'done',
    completionNotes: 'Finished.',
  });
  const planned = await s.planCheck(admin, nc.id, { plannedFor: todayIso() });
  return `/api/nonconformities/${nc.id}/effectiveness-checks/${planned.effectivenessChecks[0]?.id}`;
}

export const nonconformitiesPart: MatrixPart = {
  expected: {
    'GET /api/nonconformities': READERS,
    'GET /api/nonconformities/:id': READERS,
    'POST /api/nonconformities': CREATORS,
    'PATCH /api/nonconformities/:id': EDITORS_OF_OTHERS,
    'DELETE /api/nonconformities/:id': EDITORS_OF_OTHERS,
    'POST /api/nonconformities/:id/effectiveness-checks': CREATORS,
    'PATCH /api/nonconformities/:id/effectiveness-checks/:checkId': CREATORS,
    'GET /api/corrective-actions': READERS,
    'GET /api/corrective-actions/:id': READERS,
    'POST /api/corrective-actions': CREATORS,
    'PATCH /api/corrective-actions/:id': EDITORS_OF_OTHERS,
    'DELETE /api/corrective-actions/:id': EDITORS_OF_OTHERS,
    'GET /api/corrective-action-plan': READERS,
  },

  async fixture(t: TestApp, route: string, _role: Role): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    switch (path) {
      case '/api/nonconformities':
        return { url: path, body: method === 'POST' ? { title: 'Raised', source: 'manual' } : undefined };
      case '/api/nonconformities/:id':
        return {
          url: path.replace(':id', (await freshNc(t)).id),
          body: method === 'PATCH' ? { containment: 'Paused the model.' } : undefined,
        };
      case '/api/nonconformities/:id/effectiveness-checks':
        return { url: path.replace(':id', (await freshNc(t)).id), body: { plannedFor: todayIso() } };
      case '/api/nonconformities/:id/effectiveness-checks/:checkId':
        return { url: await checkToRecord(t), body: { result: 'effective' } };
      case '/api/corrective-actions':
        return {
          url: path,
          body:
            method === 'POST' ? { title: 'Improve', kind: 'improvement', dueDate: todayIso() } : undefined,
        };
      case '/api/corrective-actions/:id':
        return {
          url: path.replace(':id', (await freshAction(t)).id),
          body: method === 'PATCH' ? { progress: 30, status: 'in_progress' } : undefined,
        };
      case '/api/corrective-action-plan':
        return { url: path };
      default:
        return undefined;
    }
  },
};
