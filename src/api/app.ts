import cookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { authHook } from './auth-hook.js';
import { registerOpenApi } from './openapi.js';
import { problem, sendProblem, toProblem } from './problem.js';
import { registerRoutes } from './routes.js';
import type { ZodApp } from './types.js';
import { WEB_ROOT } from './web-ui.js';

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
}

/** Builds the HTTP API over an opened context; the caller decides whether to listen or to inject. */
export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<ZodApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: context.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>() as unknown as ZodApp;

  // The API speaks JSON only; other media types get a 415 instead of reaching validation as strings.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null as never);

  // A route without a declared permission is a programming error: refuse to start.
  const routeTable: Array<{ method: string; url: string; permission: string }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission: '' });
    }
    // The docs UI and the web application's static files are public; every API route declares its own.
    if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api')) {
      route.config = { ...(route.config as object), permission: 'public' };
    } else if (!(route.config as { permission?: string } | undefined)?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
    for (const entry of routeTable.filter((r) => r.url === route.url)) {
      entry.permission = (route.config as { permission: string }).permission;
    }
  });

  await app.register(cookie, { secret: context.secret });
  app.addHook('onRequest', authHook(context.services.auth));

  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, 'unhandled error');
    const retryAfter = reply.getHeader('retry-after');
    if (error instanceof AppError && error.status === 429 && !retryAfter) reply.header('retry-after', '60');
    return sendProblem(reply, request, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes of the web application (e.g. /ai-systems) load its index page.
    if (request.method === 'GET' && !path.startsWith('/api') && WEB_ROOT && !path.includes('.')) {
      return reply.sendFile('index.html');
    }
    return sendProblem(
      reply,
      request,
      problem(404, 'route_not_found', `No route ${request.method} ${path}.`),
    );
  });

  await registerOpenApi(app);
  await registerRoutes(app, context);
  return app;
}
