import type { TestApp } from '../support/app.js';
import { admin } from '../support/app.js';
import { type Attempt, EDITORS_OF_OTHERS, type MatrixPart } from './part.js';

// Nothing listens here: a ping's failed delivery is still a 200 with the failure in it.
const url = 'http://127.0.0.1:9/hooks';

async function webhook(t: TestApp) {
  return t.context.services.webhooks.create(admin, { name: 'Matrix', url, events: ['policy.*'] });
}

/** Webhooks are part of configuring the AIMS: admins and managers only. */
export const notificationsPart: MatrixPart = {
  expected: {
    'GET /api/webhooks': EDITORS_OF_OTHERS,
    'POST /api/webhooks': EDITORS_OF_OTHERS,
    'GET /api/webhooks/:id': EDITORS_OF_OTHERS,
    'PATCH /api/webhooks/:id': EDITORS_OF_OTHERS,
    'DELETE /api/webhooks/:id': EDITORS_OF_OTHERS,
    'GET /api/webhooks/:id/deliveries': EDITORS_OF_OTHERS,
    'POST /api/webhooks/:id/ping': EDITORS_OF_OTHERS,
  },
  async fixture(t, route): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    switch (path) {
      case '/api/webhooks':
        return { url: path, body: method === 'POST' ? { name: 'New', url, events: ['*'] } : undefined };
      case '/api/webhooks/:id':
      case '/api/webhooks/:id/deliveries':
      case '/api/webhooks/:id/ping':
        return {
          url: path.replace(':id', (await webhook(t)).id),
          body: method === 'PATCH' ? { active: false } : undefined,
        };
      default:
        return undefined;
    }
  },
};
