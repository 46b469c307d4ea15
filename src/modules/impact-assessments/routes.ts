import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { impactTemplateSchema } from '../../content/impact-templates.js';
import { DOCUMENT_CONTENT_TYPES } from '../../documents/index.js';
import { idParams } from '../shared/fields.js';
import {
  assessmentCreateSchema,
  assessmentListQuery,
  assessmentSchema,
  assessmentTransitionSchema,
  assessmentUpdateSchema,
  exportQuery,
  systemStatusQuery,
  systemStatusSchema,
} from './schema.js';
import type { ImpactAssessmentsService } from './service.js';

const tags = ['Impact assessments'];
const templateSchema = impactTemplateSchema.meta({ id: 'ImpactAssessmentTemplate' });

export function impactAssessmentRoutes(app: ZodApp, assessments: ImpactAssessmentsService): void {
  app.get('/api/impact-assessments/systems', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Where each AI system stands: missing, current, due or overdue for (re-)assessment',
      querystring: systemStatusQuery,
      response: { 200: z.object({ items: z.array(systemStatusSchema) }), ...errorResponses },
    },
    handler: (request) => assessments.systems(request.actor, request.query),
  });
  registerCrudRoutes(app, {
    path: '/api/impact-assessments',
    tag: 'Impact assessments',
    entity: 'impact assessment',
    schemas: {
      item: assessmentSchema,
      create: assessmentCreateSchema,
      update: assessmentUpdateSchema,
      query: assessmentListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: assessments,
  });
  app.post('/api/impact-assessments/:id/transitions', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Send for review (every required question answered), return to draft, or approve',
      description:
        'Approving needs aims:configure and someone other than who sent it for review; it supersedes the previous approved version.',
      params: idParams,
      body: assessmentTransitionSchema,
      response: { 200: assessmentSchema, ...errorResponses },
    },
    handler: (request) => assessments.transition(request.actor, request.params.id, request.body),
  });
  app.get('/api/impact-assessments/:id/export', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One assessment version as a PDF or Word document',
      params: idParams,
      querystring: exportQuery,
      response: { 200: z.any().describe('The document file.'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format } = request.query;
      const file = await assessments.export(request.actor, request.params.id, format);
      return sendFile(reply, { ...file, contentType: DOCUMENT_CONTENT_TYPES[format] });
    },
  });
  app.get('/api/impact-assessment-templates', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Questionnaire templates',
      response: { 200: z.object({ items: z.array(templateSchema) }), ...errorResponses },
    },
    handler: (request) => assessments.templates(request.actor),
  });
  app.get('/api/impact-assessment-templates/:id', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One questionnaire template',
      params: idParams,
      response: { 200: templateSchema, ...errorResponses },
    },
    handler: (request) => assessments.template(request.actor, request.params.id),
  });
}
