import type { Role } from '../../src/modules/auth/permissions.js';
import type { TestApp } from '../support/app.js';
import { admin } from '../support/app.js';
import { type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

/** A planned review the role's person chairs (contributors run the reviews they chair), with one output. */
async function review(t: TestApp, role: Role) {
  const reviews = t.context.services.managementReviews;
  const created = await reviews.create(admin, {
    title: 'Matrix review',
    scheduledFor: '2026-03-01',
    chairId: t.users[role].personId,
  });
  return reviews.addOutput(admin, created.id, { kind: 'decision', description: 'Matrix decision' });
}

export const managementReviewsPart: MatrixPart = {
  expected: {
    'GET /api/management-reviews': READERS,
    'GET /api/management-reviews/actions': READERS,
    'GET /api/management-reviews/:id': READERS,
    'POST /api/management-reviews': CREATORS,
    'PATCH /api/management-reviews/:id': CREATORS,
    'DELETE /api/management-reviews/:id': EDITORS_OF_OTHERS,
    'POST /api/management-reviews/:id/transitions': CREATORS,
    'GET /api/management-reviews/:id/inputs': READERS,
    'GET /api/management-reviews/:id/export': READERS,
    'POST /api/management-reviews/:id/outputs': CREATORS,
    'PATCH /api/management-reviews/:id/outputs/:outputId': CREATORS,
    'DELETE /api/management-reviews/:id/outputs/:outputId': CREATORS,
  },
  async fixture(t, route, role): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    if (!path.startsWith('/api/management-reviews')) return undefined;
    if (path === '/api/management-reviews/actions') return { url: path };
    if (path === '/api/management-reviews')
      return {
        url: path,
        body: method === 'POST' ? { title: 'New review', scheduledFor: '2026-04-01' } : undefined,
      };
    const r = await review(t, role);
    const url = path.replace(':id', r.id).replace(':outputId', r.outputs[0]?.id ?? '');
    if (path.endsWith('/export')) return { url: `${url}?format=docx` };
    if (method === 'GET' || method === 'DELETE') return { url };
    const bodies: Record<string, unknown> = {
      '/api/management-reviews/:id': { location: 'Room 2' },
      '/api/management-reviews/:id/transitions': { to: 'in_progress' },
      '/api/management-reviews/:id/outputs': { kind: 'improvement', description: 'Improve' },
      '/api/management-reviews/:id/outputs/:outputId': { status: 'done' },
    };
    return { url, body: bodies[path] };
  },
};
