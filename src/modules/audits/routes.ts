import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import { checklistRoutes } from './checklist-routes.js';
import { programmeRoutes } from './programme-routes.js';
import {
  auditCreateSchema,
  auditListQuery,
  auditSchema,
  auditSummarySchema,
  auditUpdateSchema,
  completeSchema,
  independenceCheckSchema,
  independenceQuery,
} from './schema.js';
import type { AuditsService } from './service.js';

const tags = ['Internal audits'];
const read = { permission: 'records:read' } as const;
const write = { permission: 'records:write' } as const;
const conduct = { permission: 'audits:conduct' } as const;

export function auditRoutes(app: ZodApp, audits: AuditsService): void {
  programmeRoutes(app, audits.programmes);

  app.get('/api/audits', {
    config: read,
    schema: {
      tags,
      summary: 'List internal audits',
      querystring: auditListQuery,
      response: { 200: listPageSchema(auditSummarySchema), ...errorResponses },
    },
    handler: (request) => audits.list(request.actor, request.query),
  });
  app.get('/api/audits/independence', {
    config: write,
    schema: {
      tags,
      summary: 'Which auditors own controls in a planned scope (the check create and update run)',
      querystring: independenceQuery,
      response: { 200: independenceCheckSchema, ...errorResponses },
    },
    handler: (request) => audits.independence(request.actor, request.query),
  });
  app.post('/api/audits', {
    config: write,
    schema: {
      tags,
      summary: 'Plan an audit; its checklist is generated from the requirements in scope',
      body: auditCreateSchema,
      response: { 201: auditSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await audits.create(request.actor, request.body)),
  });
  app.get('/api/audits/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Read one audit with its checklist and findings',
      params: idParams,
      response: { 200: auditSchema, ...errorResponses },
    },
    handler: (request) => audits.get(request.actor, request.params.id),
  });
  app.patch('/api/audits/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Update a planned or running audit',
      params: idParams,
      body: auditUpdateSchema,
      response: { 200: auditSchema, ...errorResponses },
    },
    handler: (request) => audits.update(request.actor, request.params.id, request.body),
  });
  app.delete('/api/audits/:id', {
    config: { permission: 'records:delete' },
    schema: {
      tags,
      summary: 'Delete an audit that is not completed',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await audits.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/audits/:id/start', {
    config: conduct,
    schema: {
      tags,
      summary: 'Start a planned audit',
      params: idParams,
      response: { 200: auditSchema, ...errorResponses },
    },
    handler: (request) => audits.start(request.actor, request.params.id),
  });
  app.post('/api/audits/:id/cancel', {
    config: write,
    schema: {
      tags,
      summary: 'Cancel an audit that is not completed',
      params: idParams,
      response: { 200: auditSchema, ...errorResponses },
    },
    handler: (request) => audits.cancel(request.actor, request.params.id),
  });
  app.post('/api/audits/:id/complete', {
    config: conduct,
    schema: {
      tags,
      summary: 'Complete an audit: every checklist item has a result, and a conclusion is written',
      params: idParams,
      body: completeSchema,
      response: { 200: auditSchema, ...errorResponses },
    },
    handler: (request) => audits.complete(request.actor, request.params.id, request.body),
  });

  checklistRoutes(app, audits);
}
