import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import {
  importResultSchema,
  integrationCreateSchema,
  integrationListQuery,
  integrationSchema,
  integrationUpdateSchema,
  pushBatchSchema,
  pushResultSchema,
  syncResultSchema,
} from './schema.js';
import type { IntegrationsService } from './service.js';

const tags = ['Integrations'];
const MAX_CSV_BYTES = 20 * 1024 * 1024;

export async function integrationRoutes(app: ZodApp, integrations: IntegrationsService): Promise<void> {
  registerCrudRoutes(app, {
    path: '/api/integrations',
    tag: 'Integrations',
    entity: 'integration',
    schemas: {
      item: integrationSchema,
      create: integrationCreateSchema,
      update: integrationUpdateSchema,
      query: integrationListQuery,
    },
    permissions: { read: 'records:read', write: 'aims:configure', delete: 'aims:configure' },
    handlers: integrations,
  });
  app.post('/api/integrations/:id/sync', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Collect now and re-evaluate the tests over what changed',
      params: idParams,
      response: { 200: syncResultSchema, ...errorResponses },
    },
    handler: (request) => integrations.sync(request.actor, request.params.id),
  });
  app.post('/api/integrations/:id/resources', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Push a batch of resources (push integrations): upsert by externalId, all or nothing',
      params: idParams,
      body: pushBatchSchema,
      response: { 200: pushResultSchema, ...errorResponses },
    },
    bodyLimit: 20 * 1024 * 1024,
    handler: (request) => integrations.push(request.actor, request.params.id, request.body),
  });
  const csvUpload = (scoped: FastifyInstance, _options: unknown, done: () => void) => {
    // The CSV file is the request body itself (text/csv), so pipelines and curl can send it as it is.
    scoped.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
      (_request, body, done) => done(null, body),
    );
    (scoped as unknown as ZodApp).post('/api/integrations/:id/import', {
      config: { permission: 'records:write' },
      schema: {
        tags,
        summary: 'Upload a CSV file (csv integrations): replaces the list, reports rejected rows',
        params: idParams,
        body: z.string().min(1, 'the CSV file is empty'),
        response: { 200: importResultSchema, ...errorResponses },
      },
      handler: (request) => integrations.importCsv(request.actor, request.params.id, request.body),
    });
    done();
  };
  await app.register(csvUpload);
}
