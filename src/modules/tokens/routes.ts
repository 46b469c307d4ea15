import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import { createdTokenSchema, tokenCreateSchema, tokenListQuery, tokenSchema } from './schema.js';
import type { TokensService } from './service.js';

export function tokenRoutes(app: ZodApp, tokens: TokensService): void {
  const tags = ['API tokens'];
  app.get('/api/tokens', {
    config: { permission: 'tokens:own' },
    schema: {
      tags,
      summary: 'List your API tokens (admins: everyone’s)',
      querystring: tokenListQuery,
      response: { 200: listPageSchema(tokenSchema), ...errorResponses },
    },
    handler: (request) => tokens.list(request.actor, request.query),
  });
  app.get('/api/tokens/:id', {
    config: { permission: 'tokens:own' },
    schema: {
      tags,
      summary: 'Read one API token (never its secret)',
      params: idParams,
      response: { 200: tokenSchema, ...errorResponses },
    },
    handler: (request) => tokens.get(request.actor, request.params.id),
  });
  app.post('/api/tokens', {
    config: { permission: 'tokens:own' },
    schema: {
      tags,
      summary: 'Create an API token; the secret is in this response only',
      body: tokenCreateSchema,
      response: { 201: createdTokenSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await tokens.create(request.actor, request.body)),
  });
  app.delete('/api/tokens/:id', {
    config: { permission: 'tokens:own' },
    schema: { tags, summary: 'Revoke an API token', params: idParams, response: { ...errorResponses } },
    handler: async (request, reply) => {
      await tokens.remove(request.actor, request.params.id);
      return reply.status(204).send(undefined as never);
    },
  });
}
