import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import { riskScenarioListQuery, riskScenarioSchema } from './schema.js';
import type { RiskScenariosService } from './service.js';

export function riskScenarioRoutes(app: ZodApp, scenarios: RiskScenariosService): void {
  app.get('/api/risk-scenarios', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Risk scenarios'],
      summary: 'List the AI risk scenario library',
      querystring: riskScenarioListQuery,
      response: { 200: listPageSchema(riskScenarioSchema), ...errorResponses },
    },
    handler: (request) => scenarios.list(request.actor, request.query),
  });

  app.get('/api/risk-scenarios/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Risk scenarios'],
      summary: 'Read one risk scenario (id is its content slug, e.g. RS-BIAS-01)',
      params: idParams,
      response: { 200: riskScenarioSchema, ...errorResponses },
    },
    handler: (request) => scenarios.get(request.actor, request.params.id),
  });
}
