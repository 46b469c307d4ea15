import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { assignResultSchema } from '../training/assignment-schema.js';
import { incidentSettingsSchema } from './deadlines.js';
import {
  assignTrainingSchema,
  notificationCreateSchema,
  notificationParams,
  notificationUpdateSchema,
  timelineCreateSchema,
} from './notification-schema.js';
import { incidentCreateSchema, incidentListQuery, incidentSchema, incidentUpdateSchema } from './schema.js';
import type { IncidentsService } from './service.js';

const tags = ['Incidents'];

export function incidentRoutes(app: ZodApp, incidents: IncidentsService): void {
  // Before the register's /:id routes in the docs; Fastify prefers the static path either way.
  app.get('/api/incidents/settings', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Days to report a serious incident under EU AI Act Art. 73, per serious category',
      response: { 200: incidentSettingsSchema, ...errorResponses },
    },
    handler: (request) => incidents.settings(request.actor),
  });
  app.put('/api/incidents/settings', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Change the Art. 73 reporting windows (1-90 days each)',
      description:
        'The defaults are the legal maxima (15, 10 and 2 days). New windows apply to deadlines computed from now on.',
      body: incidentSettingsSchema,
      response: { 200: incidentSettingsSchema, ...errorResponses },
    },
    handler: (request) => incidents.updateSettings(request.actor, request.body),
  });

  registerCrudRoutes(app, {
    path: '/api/incidents',
    tag: 'Incidents',
    entity: 'incident',
    schemas: {
      item: incidentSchema,
      create: incidentCreateSchema,
      update: incidentUpdateSchema,
      query: incidentListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: incidents,
  });

  app.post('/api/incidents/:id/notifications', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Add a notification to make (customers, DPO, a partner…), with its basis and deadline',
      params: idParams,
      body: notificationCreateSchema,
      response: { 201: incidentSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await incidents.addNotification(request.actor, request.params.id, request.body)),
  });
  app.patch('/api/incidents/:id/notifications/:notificationId', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record that a party was notified (never before the incident was detected)',
      params: notificationParams,
      body: notificationUpdateSchema,
      response: { 200: incidentSchema, ...errorResponses },
    },
    handler: (request) =>
      incidents.updateNotification(
        request.actor,
        request.params.id,
        request.params.notificationId,
        request.body,
      ),
  });
  app.post('/api/incidents/:id/timeline', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Add a note, containment step or root-cause finding to the timeline',
      params: idParams,
      body: timelineCreateSchema,
      response: { 201: incidentSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await incidents.addTimelineEntry(request.actor, request.params.id, request.body)),
  });
  app.post('/api/incidents/:id/assign-training', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Assign a course to people because of this incident',
      params: idParams,
      body: assignTrainingSchema,
      response: { 200: assignResultSchema, ...errorResponses },
    },
    handler: (request) => incidents.assignTraining(request.actor, request.params.id, request.body),
  });
}
