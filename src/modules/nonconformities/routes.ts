import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { actionCreateSchema, actionListQuery, actionSchema, actionUpdateSchema } from './action-schema.js';
import { renderPlan } from './plan-export.js';
import { planQuery, planSchema } from './plan-schema.js';
import {
  checkParams,
  effectivenessCheckCreateSchema,
  effectivenessCheckRecordSchema,
  nonconformityCreateSchema,
  nonconformityListQuery,
  nonconformitySchema,
  nonconformityUpdateSchema,
} from './schema.js';
import type { NonconformitiesService } from './service.js';

const permissions = { read: 'records:read', write: 'records:write', delete: 'records:delete' } as const;

export function nonconformityRoutes(app: ZodApp, service: NonconformitiesService): void {
  const tags = ['Nonconformities'];
  registerCrudRoutes(app, {
    path: '/api/nonconformities',
    tag: 'Nonconformities',
    entity: 'nonconformity',
    schemas: {
      item: nonconformitySchema,
      create: nonconformityCreateSchema,
      update: nonconformityUpdateSchema,
      query: nonconformityListQuery,
    },
    permissions,
    handlers: service,
  });

  app.post('/api/nonconformities/:id/effectiveness-checks', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Plan a check that the corrective actions worked',
      params: idParams,
      body: effectivenessCheckCreateSchema,
      response: { 201: nonconformitySchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.planCheck(request.actor, request.params.id, request.body)),
  });
  app.patch('/api/nonconformities/:id/effectiveness-checks/:checkId', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record the result of an effectiveness check (every action must be finished)',
      description:
        'Not effective sends the nonconformity back to action planned: further actions are needed.',
      params: checkParams,
      body: effectivenessCheckRecordSchema,
      response: { 200: nonconformitySchema, ...errorResponses },
    },
    handler: (request) =>
      service.recordCheck(request.actor, request.params.id, request.params.checkId, request.body),
  });

  registerCrudRoutes(app, {
    path: '/api/corrective-actions',
    tag: 'Corrective actions',
    entity: 'corrective action',
    schemas: {
      item: actionSchema,
      create: actionCreateSchema,
      update: actionUpdateSchema,
      query: actionListQuery,
    },
    permissions,
    handlers: service.actions,
  });

  app.get('/api/corrective-action-plan', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Corrective actions'],
      summary: 'The corrective action plan: open gaps, their actions and totals (JSON, XLSX or PDF)',
      querystring: planQuery,
      response: { 200: planSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const plan = await service.plan(request.actor);
      if (request.query.format === 'json') return plan;
      return sendFile(reply, await renderPlan(plan, request.query.format));
    },
  });
}
