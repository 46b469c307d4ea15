import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { isoDate } from '../shared/fields.js';
import type { ReadinessService } from './service.js';

const counts = z.object({
  met: z.number().int(),
  partial: z.number().int(),
  not_met: z.number().int(),
  not_applicable: z.number().int(),
});
const readiness = z.object({ percent: z.number(), counts, assessed: z.number().int() });
const frameworkReadiness = readiness
  .extend({
    frameworkId: z.string(),
    name: z.string(),
    groups: z.array(readiness.extend({ ref: z.string(), title: z.string() })),
  })
  .meta({ id: 'FrameworkReadiness' });

export function readinessRoutes(app: ZodApp, service: ReadinessService): void {
  const tags = ['Readiness'];
  app.get('/api/readiness', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary:
        'Live readiness per in-scope framework, overall and per clause / Annex group: (met + ½ partial) / assessed',
      response: { 200: z.object({ items: z.array(frameworkReadiness) }), ...errorResponses },
    },
    handler: (request) => service.current(request.actor),
  });
  app.get('/api/readiness/history', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Stored readiness snapshots (daily and on demand) for trend charts',
      querystring: z
        .object({ frameworkId: z.string().max(100).optional(), since: isoDate().optional() })
        .strict(),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              frameworkId: z.string(),
              takenAt: z.string(),
              day: z.string(),
              trigger: z.enum(['daily', 'manual']),
              percent: z.number(),
              counts,
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: (request) => service.history(request.actor, request.query.frameworkId, request.query.since),
  });
  app.post('/api/readiness/snapshots', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Store a readiness snapshot now',
      response: { 201: z.object({ written: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await service.takeSnapshot(request.actor)),
  });
}
