import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import {
  assignmentListQuery,
  assignmentSchema,
  assignResultSchema,
  completeBodySchema,
  completionSchema,
  myAssignmentSchema,
  myAssignmentsQuery,
} from './assignment-schema.js';
import { renderCompetence } from './competence-export.js';
import { competenceQuery, competenceSchema } from './competence-schema.js';
import {
  assignBodySchema,
  courseCreateSchema,
  courseListQuery,
  courseSchema,
  courseTemplateItemSchema,
  courseUpdateSchema,
} from './course-schema.js';
import type { TrainingService } from './service.js';

const tags = ['Training'];

export function trainingRoutes(app: ZodApp, training: TrainingService): void {
  registerCrudRoutes(app, {
    path: '/api/courses',
    tag: 'Training',
    entity: 'course',
    schemas: {
      item: courseSchema,
      create: courseCreateSchema,
      update: courseUpdateSchema,
      query: courseListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: training.courses,
  });

  app.post('/api/courses/:id/assign', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Assign a course to named people and/or its audience (open assignments are kept, not doubled)',
      params: idParams,
      body: assignBodySchema,
      response: { 200: assignResultSchema, ...errorResponses },
    },
    handler: (request) => training.courses.assign(request.actor, request.params.id, request.body),
  });

  app.get('/api/course-templates', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The starter course library a course can be created from',
      response: { 200: z.object({ items: z.array(courseTemplateItemSchema) }), ...errorResponses },
    },
    handler: (request) => training.courses.templates(request.actor),
  });

  app.get('/api/course-templates/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Read one course template (id is its content slug)',
      params: idParams,
      response: { 200: courseTemplateItemSchema, ...errorResponses },
    },
    handler: (request) => training.courses.template(request.actor, request.params.id),
  });

  app.get('/api/training-assignments', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'List training assignments',
      querystring: assignmentListQuery,
      response: { 200: listPageSchema(assignmentSchema), ...errorResponses },
    },
    handler: (request) => training.assignments.list(request.actor, request.query),
  });

  // Before /:id, so "mine" is never read as an id.
  app.get('/api/training-assignments/mine', {
    config: { permission: 'self' },
    schema: {
      tags,
      summary: 'The caller’s own training assignments, with the course material',
      querystring: myAssignmentsQuery,
      response: { 200: listPageSchema(myAssignmentSchema), ...errorResponses },
    },
    handler: (request) => training.assignments.mine(request.actor, request.query),
  });

  app.get('/api/training-assignments/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Read one training assignment',
      params: idParams,
      response: { 200: assignmentSchema, ...errorResponses },
    },
    handler: (request) => training.assignments.get(request.actor, request.params.id),
  });

  app.post('/api/training-assignments/:id/complete', {
    config: { permission: 'self' },
    schema: {
      tags,
      summary: 'Record completion: the assignee for themselves, or an admin or manager for anyone',
      params: idParams,
      body: completeBodySchema,
      response: { 200: completionSchema, ...errorResponses },
    },
    handler: (request) => training.assignments.complete(request.actor, request.params.id, request.body),
  });

  app.get('/api/people/:id/competence', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'A person’s competence record (JSON, or a CSV or XLSX download)',
      params: idParams,
      querystring: competenceQuery,
      response: { 200: competenceSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const record = await training.competence.record(request.actor, request.params.id);
      if (request.query.format === 'json') return record;
      const file = await renderCompetence(record, request.query.format);
      return sendFile(reply, file);
    },
  });
}
