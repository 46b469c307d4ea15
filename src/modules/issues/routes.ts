import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import {
  commentCreateSchema,
  commentSchema,
  issueDetailSchema,
  issueListQuery,
  issueSchema,
  issueUpdateSchema,
} from './schema.js';
import type { IssuesService } from './service.js';

export function issueRoutes(app: ZodApp, issues: IssuesService): void {
  const tags = ['Issues'];
  app.get('/api/issues', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'List issues opened by failing tests (default: soonest due first)',
      querystring: issueListQuery,
      response: { 200: listPageSchema(issueSchema), ...errorResponses },
    },
    handler: (request) => issues.list(request.actor, request.query),
  });
  app.get('/api/issues/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One issue with its remediation, comments and the transitions that opened and resolved it',
      params: idParams,
      response: { 200: issueDetailSchema, ...errorResponses },
    },
    handler: (request) => issues.get(request.actor, request.params.id),
  });
  app.patch('/api/issues/:id', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Assign or reschedule an open issue',
      params: idParams,
      body: issueUpdateSchema,
      response: { 200: issueSchema, ...errorResponses },
    },
    handler: (request) => issues.update(request.actor, request.params.id, request.body),
  });
  app.post('/api/issues/:id/comments', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Comment on an issue',
      params: idParams,
      body: commentCreateSchema,
      response: { 201: commentSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await issues.comment(request.actor, request.params.id, request.body)),
  });
}
