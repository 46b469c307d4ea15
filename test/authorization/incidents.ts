import type { Role } from '../../src/modules/auth/permissions.js';
import { DEFAULT_INCIDENT_SETTINGS } from '../../src/modules/incidents/deadlines.js';
import { admin, type TestApp } from '../support/app.js';
import { type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

let counter = 0;

/** A fresh incident owned by the admin's person, so contributors meet the "records they own" rule. */
const freshIncident = (t: TestApp, extra: object = {}) =>
  t.context.services.incidents.create(admin, {
    title: `Incident ${++counter}`,
    severity: 'medium',
    harmType: 'privacy',
    ownerId: t.users.admin.personId,
    ...extra,
  });

export const incidentsPart: MatrixPart = {
  expected: {
    'GET /api/incidents': READERS,
    'GET /api/incidents/:id': READERS,
    'POST /api/incidents': CREATORS,
    'PATCH /api/incidents/:id': EDITORS_OF_OTHERS,
    'DELETE /api/incidents/:id': EDITORS_OF_OTHERS,
    'GET /api/incidents/settings': READERS,
    'PUT /api/incidents/settings': EDITORS_OF_OTHERS,
    'POST /api/incidents/:id/notifications': EDITORS_OF_OTHERS,
    'PATCH /api/incidents/:id/notifications/:notificationId': EDITORS_OF_OTHERS,
    'POST /api/incidents/:id/timeline': EDITORS_OF_OTHERS,
    'POST /api/incidents/:id/assign-training': EDITORS_OF_OTHERS,
  },

  async fixture(t: TestApp, route: string, _role: Role): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    const withId = async () => path.replace(':id', (await freshIncident(t)).id);
    switch (path) {
      case '/api/incidents':
        return {
          url: path,
          body: method === 'POST' ? { title: 'Reported', severity: 'low', harmType: 'other' } : undefined,
        };
      case '/api/incidents/settings':
        return { url: path, body: method === 'PUT' ? DEFAULT_INCIDENT_SETTINGS : undefined };
      case '/api/incidents/:id':
        return { url: await withId(), body: method === 'PATCH' ? { status: 'investigating' } : undefined };
      case '/api/incidents/:id/notifications':
        return {
          url: await withId(),
          body: {
            party: 'Customers',
            basis: 'Contract',
            dueAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        };
      case '/api/incidents/:id/notifications/:notificationId': {
        // A privacy incident comes with its GDPR notification to record.
        const incident = await freshIncident(t);
        const notification = incident.notifications[0]?.id ?? '';
        return {
          url: path.replace(':id', incident.id).replace(':notificationId', notification),
          body: { notifiedAt: new Date().toISOString(), reference: 'DPA-1' },
        };
      }
      case '/api/incidents/:id/timeline':
        return { url: await withId(), body: { kind: 'note', text: 'Looked into it.' } };
      case '/api/incidents/:id/assign-training': {
        const course = await t.context.services.training.courses.create(admin, {
          title: `Incident course ${++counter}`,
        });
        return { url: await withId(), body: { courseId: course.id, personIds: [t.users.member.personId] } };
      }
      default:
        return undefined;
    }
  },
};
