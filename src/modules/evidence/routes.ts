import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponses, registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { ValidationError } from '../../lib/errors.js';
import { idParams, isoDate, isoDateTime } from '../shared/fields.js';
import {
  evidenceCreateSchema,
  evidenceListQuery,
  evidenceSchema,
  evidenceUpdateSchema,
  versionCreateSchema,
  versionParams,
  versionSchema,
} from './schema.js';
import type { EvidenceService } from './service.js';

const uploadFields = z
  .object({
    collectedAt: isoDateTime().optional(),
    validUntil: isoDate().optional(),
  })
  .strict();

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ field: key, message: 'unknown field' }))
        : [{ field: issue.path.join('.') || 'body', message: issue.message }],
    ),
  );
}

/** Multipart: form fields (collectedAt, validUntil) first, then one `file` part, streamed to the blob store. */
async function readUpload(request: FastifyRequest) {
  const part = await request.file();
  if (!part) throw ValidationError.field('file', 'send one file part');
  const fields = Object.fromEntries(
    Object.entries(part.fields)
      .filter(([name]) => name !== part.fieldname)
      .map(([name, field]) => [name, (field as { value?: unknown }).value]),
  );
  return { part, meta: parseOrThrow(uploadFields, fields) };
}

export async function evidenceRoutes(
  app: ZodApp,
  evidence: EvidenceService,
  maxUploadBytes: number,
): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000 },
  });
  const tags = ['Evidence'];

  registerCrudRoutes(app, {
    path: '/api/evidence',
    tag: 'Evidence',
    entity: 'evidence item',
    schemas: {
      item: evidenceSchema,
      create: evidenceCreateSchema,
      update: evidenceUpdateSchema,
      query: evidenceListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: evidence,
  });

  app.get('/api/evidence/:id/versions', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Every version of an evidence item, newest first',
      params: idParams,
      response: { 200: z.object({ items: z.array(versionSchema) }), ...errorResponses },
    },
    handler: (request) => evidence.versions(request.actor, request.params.id),
  });

  app.post('/api/evidence/:id/versions', {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary:
        'Add a version: multipart/form-data with a `file` part (after any collectedAt/validUntil fields) for files, JSON for links and notes',
      params: idParams,
      response: { 201: evidenceSchema, ...errorResponses, 413: errorResponses[400] },
    },
    handler: async (request, reply) => {
      if (request.isMultipart()) {
        const { part, meta } = await readUpload(request);
        const result = await evidence.upload(
          request.actor,
          request.params.id,
          { stream: part.file, filename: part.filename, contentType: part.mimetype },
          meta,
        );
        return reply.status(201).send(result);
      }
      const body = parseOrThrow(versionCreateSchema, request.body ?? {});
      return reply.status(201).send(await evidence.addVersion(request.actor, request.params.id, body));
    },
  });

  app.get('/api/evidence/:id/versions/:version/download', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Download the file of one version, with its original name and content type',
      params: versionParams,
      response: { ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await evidence.download(request.actor, request.params.id, request.params.version);
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.sizeBytes))
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('x-content-sha256', file.sha256)
        .send(file.stream as never);
    },
  });
}
