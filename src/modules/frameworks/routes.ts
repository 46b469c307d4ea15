import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import {
  confirmationSchema,
  frameworkParams,
  frameworkSchema,
  frameworkUpdateSchema,
  requirementDetailSchema,
  requirementParams,
  requirementTreeSchema,
} from './schema.js';
import type { FrameworksService } from './service.js';

export function frameworkRoutes(app: ZodApp, frameworks: FrameworksService): void {
  const tags = ['Frameworks'];
  app.get('/api/frameworks', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The framework catalogues and whether each is in scope',
      response: { 200: z.object({ items: z.array(frameworkSchema) }), ...errorResponses },
    },
    handler: (request) => frameworks.list(request.actor),
  });
  app.get('/api/frameworks/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One framework',
      params: frameworkParams,
      response: { 200: frameworkSchema, ...errorResponses },
    },
    handler: (request) => frameworks.get(request.actor, request.params.id),
  });
  app.patch('/api/frameworks/:id', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Put a framework in or out of scope (in scope adopts its library controls)',
      params: frameworkParams,
      body: frameworkUpdateSchema,
      response: { 200: frameworkSchema, ...errorResponses },
    },
    handler: (request) => frameworks.update(request.actor, request.params.id, request.body),
  });
  app.get('/api/frameworks/:id/requirements', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Every requirement in document order, with its live status and cross-framework mappings',
      params: frameworkParams,
      response: { 200: requirementTreeSchema, ...errorResponses },
    },
    handler: (request) => frameworks.requirements(request.actor, request.params.id),
  });
  app.get('/api/frameworks/:id/requirements/:ref', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One requirement and why it has its status (e.g. ref A.6.2.8, 9.2.2, GOVERN 1.1)',
      params: requirementParams,
      response: { 200: requirementDetailSchema, ...errorResponses },
    },
    handler: (request) => frameworks.requirement(request.actor, request.params.id, request.params.ref),
  });
  app.put('/api/frameworks/:id/requirements/:ref/coverage-confirmation', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Confirm that the partially covering controls together cover this requirement',
      params: requirementParams,
      body: confirmationSchema,
      response: { 200: requirementDetailSchema, ...errorResponses },
    },
    handler: (request) =>
      frameworks.confirmCoverage(request.actor, request.params.id, request.params.ref, request.body.note),
  });
  app.delete('/api/frameworks/:id/requirements/:ref/coverage-confirmation', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Withdraw a coverage confirmation',
      params: requirementParams,
      response: { 200: requirementDetailSchema, ...errorResponses },
    },
    handler: (request) =>
      frameworks.confirmCoverage(request.actor, request.params.id, request.params.ref, null),
  });
}
