import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { type OrganisationService, organisationSchema } from './service.js';

export function organisationRoutes(app: ZodApp, organisation: OrganisationService): void {
  const tags = ['Organisation'];
  app.get('/api/organisation', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The organisation’s name, as printed on exports',
      response: { 200: organisationSchema, ...errorResponses },
    },
    handler: (request) => organisation.get(request.actor),
  });
  app.put('/api/organisation', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Set the organisation’s name',
      body: organisationSchema,
      response: { 200: organisationSchema, ...errorResponses },
    },
    handler: (request) => organisation.update(request.actor, request.body),
  });
}
