import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { idParams } from '../shared/fields.js';
import {
  deliverySchema,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookSchema,
  webhookUpdateSchema,
} from './schema.js';
import type { WebhooksService } from './service.js';

const tags = ['Webhooks'];
const permission = { permission: 'aims:configure' as const };

export function webhookRoutes(app: ZodApp, webhooks: WebhooksService): void {
  app.get('/api/webhooks', {
    config: permission,
    schema: {
      tags,
      summary: 'Outgoing webhooks',
      response: { 200: z.object({ items: z.array(webhookSchema) }), ...errorResponses },
    },
    handler: (request) => webhooks.list(request.actor),
  });
  app.post('/api/webhooks', {
    config: permission,
    schema: {
      tags,
      summary: 'Subscribe a URL to trail events (e.g. policy.update, incident.*)',
      description:
        'Each delivery is a JSON POST signed with HMAC-SHA256: X-OpenAIMS-Signature = sha256=hex(HMAC(secret, "<X-OpenAIMS-Timestamp>.<body>")). Failed deliveries retry with backoff (30 s, 2 min, 8 min… up to 8 attempts).',
      body: webhookCreateSchema,
      response: { 201: webhookCreatedSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await webhooks.create(request.actor, request.body)),
  });
  app.get('/api/webhooks/:id', {
    config: permission,
    schema: {
      tags,
      summary: 'One webhook',
      params: idParams,
      response: { 200: webhookSchema, ...errorResponses },
    },
    handler: (request) => webhooks.get(request.actor, request.params.id),
  });
  app.patch('/api/webhooks/:id', {
    config: permission,
    schema: {
      tags,
      summary: 'Change a webhook',
      params: idParams,
      body: webhookUpdateSchema,
      response: { 200: webhookSchema, ...errorResponses },
    },
    handler: (request) => webhooks.update(request.actor, request.params.id, request.body),
  });
  app.delete('/api/webhooks/:id', {
    config: permission,
    schema: {
      tags,
      summary: 'Remove a webhook and its delivery log',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await webhooks.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/webhooks/:id/deliveries', {
    config: permission,
    schema: {
      tags,
      summary: 'The latest 100 deliveries with their attempts and errors',
      params: idParams,
      response: { 200: z.object({ items: z.array(deliverySchema) }), ...errorResponses },
    },
    handler: (request) => webhooks.deliveries(request.actor, request.params.id),
  });
  app.post('/api/webhooks/:id/ping', {
    config: permission,
    schema: {
      tags,
      summary: 'Send a signed ping now and report how it went',
      params: idParams,
      response: { 200: deliverySchema.optional(), ...errorResponses },
    },
    handler: (request) => webhooks.ping(request.actor, request.params.id),
  });
}
