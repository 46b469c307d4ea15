import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import {
  certificationInputSchema,
  certificationReadinessSchema,
  certificationSchema,
  externalAuditInputSchema,
  externalAuditParams,
  externalAuditSchema,
  externalAuditUpdateSchema,
} from './schema.js';
import type { CertificationService } from './service.js';

const tags = ['Certification'];

export function certificationRoutes(app: ZodApp, certification: CertificationService): void {
  app.get('/api/certification', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The certificate, its three-year cycle of external audits and what prepares each of them',
      response: { 200: certificationSchema, ...errorResponses },
    },
    handler: (request) => certification.get(request.actor),
  });
  app.put('/api/certification', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Record the certification body, certificate number and dates',
      description:
        'The first time an issue date is recorded, surveillance audits 1 and 2 and the recertification audit are planned from it.',
      body: certificationInputSchema,
      response: { 200: certificationSchema, ...errorResponses },
    },
    handler: (request) => certification.save(request.actor, request.body),
  });
  app.post('/api/certification/cycle', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Plan the standard surveillance and recertification audits still missing from the cycle',
      response: { 200: certificationSchema, ...errorResponses },
    },
    handler: (request) => certification.planCycle(request.actor),
  });
  app.get('/api/certification/readiness', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Readiness checklist for the next external audit, computed live',
      response: { 200: certificationReadinessSchema, ...errorResponses },
    },
    handler: (request) => certification.readiness(request.actor),
  });
  app.post('/api/certification/external-audits', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Plan an external audit (stage 1 or 2, surveillance, recertification)',
      body: externalAuditInputSchema,
      response: { 201: externalAuditSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await certification.addExternalAudit(request.actor, request.body)),
  });
  app.patch('/api/certification/external-audits/:auditId', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Re-plan an external audit or record its result',
      params: externalAuditParams,
      body: externalAuditUpdateSchema,
      response: { 200: externalAuditSchema, ...errorResponses },
    },
    handler: (request) =>
      certification.updateExternalAudit(request.actor, request.params.auditId, request.body),
  });
  app.delete('/api/certification/external-audits/:auditId', {
    config: { permission: 'aims:configure' },
    schema: {
      tags,
      summary: 'Remove an external audit from the plan',
      params: externalAuditParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await certification.removeExternalAudit(request.actor, request.params.auditId);
      return reply.status(204).send(null);
    },
  });
}
