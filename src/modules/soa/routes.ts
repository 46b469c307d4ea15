import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../shared/actor.js';
import { CONTENT_TYPES, renderSoa } from './export/index.js';
import {
  approveSchema,
  diffQuery,
  diffSchema,
  type ExportFormat,
  exportQuery,
  rowParams,
  rowUpdateSchema,
  soaQuery,
  soaRowSchema,
  soaSchema,
  soaVersionSchema,
  soaVersionSummarySchema,
  versionParams,
} from './schema.js';
import type { SoaService } from './service.js';

export async function exportSoa(
  db: Db,
  soa: SoaService,
  actor: Actor,
  frameworkId: string,
  format: ExportFormat,
  version?: number,
) {
  const source = await soa.forExport(actor, frameworkId, version);
  return { ...(await renderSoa(db.kysely, source, format)), contentType: CONTENT_TYPES[format] };
}

export function soaRoutes(app: ZodApp, soa: SoaService, db: Db): void {
  const tags = ['Statement of Applicability'];
  app.get('/api/soa', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The working draft: one row per Annex A control',
      querystring: soaQuery,
      response: { 200: soaSchema, ...errorResponses },
    },
    handler: (request) => soa.draft(request.actor, request.query.frameworkId),
  });
  app.patch('/api/soa/rows/:ref', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Decide one row: applicable or excluded, with its justification',
      params: rowParams,
      querystring: soaQuery,
      body: rowUpdateSchema,
      response: { 200: soaRowSchema, ...errorResponses },
    },
    handler: (request) =>
      soa.updateRow(request.actor, request.query.frameworkId, request.params.ref, request.body),
  });
  app.get('/api/soa/versions', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Approved versions, newest first',
      querystring: soaQuery,
      response: { 200: z.object({ items: z.array(soaVersionSummarySchema) }), ...errorResponses },
    },
    handler: (request) => soa.versions(request.actor, request.query.frameworkId),
  });
  app.post('/api/soa/versions', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Approve the working draft into a frozen version',
      body: approveSchema,
      response: { 201: soaVersionSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await soa.approve(request.actor, request.body.frameworkId, request.body.changelog)),
  });
  app.get('/api/soa/versions/:version', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'One approved version',
      params: versionParams,
      querystring: soaQuery,
      response: { 200: soaVersionSchema, ...errorResponses },
    },
    handler: (request) => soa.version(request.actor, request.query.frameworkId, request.params.version),
  });
  app.get('/api/soa/diff', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'What changed between two versions, or between a version and the draft',
      querystring: diffQuery,
      response: { 200: diffSchema, ...errorResponses },
    },
    handler: (request) =>
      soa.diff(request.actor, request.query.frameworkId, request.query.from, request.query.to),
  });
  app.get('/api/soa/versions/:version/export', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Export an approved version as XLSX, DOCX, PDF or CSV',
      params: versionParams,
      querystring: exportQuery,
      response: { ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await exportSoa(
        db,
        soa,
        request.actor,
        request.query.frameworkId,
        request.query.format,
        request.params.version,
      );
      return sendFile(reply, file);
    },
  });
  app.get('/api/soa/export', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Export the latest approved version, or the draft marked DRAFT when none is approved',
      querystring: exportQuery,
      response: { ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await exportSoa(db, soa, request.actor, request.query.frameworkId, request.query.format);
      return sendFile(reply, file);
    },
  });
}
