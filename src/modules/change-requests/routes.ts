import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { assignResultSchema } from '../training/assignment-schema.js';
import { assignTrainingSchema } from '../training/trigger-schema.js';
import { signoffRulesSchema } from './rules.js';
import {
  changeCreateSchema,
  changeListQuery,
  changeSchema,
  changeUpdateSchema,
  implementSchema,
  signoffInputSchema,
} from './schema.js';
import type { ChangeRequestsService } from './service.js';

const tags = ['Change requests'];

export function changeRequestRoutes(app: ZodApp, changes: ChangeRequestsService): void {
  app.get('/api/change-requests/settings', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Which sign-offs each kind of change needs',
      response: { 200: signoffRulesSchema, ...errorResponses },
    },
    handler: (request) => changes.rules(request.actor),
  });
  app.put('/api/change-requests/settings', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Set the sign-off rules (per change type, risk tier and materiality) and separation of duties',
      body: signoffRulesSchema,
      response: { 200: signoffRulesSchema, ...errorResponses },
    },
    handler: (request) => changes.setRules(request.actor, request.body),
  });
  registerCrudRoutes(app, {
    path: '/api/change-requests',
    tag: 'Change requests',
    entity: 'change request',
    schemas: {
      item: changeSchema,
      create: changeCreateSchema,
      update: changeUpdateSchema,
      query: changeListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: changes,
  });
  app.post('/api/change-requests/:id/submit', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Submit for sign-off: the rules in force fix who must sign',
      params: idParams,
      response: { 200: changeSchema, ...errorResponses },
    },
    handler: (request) => changes.submit(request.actor, request.params.id),
  });
  app.post('/api/change-requests/:id/signoffs', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Approve or reject one required sign-off, as its holder',
      description: 'The requester cannot sign when separation of duties is on; a rejection needs a comment.',
      params: idParams,
      body: signoffInputSchema,
      response: { 200: changeSchema, ...errorResponses },
    },
    handler: (request) => changes.sign(request.actor, request.params.id, request.body),
  });
  app.post('/api/change-requests/:id/implement', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record an approved change as implemented',
      description:
        'A material change makes the system’s impact assessment due within 30 days and flags its risks for review.',
      params: idParams,
      body: implementSchema,
      response: { 200: changeSchema, ...errorResponses },
    },
    handler: (request) => changes.implement(request.actor, request.params.id, request.body),
  });
  app.post('/api/change-requests/:id/assign-training', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Assign a course to the people a change concerns',
      params: idParams,
      body: assignTrainingSchema,
      response: { 200: assignResultSchema, ...errorResponses },
    },
    handler: (request) => changes.assignTraining(request.actor, request.params.id, request.body),
  });
  app.get('/api/change-requests/:id/flagged-risks', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Risks this change flagged for review',
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({ riskId: z.string(), title: z.string(), reason: z.string(), raisedAt: z.string() }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: (request) => changes.flaggedRisks(request.actor, request.params.id),
  });
}
