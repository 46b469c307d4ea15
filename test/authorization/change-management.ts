import { loadImpactTemplates } from '../../src/content/impact-templates.js';
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
  },
  async fixture(t, route): Promise<Attempt | undefined> {
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
      default:
        return undefined;
    }
  },
};
