import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { policyTemplateSchema } from '../../content/policy-templates.js';
import { DOCUMENT_CONTENT_TYPES } from '../../documents/index.js';
import { idParams } from '../shared/fields.js';
import {
  acknowledgementSchema,
  acknowledgementsQuery,
  acknowledgeSchema,
  diffQuery,
  diffSchema,
  exportQuery,
  policyCreateSchema,
  policyListQuery,
  policySchema,
  policyUpdateSchema,
  policyVersionSchema,
  reviewSchema,
  transitionSchema,
  versionParams,
} from './schema.js';
import type { PoliciesService } from './service.js';

const tags = ['Policies'];
const templateSchema = policyTemplateSchema.meta({ id: 'PolicyTemplate' });

export function policyRoutes(app: ZodApp, policies: PoliciesService): void {
  registerCrudRoutes(app, {
    path: '/api/policies',
    tag: 'Policies',
    entity: 'policy',
    schemas: {
      item: policySchema,
      create: policyCreateSchema,
      update: policyUpdateSchema,
      query: policyListQuery,
    },
    // Everyone reads policies; members see only those in force, as published.
    permissions: { read: 'policies:read', write: 'records:write', delete: 'records:delete' },
    handlers: policies,
  });

  app.get('/api/policy-templates', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Policy templates to start from',
      response: { 200: z.object({ items: z.array(templateSchema) }), ...errorResponses },
    },
    handler: (request) => policies.templates(request.actor),
  });
  app.get('/api/policy-templates/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One policy template',
      params: idParams,
      response: { 200: templateSchema, ...errorResponses },
    },
    handler: (request) => policies.template(request.actor, request.params.id),
  });

  app.post('/api/policies/:id/transitions', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Move a policy through draft → in review → approved → published → retired',
      description:
        'Approving, publishing and retiring need aims:configure; whoever sent a text for review cannot approve it. Publishing freezes the text as the next immutable version and asks the audience to acknowledge it.',
      params: idParams,
      body: transitionSchema,
      response: { 200: policySchema, ...errorResponses },
    },
    handler: (request) => policies.transition(request.actor, request.params.id, request.body),
  });
  app.post('/api/policies/:id/reviews', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record a periodic review of the policy in force (restarts its review cadence)',
      params: idParams,
      body: reviewSchema,
      response: { 200: policySchema, ...errorResponses },
    },
    handler: (request) => policies.review(request.actor, request.params.id, request.body),
  });

  app.get('/api/policies/:id/versions', {
    config: { permission: 'policies:read' },
    schema: {
      tags,
      summary: 'Published versions, newest first (immutable)',
      params: idParams,
      response: { 200: z.object({ items: z.array(policyVersionSchema) }), ...errorResponses },
    },
    handler: (request) => policies.versions(request.actor, request.params.id),
  });
  app.get('/api/policies/:id/versions/:version', {
    config: { permission: 'policies:read' },
    schema: {
      tags,
      summary: 'One published version',
      params: versionParams,
      response: { 200: policyVersionSchema, ...errorResponses },
    },
    handler: (request) => policies.version(request.actor, request.params.id, request.params.version),
  });
  app.get('/api/policies/:id/versions/:version/export', {
    config: { permission: 'policies:read' },
    schema: {
      tags,
      summary: 'One published version as a PDF or Word document',
      params: versionParams,
      querystring: exportQuery,
      response: { 200: z.any().describe('The document file.'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format } = request.query;
      const file = await policies.exportVersion(
        request.actor,
        request.params.id,
        request.params.version,
        format,
      );
      return sendFile(reply, { ...file, contentType: DOCUMENT_CONTENT_TYPES[format] });
    },
  });
  app.get('/api/policies/:id/diff', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Line diff between two versions, or a version and the working draft',
      params: idParams,
      querystring: diffQuery,
      response: { 200: diffSchema, ...errorResponses },
    },
    handler: (request) =>
      policies.diff(request.actor, request.params.id, request.query.from, request.query.to),
  });

  app.get('/api/policies/:id/acknowledgements', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Who has acknowledged the version in force (or another version)',
      params: idParams,
      querystring: acknowledgementsQuery,
      response: {
        200: z.object({ version: z.number().int().nullable(), items: z.array(acknowledgementSchema) }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const result = await policies.acknowledgements(request.actor, request.params.id, request.query.version);
      const status = request.query.status;
      return status ? { ...result, items: result.items.filter((a) => a.status === status) } : result;
    },
  });
  app.post('/api/policies/:id/acknowledgements', {
    config: { permission: 'policies:read' },
    schema: {
      tags,
      summary: 'Acknowledge the version in force, as yourself',
      params: idParams,
      body: acknowledgeSchema,
      response: { 200: policySchema, ...errorResponses },
    },
    handler: (request) => policies.acknowledge(request.actor, request.params.id, request.body),
  });
}
