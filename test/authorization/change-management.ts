import { loadImpactTemplates } from '../../src/content/impact-templates.js';
import type { Role } from '../../src/modules/auth/permissions.js';
import type { TestApp } from '../support/app.js';
import { admin } from '../support/app.js';
import { type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

const requiredAnswers = () =>
  Object.fromEntries(
    (loadImpactTemplates()[0]?.sections ?? [])
      .flatMap((s) => s.questions)
      .filter((q) => q.required)
      .map((q) => [q.id, q.options ? (q.options[0]?.value ?? '') : 'Yes']),
  );

/** A non-material change on a minimal-risk system the role's person owns, at the stage asked. */
async function change(t: TestApp, role: Role, stage: 'draft' | 'submitted' | 'approved') {
  const s = t.context.services;
  const ownerId = t.users[role].personId;
  const system = await s.aiSystems.create(admin, {
    name: 'Matrix change system',
    riskTier: 'minimal',
    ownerId,
  });
  const created = await s.changeRequests.create(admin, {
    aiSystemId: system.id,
    type: 'deployment_environment_change',
    title: 'Move region',
  });
  if (stage === 'draft') return created;
  await s.changeRequests.submit(admin, created.id);
  if (stage === 'submitted') return created;
  await s.changeRequests.sign({ ...admin, personId: ownerId, label: 'matrix owner' }, created.id, {
    requirement: 'system_owner',
    decision: 'approve',
  });
  return created;
}

async function draft(t: TestApp) {
  const system = await t.context.services.aiSystems.create(admin, { name: 'Matrix system' });
  return t.context.services.impactAssessments.create(admin, { aiSystemId: system.id });
}

/** Impact assessments (change requests join them here). */
export const changeManagementPart: MatrixPart = {
  expected: {
    'GET /api/impact-assessments': READERS,
    'GET /api/impact-assessments/:id': READERS,
    'POST /api/impact-assessments': CREATORS,
    'PATCH /api/impact-assessments/:id': CREATORS,
    'DELETE /api/impact-assessments/:id': EDITORS_OF_OTHERS,
    'POST /api/impact-assessments/:id/transitions': CREATORS,
    'GET /api/impact-assessments/:id/export': READERS,
    'GET /api/impact-assessments/systems': READERS,
    'GET /api/impact-assessment-templates': READERS,
    'GET /api/impact-assessment-templates/:id': READERS,
    'GET /api/change-requests/settings': READERS,
    'PUT /api/change-requests/settings': EDITORS_OF_OTHERS,
    'GET /api/change-requests': READERS,
    'GET /api/change-requests/:id': READERS,
    'POST /api/change-requests': CREATORS,
    'PATCH /api/change-requests/:id': CREATORS,
    'DELETE /api/change-requests/:id': EDITORS_OF_OTHERS,
    'POST /api/change-requests/:id/submit': CREATORS,
    // Each role tries a change on a system it owns, so it holds the system-owner sign-off.
    'POST /api/change-requests/:id/signoffs': CREATORS,
    'POST /api/change-requests/:id/implement': CREATORS,
    'GET /api/change-requests/:id/flagged-risks': READERS,
    'POST /api/change-requests/:id/assign-training': CREATORS,
  },
  async fixture(t, route, role): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    const withId = (id: string) => path.replace(':id', id);
    switch (path) {
      case '/api/impact-assessments':
        if (method === 'GET') return { url: path };
        return {
          url: path,
          body: { aiSystemId: (await t.context.services.aiSystems.create(admin, { name: 'New' })).id },
        };
      case '/api/impact-assessments/:id':
        return {
          url: withId((await draft(t)).id),
          body: method === 'PATCH' ? { answers: { purpose_intended_use: 'Triage' } } : undefined,
        };
      case '/api/impact-assessments/:id/transitions': {
        const a = await draft(t);
        await t.context.services.impactAssessments.update(admin, a.id, { answers: requiredAnswers() });
        return { url: withId(a.id), body: { to: 'in_review' } };
      }
      case '/api/impact-assessments/:id/export':
        return { url: `${withId((await draft(t)).id)}?format=pdf` };
      case '/api/impact-assessments/systems':
      case '/api/impact-assessment-templates':
        return { url: path };
      case '/api/impact-assessment-templates/:id':
        return { url: withId('ai-system-impact') };
      case '/api/change-requests/settings':
        return {
          url: path,
          body: method === 'PUT' ? await t.context.services.changeRequests.rules(admin) : undefined,
        };
      case '/api/change-requests':
        if (method === 'GET') return { url: path };
        return {
          url: path,
          body: {
            aiSystemId: (await change(t, role, 'draft')).aiSystemId,
            type: 'model_retraining',
            title: 'New',
          },
        };
      case '/api/change-requests/:id':
        return {
          url: withId((await change(t, role, 'draft')).id),
          body: method === 'PATCH' ? { title: 'Renamed' } : undefined,
        };
      case '/api/change-requests/:id/submit':
      case '/api/change-requests/:id/flagged-risks':
        return { url: withId((await change(t, role, 'draft')).id) };
      case '/api/change-requests/:id/signoffs':
        return {
          url: withId((await change(t, role, 'submitted')).id),
          body: { requirement: 'system_owner', decision: 'approve' },
        };
      case '/api/change-requests/:id/assign-training': {
        const course = await t.context.services.training.courses.create(admin, { title: 'Matrix course' });
        return {
          url: withId((await change(t, role, 'approved')).id),
          body: { courseId: course.id, personIds: [t.users.member.personId] },
        };
      }
      case '/api/change-requests/:id/implement':
        return { url: withId((await change(t, role, 'approved')).id), body: { implementedOn: '2026-01-05' } };
      default:
        return undefined;
    }
  },
};
