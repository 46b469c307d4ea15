import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { matrixConfigSchema } from './matrix-config.js';
import {
  matrixQuerySchema,
  matrixSchema,
  riskCreateSchema,
  riskListQuery,
  riskSchema,
  riskUpdateSchema,
} from './schema.js';
import type { RisksService } from './service.js';

export function riskRoutes(app: ZodApp, risks: RisksService): void {
  app.get('/api/risks/matrix', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Risks'],
      summary: 'Counts of risks per likelihood × impact cell (inherent or residual)',
      querystring: matrixQuerySchema,
      response: { 200: matrixSchema, ...errorResponses },
    },
    handler: (request) => risks.matrix(request.actor, request.query),
  });

  app.get('/api/risks/matrix-config', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Risks'],
      summary: 'The 5×5 matrix: level names, score bands and the appetite threshold',
      response: { 200: matrixConfigSchema, ...errorResponses },
    },
    handler: (request) => risks.matrixConfig(request.actor),
  });

  app.put('/api/risks/matrix-config', {
    config: { permission: 'aims:configure' },
    schema: {
      tags: ['Risks'],
      summary: 'Replace the matrix configuration',
      body: matrixConfigSchema,
      response: { 200: matrixConfigSchema, ...errorResponses },
    },
    handler: (request) => risks.setMatrixConfig(request.actor, request.body),
  });

  registerCrudRoutes(app, {
    path: '/api/risks',
    tag: 'Risks',
    entity: 'risk',
    schemas: { item: riskSchema, create: riskCreateSchema, update: riskUpdateSchema, query: riskListQuery },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: risks,
  });
}
