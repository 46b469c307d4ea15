import type { Role } from '../../src/modules/auth/permissions.js';
import { admin, type TestApp } from '../support/app.js';
import { ALL, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

let counter = 0;

/** A fresh course owned by the admin's person, so contributors meet the "records they own" rule. */
const freshCourse = (t: TestApp) =>
  t.context.services.training.courses.create(admin, {
    title: `Course ${++counter}`,
    ownerId: t.users.admin.personId,
  });

/** An open assignment of a fresh course for the given person. */
async function freshAssignment(t: TestApp, personId: string) {
  const course = await freshCourse(t);
  const result = await t.context.services.training.courses.assign(admin, course.id, {
    personIds: [personId],
  });
  return result.assignments[0]?.id ?? '';
}

export const trainingPart: MatrixPart = {
  expected: {
    'GET /api/courses': READERS,
    'GET /api/courses/:id': READERS,
    'POST /api/courses': CREATORS,
    'PATCH /api/courses/:id': EDITORS_OF_OTHERS,
    'DELETE /api/courses/:id': EDITORS_OF_OTHERS,
    'POST /api/courses/:id/assign': EDITORS_OF_OTHERS,
    'GET /api/course-templates': READERS,
    'GET /api/course-templates/:id': READERS,
    'GET /api/training-assignments': READERS,
    // Every signed-in role has its own training: its list, and completing its own assignment.
    'GET /api/training-assignments/mine': ALL,
    'GET /api/training-assignments/:id': READERS,
    'POST /api/training-assignments/:id/complete': ALL,
    'GET /api/people/:id/competence': READERS,
  },

  async fixture(t: TestApp, route: string, role: Role) {
    const [, path = ''] = route.split(' ');
    switch (path) {
      case '/api/courses':
        return {
          url: path,
          body: route.startsWith('POST') ? { templateId: 'ai-incident-reporting' } : undefined,
        };
      case '/api/courses/:id':
        return {
          url: path.replace(':id', (await freshCourse(t)).id),
          body: route.startsWith('PATCH') ? { durationMinutes: 25 } : undefined,
        };
      case '/api/courses/:id/assign':
        return {
          url: path.replace(':id', (await freshCourse(t)).id),
          body: { personIds: [t.users.member.personId] },
        };
      case '/api/course-templates':
      case '/api/training-assignments':
      case '/api/training-assignments/mine':
        return { url: path };
      case '/api/course-templates/:id':
        return { url: path.replace(':id', 'ai-awareness-basics') };
      case '/api/training-assignments/:id':
        return { url: path.replace(':id', await freshAssignment(t, t.users.member.personId)) };
      case '/api/training-assignments/:id/complete':
        return {
          url: path.replace(':id', await freshAssignment(t, t.users[role].personId)),
          body: { evidenceNote: 'Read the material.' },
        };
      case '/api/people/:id/competence':
        return { url: path.replace(':id', t.users.member.personId) };
      default:
        return undefined;
    }
  },
};
