import type { TestApp } from '../support/app.js';
import { admin } from '../support/app.js';
import { ALL, type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${++counter}`;

/** A policy owned by the admin's person (so contributors may not move it), published when asked. */
async function policy(t: TestApp, state: 'draft' | 'published' | 'approved' = 'draft') {
  const s = t.context.services;
  const created = await s.policies.create(admin, {
    title: `Policy ${unique()}`,
    body: '# Policy\n\nText.',
    ownerId: t.users.admin.personId,
    audience: { roles: ['admin', 'manager', 'contributor', 'auditor', 'member'], departments: [] },
  });
  if (state === 'draft') return created;
  const submitter = { ...admin, label: 'matrix submitter' };
  await s.policies.transition(submitter, created.id, { to: 'in_review' });
  await s.policies.transition(admin, created.id, { to: 'approved' });
  if (state === 'approved') return created;
  return s.policies.transition(admin, created.id, { to: 'published' });
}

export const policiesPart: MatrixPart = {
  expected: {
    'GET /api/policies': ALL,
    'GET /api/policies/:id': ALL,
    'POST /api/policies': CREATORS,
    'PATCH /api/policies/:id': EDITORS_OF_OTHERS,
    'DELETE /api/policies/:id': EDITORS_OF_OTHERS,
    'GET /api/policy-templates': READERS,
    'GET /api/policy-templates/:id': READERS,
    // Approving is for those who configure the AIMS.
    'POST /api/policies/:id/transitions': EDITORS_OF_OTHERS,
    'POST /api/policies/:id/reviews': EDITORS_OF_OTHERS,
    'GET /api/policies/:id/versions': ALL,
    'GET /api/policies/:id/versions/:version': ALL,
    'GET /api/policies/:id/versions/:version/export': ALL,
    'GET /api/policies/:id/diff': READERS,
    'GET /api/policies/:id/acknowledgements': READERS,
    // Everyone acknowledges for themselves.
    'POST /api/policies/:id/acknowledgements': ALL,
    'GET /api/inbox': ALL,
  },

  async fixture(t, route): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    const withId = (id: string) => path.replace(':id', id);
    switch (path) {
      case '/api/policies':
        return method === 'POST' ? { url: path, body: { templateId: 'ai-policy' } } : { url: path };
      case '/api/policies/:id': {
        const p = method === 'GET' ? await policy(t, 'published') : await policy(t);
        return { url: withId(p.id), body: method === 'PATCH' ? { title: `Renamed ${unique()}` } : undefined };
      }
      case '/api/inbox':
      case '/api/policy-templates':
        return { url: path };
      case '/api/policy-templates/:id':
        return { url: withId('ai-acceptable-use') };
      case '/api/policies/:id/transitions':
        return { url: withId((await policy(t, 'approved')).id), body: { to: 'published' } };
      case '/api/policies/:id/reviews':
        return { url: withId((await policy(t, 'published')).id), body: { notes: 'Still right.' } };
      case '/api/policies/:id/versions':
        return { url: withId((await policy(t, 'published')).id) };
      case '/api/policies/:id/versions/:version':
        return { url: withId((await policy(t, 'published')).id).replace(':version', '1') };
      case '/api/policies/:id/versions/:version/export':
        return { url: `${withId((await policy(t, 'published')).id).replace(':version', '1')}?format=docx` };
      case '/api/policies/:id/diff':
        return { url: `${withId((await policy(t, 'published')).id)}?from=1` };
      case '/api/policies/:id/acknowledgements':
        return { url: withId((await policy(t, 'published')).id), body: method === 'POST' ? {} : undefined };
      default:
        return undefined;
    }
  },
};
