import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../version.js';
import { SESSION_COOKIE } from './auth-hook.js';
import type { ZodApp } from './types.js';

export async function registerOpenApi(app: ZodApp): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenAIMS API',
        version: VERSION,
        description:
          'The API of OpenAIMS, a self-hosted ISO/IEC 42001 AI management system. Errors are RFC 9457 problem+json.',
        license: { name: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token from POST /api/tokens or `openaims token create`.',
          },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', {
    config: { permission: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
}
