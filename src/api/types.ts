import type {} from '@fastify/cookie';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '../modules/auth/permissions.js';
import type { Actor } from '../modules/shared/actor.js';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares the one permission it needs; the auth hook refuses routes without one. */
    permission?: Permission;
    /** The route also accepts a calendar feed token in `?token=` (calendar apps cannot send headers). */
    calendarFeed?: boolean;
  }
  interface FastifyInstance {
    /** Every registered route and the permission it declares (for the authorisation matrix and docs). */
    routeTable: Array<{ method: string; url: string; permission: string }>;
  }
  interface FastifyRequest {
    actor: Actor;
    sessionId?: string;
  }
}
