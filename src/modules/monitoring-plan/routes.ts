import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import {
  analysisCreateSchema,
  planExportQuery,
  planItemCreateSchema,
  planItemSchema,
  planItemUpdateSchema,
  planListQuery,
} from './schema.js';
import type { MonitoringPlanService } from './service.js';

export function monitoringPlanRoutes(app: ZodApp, plan: MonitoringPlanService): void {
  const tags = ['Monitoring plan'];
  // Before the CRUD routes' /:id, so "export" is never read as an id.
  app.get('/api/monitoring-plan/export', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The monitoring and measurement plan with its current results as a spreadsheet',
      querystring: planExportQuery,
      response: { ...errorResponses },
    },
    handler: async (request, reply) =>
      sendFile(reply, await plan.exportPlan(request.actor, request.query.format)),
  });
  registerCrudRoutes(app, {
    path: '/api/monitoring-plan',
    tag: 'Monitoring plan',
    entity: 'monitoring plan item',
    schemas: {
      item: planItemSchema,
      create: planItemCreateSchema,
      update: planItemUpdateSchema,
      query: planListQuery,
    },
    permissions: { read: 'records:read', write: 'aims:configure', delete: 'aims:configure' },
    handlers: plan,
  });
  app.post('/api/monitoring-plan/:id/analysis', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record that the item’s results were analysed and evaluated',
      params: idParams,
      body: analysisCreateSchema,
      response: { 200: planItemSchema, ...errorResponses },
    },
    handler: (request) => plan.recordAnalysis(request.actor, request.params.id, request.body),
  });
}
