import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import {
  issueCreateSchema,
  issueListQuery,
  issueSchema,
  issueUpdateSchema,
  partyCreateSchema,
  partyListQuery,
  partySchema,
  partyUpdateSchema,
  scopeInputSchema,
  scopeSchema,
  scopeVersionSchema,
  versionParams,
} from './schema.js';
import type { ScopeService } from './service.js';

export function scopeRoutes(app: ZodApp, scope: ScopeService): void {
  const tags = ['Scope and context'];

  app.get('/api/scope', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The current AIMS scope statement and context counts',
      response: { 200: scopeSchema, ...errorResponses },
    },
    handler: (request) => scope.current(request.actor),
  });

  app.put('/api/scope', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Revise the scope statement (creates a new version)',
      body: scopeInputSchema,
      response: { 201: scopeVersionSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await scope.revise(request.actor, request.body)),
  });

  app.get('/api/scope/versions', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Every version of the scope statement, newest first',
      response: { 200: z.object({ items: z.array(scopeVersionSchema) }), ...errorResponses },
    },
    handler: (request) => scope.versions(request.actor),
  });

  app.get('/api/scope/versions/:version', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One version of the scope statement',
      params: versionParams,
      response: { 200: scopeVersionSchema, ...errorResponses },
    },
    handler: (request) => scope.version(request.actor, request.params.version),
  });

  registerCrudRoutes(app, {
    path: '/api/scope/issues',
    tag: 'Scope and context',
    entity: 'context issue',
    schemas: {
      item: issueSchema,
      create: issueCreateSchema,
      update: issueUpdateSchema,
      query: issueListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: scope.issues,
  });

  registerCrudRoutes(app, {
    path: '/api/scope/interested-parties',
    tag: 'Scope and context',
    entity: 'interested party',
    schemas: {
      item: partySchema,
      create: partyCreateSchema,
      update: partyUpdateSchema,
      query: partyListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: scope.parties,
  });
}
