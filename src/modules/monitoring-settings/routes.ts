import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { monitoringSettingsSchema } from '../../monitoring/settings.js';
import type { MonitoringSettingsService } from './service.js';

export function monitoringSettingsRoutes(app: ZodApp, settings: MonitoringSettingsService): void {
  app.get('/api/monitoring/settings', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Monitoring'],
      summary: 'Issue SLA days per severity and the flapping rule',
      response: { 200: monitoringSettingsSchema, ...errorResponses },
    },
    handler: (request) => settings.get(request.actor),
  });
  app.put('/api/monitoring/settings', {
    config: { permission: 'aims:configure' },
    schema: {
      tags: ['Monitoring'],
      summary: 'Change the issue SLAs and the flapping rule',
      body: monitoringSettingsSchema,
      response: { 200: monitoringSettingsSchema, ...errorResponses },
    },
    handler: (request) => settings.update(request.actor, request.body),
  });
}
