import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { listPageSchema } from '../shared/list.js';
import { trailEntrySchema, trailListQuery, verifySchema } from './schema.js';
import type { TrailService } from './trail-service.js';

export function trailRoutes(app: ZodApp, trail: TrailService): void {
  const tags = ['Trail'];
  app.get('/api/trail', {
    config: { permission: 'trail:read' },
    schema: {
      tags,
      summary: 'The tamper-evident trail of every change, newest first',
      querystring: trailListQuery,
      response: { 200: listPageSchema(trailEntrySchema), ...errorResponses },
    },
    handler: (request) => trail.list(request.actor, request.query),
  });
  app.get('/api/trail/verify', {
    config: { permission: 'trail:read' },
    schema: {
      tags,
      summary: 'Re-compute the hash chain and report the first broken entry, if any',
      response: { 200: verifySchema, ...errorResponses },
    },
    handler: (request) => trail.verify(request.actor),
  });
}
