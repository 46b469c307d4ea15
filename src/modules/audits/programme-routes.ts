import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import {
  coverageSchema,
  programmeCreateSchema,
  programmeListQuery,
  programmeSchema,
  programmeUpdateSchema,
} from './programme-schema.js';
import type { ProgrammeService } from './programme-service.js';

const tags = ['Internal audits'];

export function programmeRoutes(app: ZodApp, programmes: ProgrammeService): void {
  registerCrudRoutes(app, {
    path: '/api/audit-programmes',
    tag: 'Internal audits',
    entity: 'audit programme',
    schemas: {
      item: programmeSchema,
      create: programmeCreateSchema,
      update: programmeUpdateSchema,
      query: programmeListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: programmes,
  });
  app.post('/api/audit-programmes/:id/approve', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Approve a draft audit programme (records who approved it and when)',
      params: idParams,
      response: { 200: programmeSchema, ...errorResponses },
    },
    handler: (request) => programmes.approve(request.actor, request.params.id),
  });
  app.post('/api/audit-programmes/:id/close', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Close an approved programme at the end of its cycle; it becomes read-only',
      params: idParams,
      response: { 200: programmeSchema, ...errorResponses },
    },
    handler: (request) => programmes.close(request.actor, request.params.id),
  });
  app.get('/api/audit-programmes/:id/coverage', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary:
        'Which clauses and applicable Annex A controls the programme plans and has audited, and the gaps',
      params: idParams,
      response: { 200: coverageSchema, ...errorResponses },
    },
    handler: (request) => programmes.coverage(request.actor, request.params.id),
  });
}
