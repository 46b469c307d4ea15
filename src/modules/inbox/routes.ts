import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { inboxItemSchema } from './item.js';
import type { InboxService } from './service.js';

export function inboxRoutes(app: ZodApp, inbox: InboxService): void {
  app.get('/api/inbox', {
    config: { permission: 'self' },
    schema: {
      tags: ['Inbox'],
      summary: "The caller's own due and overdue work",
      description:
        'Policies to acknowledge or review, training to complete, concerns and monitoring issues assigned, and owned records whose review is due: overdue first.',
      response: {
        200: z.object({
          items: z.array(inboxItemSchema),
          counts: z.object({ total: z.number().int(), overdue: z.number().int() }),
        }),
        ...errorResponses,
      },
    },
    handler: (request) => inbox.mine(request.actor),
  });
}
