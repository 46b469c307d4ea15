import { admin } from '../support/app.js';
import { ALL, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${++counter}`;

export const accountabilityPart: MatrixPart = {
  expected: {
    'GET /api/aims-roles': READERS,
    'GET /api/aims-roles/:id': READERS,
    'POST /api/aims-roles': EDITORS_OF_OTHERS,
    'PATCH /api/aims-roles/:id': EDITORS_OF_OTHERS,
    'DELETE /api/aims-roles/:id': EDITORS_OF_OTHERS,
    'GET /api/orphans': READERS,
    'POST /api/orphans/reassign': EDITORS_OF_OTHERS,
    'GET /api/people/:id/owned': READERS,
    'GET /api/concerns': READERS,
    // Anyone signed in can raise a concern and follow the ones they raised under their name.
    'GET /api/concerns/mine': ALL,
    'POST /api/concerns': ALL,
    'GET /api/concerns/ai-systems': ALL,
    'GET /api/concerns/:id': READERS,
    // The fixture concern is assigned to nobody, so a contributor is not its assignee.
    'PATCH /api/concerns/:id': EDITORS_OF_OTHERS,
  },

  async fixture(t, route) {
    const s = t.context.services;
    const [method, path = ''] = route.split(' ');
    const withId = (id: string) => path.replace(':id', id);
    switch (path) {
      case '/api/aims-roles':
        return { url: path, body: method === 'POST' ? { name: `Role ${unique()}` } : undefined };
      case '/api/aims-roles/:id': {
        const role = await s.aimsRoles.create(admin, { name: `Role ${unique()}` });
        return { url: withId(role.id), body: method === 'PATCH' ? { description: 'Checked.' } : undefined };
      }
      case '/api/orphans':
        return { url: path };
      case '/api/orphans/reassign': {
        const from = await s.people.create(admin, { name: 'Leaver', email: `l-${unique()}@test.example` });
        const to = await s.people.create(admin, { name: 'Successor', email: `s-${unique()}@test.example` });
        await s.vendors.create(admin, { name: `Vendor ${unique()}`, ownerId: from.id });
        return { url: path, body: { fromPersonId: from.id, toPersonId: to.id } };
      }
      case '/api/people/:id/owned':
        return { url: withId(t.users.admin.personId) };
      case '/api/concerns':
        return {
          url: path,
          body:
            method === 'POST'
              ? { category: 'other', description: `Concern ${unique()}`, anonymous: false }
              : undefined,
        };
      case '/api/concerns/mine':
      case '/api/concerns/ai-systems':
        return { url: path };
      case '/api/concerns/:id': {
        const concern = await s.concerns.report(admin, {
          category: 'safety',
          description: `Concern ${unique()}`,
          anonymous: false,
        });
        return { url: withId(concern.id), body: method === 'PATCH' ? { status: 'in_progress' } : undefined };
      }
      default:
        return undefined;
    }
  },
};
