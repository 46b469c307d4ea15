import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestMigration } from '../src/db/migrations/index.js';
import { createTestApp, type TestApp } from './support/app.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('is public, lists every API route under /api, and describes problems and records', async () => {
    const response = await t.request('anonymous', 'GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    );
    for (const route of routes)
      expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url}`);
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining(['Problem', 'AiSystem', 'Risk', 'Vendor', 'Dataset', 'Person']),
    );
    const createSystem = spec.paths['/api/ai-systems'].post.requestBody.content['application/json'].schema;
    expect(createSystem.required).toEqual(['name']);
    expect(createSystem.additionalProperties).toBe(false);
  });

  it('reports the database dialect and migration on /api/health without auth', async () => {
    const health = (await t.request('anonymous', 'GET', '/api/health')).json();
    expect(health).toMatchObject({
      status: 'ok',
      database: { dialect: 'sqlite', migration: latestMigration },
    });
  });
});
