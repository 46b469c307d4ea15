import { z } from 'zod';
import { requiredName, timestampsShape } from '../shared/fields.js';

const eventPattern = z
  .string()
  .regex(/^(\*|[a-z_]+\.(\*|create|update|delete))$/, 'an event such as policy.update, incident.*, or *');

export const webhookCreateSchema = z
  .object({
    name: requiredName(),
    url: z.url('must be an http(s) URL').refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
    events: z.array(eventPattern).min(1).max(50),
    active: z.boolean().optional(),
  })
  .strict();
export const webhookUpdateSchema = webhookCreateSchema.partial().strict();

export const webhookSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    deliveries: z.object({
      pending: z.number().int(),
      delivered: z.number().int(),
      failed: z.number().int(),
    }),
  })
  .meta({ id: 'Webhook' });

export const webhookCreatedSchema = webhookSchema
  .extend({ secret: z.string().describe('The signing secret: shown this once, never again.') })
  .meta({ id: 'WebhookCreated' });

export const deliverySchema = z
  .object({
    id: z.string(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

export type WebhookCreate = z.infer<typeof webhookCreateSchema>;
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;
export type Webhook = z.infer<typeof webhookSchema>;
