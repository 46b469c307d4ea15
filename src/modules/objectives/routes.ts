import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import {
  measurementCreateSchema,
  measurementListSchema,
  measurementSchema,
  objectiveCreateSchema,
  objectiveListQuery,
  objectiveSchema,
  objectiveUpdateSchema,
} from './schema.js';
import type { ObjectivesService } from './service.js';

export function objectiveRoutes(app: ZodApp, objectives: ObjectivesService): void {
  const tags = ['Objectives'];
  registerCrudRoutes(app, {
    path: '/api/objectives',
    tag: 'Objectives',
    entity: 'objective',
    schemas: {
      item: objectiveSchema,
      create: objectiveCreateSchema,
      update: objectiveUpdateSchema,
      query: objectiveListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: objectives,
  });
  app.get('/api/objectives/:id/measurements', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The measurement history of an objective, oldest first',
      params: idParams,
      response: { 200: measurementListSchema, ...errorResponses },
    },
    handler: (request) => objectives.measurements(request.actor, request.params.id),
  });
  app.post('/api/objectives/:id/measurements', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record a measurement of a manual objective',
      params: idParams,
      body: measurementCreateSchema,
      response: { 201: measurementSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await objectives.recordMeasurement(request.actor, request.params.id, request.body)),
  });
  app.post('/api/objectives/:id/measure', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Measure an automatic objective now from its test or Prometheus query',
      params: idParams,
      response: { 201: measurementSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await objectives.measure(request.actor, request.params.id)),
  });
}
