import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { OUTCOMES } from '../../monitoring/engine/evaluate.js';
import { listPageSchema } from '../shared/list.js';
import {
  dryRunNewSchema,
  dryRunResultSchema,
  dryRunSchema,
  exclusionCreateSchema,
  exclusionParams,
  exclusionSchema,
  resultSchema,
  runSummarySchema,
  testCreateSchema,
  testDetailSchema,
  testIdParams,
  testListQuery,
  testSchema,
  testUpdateSchema,
  versionSchema,
} from './schema.js';
import type { TestsService } from './service.js';

const tags = ['Tests'];

export function testRoutes(app: ZodApp, tests: TestsService): void {
  app.get('/api/tests', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'List automated tests (filters: status, severity, framework, control, owner, enabled)',
      querystring: testListQuery,
      response: { 200: listPageSchema(testSchema), ...errorResponses },
    },
    handler: (request) => tests.list(request.actor, request.query),
  });
  app.post('/api/tests', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Create a custom test (the CEL condition is compiled on save)',
      body: testCreateSchema,
      response: { 201: testSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await tests.create(request.actor, request.body)),
  });
  app.post('/api/tests/dry-run', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Evaluate a new definition against current resources without saving',
      body: dryRunNewSchema,
      response: { 200: dryRunResultSchema, ...errorResponses },
    },
    handler: (request) => tests.dryRun(request.actor, null, request.body),
  });
  app.get('/api/tests/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One test with its failing resources and recent runs',
      params: testIdParams,
      response: { 200: testDetailSchema, ...errorResponses },
    },
    handler: (request) => tests.get(request.actor, request.params.id),
  });
  app.patch('/api/tests/:id', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Edit a test (creates a new version)',
      params: testIdParams,
      body: testUpdateSchema,
      response: { 200: testSchema, ...errorResponses },
    },
    handler: (request) => tests.update(request.actor, request.params.id, request.body),
  });
  app.delete('/api/tests/:id', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Delete a custom test',
      params: testIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await tests.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/tests/:id/results', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Current result per resource',
      params: testIdParams,
      querystring: z.object({ outcome: z.enum(OUTCOMES).optional() }).strict(),
      response: { 200: z.array(resultSchema), ...errorResponses },
    },
    handler: (request) => tests.results(request.actor, request.params.id, request.query.outcome),
  });
  app.get('/api/tests/:id/versions', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Every version of the test definition',
      params: testIdParams,
      response: { 200: z.array(versionSchema), ...errorResponses },
    },
    handler: (request) => tests.versions(request.actor, request.params.id),
  });
  app.post('/api/tests/:id/run', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Run the test now over every resource of its type',
      params: testIdParams,
      response: { 200: runSummarySchema, ...errorResponses },
    },
    handler: (request) => tests.run(request.actor, request.params.id),
  });
  app.post('/api/tests/:id/dry-run', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Evaluate the test (optionally with changed fields) without saving',
      params: testIdParams,
      body: dryRunSchema.optional(),
      response: { 200: dryRunResultSchema, ...errorResponses },
    },
    handler: (request) => tests.dryRun(request.actor, request.params.id, request.body ?? {}),
  });
  app.get('/api/tests/:id/exclusions', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Resources excluded from the test, with reason, who and expiry',
      params: testIdParams,
      response: { 200: z.array(exclusionSchema), ...errorResponses },
    },
    handler: (request) => tests.exclusions(request.actor, request.params.id),
  });
  app.post('/api/tests/:id/exclusions', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Exclude a resource from the test',
      params: testIdParams,
      body: exclusionCreateSchema,
      response: { 201: exclusionSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await tests.exclude(request.actor, request.params.id, request.body)),
  });
  app.delete('/api/tests/:id/exclusions/:exclusionId', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Revoke an exclusion',
      params: exclusionParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await tests.revokeExclusion(request.actor, request.params.id, request.params.exclusionId);
      return reply.status(204).send(null);
    },
  });
}
