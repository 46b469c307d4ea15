import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { pdcaSchema } from './schema.js';
import type { PdcaService } from './service.js';

export function pdcaRoutes(app: ZodApp, pdca: PdcaService): void {
  app.get('/api/pdca', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Dashboard'],
      summary: 'Every record type classified Plan, Do, Check or Act, with counts and overdue items per phase',
      response: { 200: pdcaSchema, ...errorResponses },
    },
    handler: (request) => pdca.summary(request.actor),
  });
}
