import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from '../../api/auth-hook.js';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { AppError } from '../../lib/errors.js';
import type { AuthService } from './service.js';

const meSchema = z
  .object({
    userId: z.string().nullable(),
    personId: z.string().nullable(),
    email: z.string(),
    role: z.string(),
    via: z.enum(['session', 'token', 'system']),
    csrfToken: z.string().optional(),
  })
  .meta({ id: 'CurrentUser' });

export async function authRoutes(
  app: ZodApp,
  auth: AuthService,
  options: { sessionTtlMs: number; loginRateLimitPerMinute: number },
): Promise<void> {
  await app.register(rateLimit, { global: false });

  app.post('/api/auth/login', {
    config: {
      permission: 'public',
      rateLimit: {
        max: options.loginRateLimitPerMinute,
        timeWindow: '1 minute',
        errorResponseBuilder: (_request, context) =>
          new AppError(
            429,
            'rate_limited',
            `Too many sign-in attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
          ),
      },
    },
    schema: {
      tags: ['Auth'],
      summary: 'Sign in with email and password; sets the session cookie',
      body: z
        .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
        .strict(),
      response: { 200: meSchema, ...errorResponses, 429: errorResponses[400] },
    },
    handler: async (request, reply) => {
      const { token, csrfToken, actor } = await auth.login(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        signed: true,
        maxAge: Math.floor(options.sessionTtlMs / 1000),
      });
      return {
        userId: actor.userId,
        personId: actor.personId,
        email: actor.label,
        role: actor.role,
        via: 'session' as const,
        csrfToken,
      };
    },
  });

  app.post('/api/auth/logout', {
    config: { permission: 'self' },
    schema: { tags: ['Auth'], summary: 'End the current session', response: { ...errorResponses } },
    handler: async (request, reply) => {
      if (request.sessionId) await auth.logout(request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(undefined as never);
    },
  });

  app.get('/api/auth/me', {
    config: { permission: 'self' },
    schema: {
      tags: ['Auth'],
      summary: `Who is calling; for cookie sessions, also the ${CSRF_HEADER} value`,
      response: { 200: meSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { actor } = request;
      const session = request.sessionId ? await auth.csrfForSession(request.sessionId) : undefined;
      return {
        userId: actor.userId,
        personId: actor.personId,
        email: actor.label,
        role: actor.role,
        via: actor.type === 'user' ? ('session' as const) : actor.type,
        ...(session ? { csrfToken: session } : {}),
      };
    },
  });
}
