import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { DOCUMENT_CONTENT_TYPES } from '../../documents/index.js';
import { idParams } from '../shared/fields.js';
import {
  checklistParams,
  checklistUpdateSchema,
  findingCreateSchema,
  findingSchema,
} from './checklist-schema.js';
import { auditSchema, reportQuery } from './schema.js';
import type { AuditsService } from './service.js';

const tags = ['Internal audits'];
const read = { permission: 'records:read' } as const;
const conduct = { permission: 'audits:conduct' } as const;

/** Working through an audit: checklist results, findings, and the report that comes out of it. */
export function checklistRoutes(app: ZodApp, audits: AuditsService): void {
  app.patch('/api/audits/:id/checklist/:itemId', {
    config: conduct,
    schema: {
      tags,
      summary: 'Record a checklist result, notes and sampled evidence (while the audit is in progress)',
      params: checklistParams,
      body: checklistUpdateSchema,
      response: { 200: auditSchema, ...errorResponses },
    },
    handler: (request) =>
      audits.updateChecklistItem(request.actor, request.params.id, request.params.itemId, request.body),
  });
  app.get('/api/audits/:id/findings', {
    config: read,
    schema: {
      tags,
      summary: "The audit's findings",
      params: idParams,
      response: { 200: z.object({ items: z.array(findingSchema) }), ...errorResponses },
    },
    handler: (request) => audits.findings(request.actor, request.params.id),
  });
  app.post('/api/audits/:id/findings', {
    config: conduct,
    schema: {
      tags,
      summary: 'Record a finding not tied to one checklist item',
      params: idParams,
      body: findingCreateSchema,
      response: { 201: findingSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await audits.addFinding(request.actor, request.params.id, request.body)),
  });
  app.get('/api/audits/:id/report', {
    config: read,
    schema: {
      tags,
      summary: 'The audit report as PDF or Word',
      params: idParams,
      querystring: reportQuery,
      response: { 200: z.any().describe('The document file.'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format } = request.query;
      const file = await audits.report(request.actor, request.params.id, format);
      return sendFile(reply, { ...file, contentType: DOCUMENT_CONTENT_TYPES[format] });
    },
  });
}
