import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { ZodApp } from './types.js';

// web/dist sits at the package root, whether this file runs from src/ (tests) or dist/ (built).
const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_ROOT = [path.resolve(here, '../../web/dist'), path.resolve(here, '../../../web/dist')].find(
  (dir) => existsSync(path.join(dir, 'index.html')),
);

/**
 * Serves the built web application at `/` (the API stays under `/api`). Client-side routes such as
 * /ai-systems fall back to index.html; without a build, `/` points to the API docs instead.
 */
export async function registerWebUi(app: ZodApp): Promise<boolean> {
  if (!WEB_ROOT) {
    app.get('/', {
      config: { permission: 'public' },
      schema: { hide: true },
      handler: (_request, reply) => reply.redirect('/api/docs'),
    });
    return false;
  }
  await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', wildcard: false, index: 'index.html' });
  return true;
}
