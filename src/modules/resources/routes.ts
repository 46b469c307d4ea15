import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import { resourceDetailSchema, resourceListQuery, resourceSchema, resourceTypeInfoSchema } from './schema.js';
import type { ResourcesService } from './service.js';

export function resourceRoutes(app: ZodApp, resources: ResourcesService): void {
  app.get('/api/resources', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Monitoring'],
      summary: 'List collected resources (filter by integration and type)',
      querystring: resourceListQuery,
      response: { 200: listPageSchema(resourceSchema), ...errorResponses },
    },
    handler: (request) => resources.list(request.actor, request.query),
  });
  app.get('/api/resources/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Monitoring'],
      summary: 'One resource with its current test results',
      params: idParams,
      response: { 200: resourceDetailSchema, ...errorResponses },
    },
    handler: (request) => resources.get(request.actor, request.params.id),
  });
  app.get('/api/resource-types', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Monitoring'],
      summary: 'Every resource type with its attribute JSON Schema and an example',
      response: { 200: z.array(resourceTypeInfoSchema), ...errorResponses },
    },
    handler: (request) => resources.types(request.actor),
  });
}
