import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import {
  aiSystemOptionsSchema,
  concernCreateSchema,
  concernListQuery,
  concernSchema,
  concernUpdateSchema,
  myConcernsQuery,
} from './schema.js';
import type { ConcernsService } from './service.js';

export function concernRoutes(app: ZodApp, concerns: ConcernsService): void {
  const tags = ['Concerns'];
  app.get('/api/concerns', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'List concerns (default: newest first)',
      querystring: concernListQuery,
      response: { 200: listPageSchema(concernSchema), ...errorResponses },
    },
    handler: (request) => concerns.list(request.actor, request.query),
  });
  // Before /:id, so "mine" and "ai-systems" are never read as ids.
  app.get('/api/concerns/mine', {
    config: { permission: 'self' },
    schema: {
      tags,
      summary: 'The concerns the caller reported under their name',
      querystring: myConcernsQuery,
      response: { 200: listPageSchema(concernSchema), ...errorResponses },
    },
    handler: (request) => concerns.mine(request.actor, request.query),
  });
  app.get('/api/concerns/ai-systems', {
    config: { permission: 'self' },
    schema: {
      tags,
      summary: 'The AI systems a concern can be about (names only, for every reporter)',
      response: { 200: aiSystemOptionsSchema, ...errorResponses },
    },
    handler: (request) => concerns.aiSystemOptions(request.actor),
  });
  app.get('/api/concerns/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Read one concern',
      params: idParams,
      response: { 200: concernSchema, ...errorResponses },
    },
    handler: (request) => concerns.get(request.actor, request.params.id),
  });
  app.post('/api/concerns', {
    config: { permission: 'self' },
    schema: {
      tags,
      summary: 'Report a concern about AI (anyone signed in; optionally anonymous)',
      body: concernCreateSchema,
      response: { 201: concernSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await concerns.report(request.actor, request.body)),
  });
  app.patch('/api/concerns/:id', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Assign, progress or close a concern (its assignee, managers and admins)',
      params: idParams,
      body: concernUpdateSchema,
      response: { 200: concernSchema, ...errorResponses },
    },
    handler: (request) => concerns.update(request.actor, request.params.id, request.body),
  });
}
