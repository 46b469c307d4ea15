import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ForbiddenError, UnauthenticatedError } from '../lib/errors.js';
import { roleCan } from '../modules/auth/permissions.js';
import type { AuthService } from '../modules/auth/service.js';

export const SESSION_COOKIE = 'openaims_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

function calendarFeedToken(request: FastifyRequest): string | undefined {
  if (!request.routeOptions.config.calendarFeed) return undefined;
  const token = (request.query as { token?: unknown }).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * Runs on onRequest, before the body is even read: authentication, CSRF for cookie sessions, then the
 * route's declared permission. So a forbidden caller gets 403 whatever the body holds.
 */
export function authHook(auth: AuthService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) {
      // Unknown URLs have no route options; let the not-found handler answer.
      if (!request.routeOptions.url) return;
      throw new AppError(500, 'route_without_permission', 'This route declares no permission.');
    }
    if (permission === 'public') return;

    const feedToken = calendarFeedToken(request);
    const token = feedToken ? undefined : bearerToken(request);
    if (feedToken) {
      const actor = await auth.fromCalendarFeedToken(feedToken);
      if (!actor) throw new UnauthenticatedError('The calendar feed token is unknown or revoked.');
      request.actor = actor;
    } else if (token) {
      const actor = await auth.fromApiToken(token);
      if (!actor) throw new UnauthenticatedError('The API token is unknown, expired or revoked.');
      request.actor = actor;
    } else {
      const raw = request.cookies[SESSION_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      const session =
        unsigned?.valid && unsigned.value ? await auth.fromSessionToken(unsigned.value) : undefined;
      if (!session) {
        if (raw) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new UnauthenticatedError();
      }
      if (!SAFE_METHODS.has(request.method)) {
        const given = request.headers[CSRF_HEADER];
        if (!auth.csrfMatches(session.csrfToken, typeof given === 'string' ? given : undefined)) {
          throw new AppError(
            403,
            'csrf_failed',
            `Cookie-authenticated writes need the ${CSRF_HEADER} header from login.`,
          );
        }
      }
      request.actor = session.actor;
      request.sessionId = session.sessionId;
    }
    if (!roleCan(request.actor.role, permission)) throw new ForbiddenError();
  };
}
