import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import {
  orphanListQuery,
  orphanPageSchema,
  personOwnedPageSchema,
  personOwnedQuery,
  reassignResultSchema,
  reassignSchema,
} from './schema.js';
import type { OrphansService } from './service.js';

export function orphanRoutes(app: ZodApp, orphans: OrphansService): void {
  app.get('/api/orphans', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Accountability'],
      summary: 'Records whose owner is no longer active, with a count per former owner',
      querystring: orphanListQuery,
      response: { 200: orphanPageSchema, ...errorResponses },
    },
    handler: (request) => orphans.list(request.actor, request.query),
  });
  app.post('/api/orphans/reassign', {
    config: { permission: 'people:write' },
    schema: {
      tags: ['Accountability'],
      summary: "Move every record one person owns to an active person (a leaver's or a handover)",
      body: reassignSchema,
      response: { 200: reassignResultSchema, ...errorResponses },
    },
    handler: (request) => orphans.reassign(request.actor, request.body),
  });
  app.get('/api/people/:id/owned', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['People'],
      summary: 'Every record a person owns, e.g. to hand over before deactivating them',
      params: idParams,
      querystring: personOwnedQuery,
      response: { 200: personOwnedPageSchema, ...errorResponses },
    },
    handler: (request) => orphans.ownedBy(request.actor, request.params.id, request.query),
  });
}
