import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/modules/auth/permissions.js';
import { DEFAULT_MATRIX } from '../src/modules/risks/matrix-config.js';
import { DEFAULT_MONITORING_SETTINGS } from '../src/monitoring/settings.js';
import { MATRIX_PARTS } from './authorization/index.js';
import { ADMIN, ALL, type Allowed, CREATORS, EDITORS_OF_OTHERS, READERS } from './authorization/part.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

/**
 * Written out by hand, independently of the permission table in the code: every route the API has must
 * appear here, with the roles that may call it. A new route without an entry fails the first test.
 */
const EXPECTED: Record<string, Allowed> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'GET /api/people': READERS,
  'GET /api/people/:id': READERS,
  'POST /api/people': EDITORS_OF_OTHERS,
  'PATCH /api/people/:id': EDITORS_OF_OTHERS,
  'DELETE /api/people/:id': EDITORS_OF_OTHERS,
  'GET /api/users': ADMIN,
  'GET /api/users/:id': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'DELETE /api/users/:id': ADMIN,
  'GET /api/tokens': CREATORS,
  'GET /api/tokens/:id': CREATORS,
  'POST /api/tokens': CREATORS,
  'DELETE /api/tokens/:id': CREATORS,
  'GET /api/risk-scenarios': READERS,
  'GET /api/risk-scenarios/:id': READERS,
  'GET /api/risks/matrix': READERS,
  'GET /api/risks/matrix-config': READERS,
  'PUT /api/risks/matrix-config': EDITORS_OF_OTHERS,
  'GET /api/scope': READERS,
  'PUT /api/scope': EDITORS_OF_OTHERS,
  'GET /api/scope/versions': READERS,
  'GET /api/scope/versions/:version': READERS,
  'GET /api/trail': READERS,
  'GET /api/trail/verify': READERS,
  'GET /api/frameworks': READERS,
  'GET /api/frameworks/:id': READERS,
  'PATCH /api/frameworks/:id': EDITORS_OF_OTHERS,
  'GET /api/frameworks/:id/requirements': READERS,
  'GET /api/frameworks/:id/requirements/:ref': READERS,
  'PUT /api/frameworks/:id/requirements/:ref/coverage-confirmation': EDITORS_OF_OTHERS,
  'DELETE /api/frameworks/:id/requirements/:ref/coverage-confirmation': EDITORS_OF_OTHERS,
  'GET /api/mappings': READERS,
  'GET /api/readiness': READERS,
  'GET /api/readiness/history': READERS,
  'POST /api/readiness/snapshots': EDITORS_OF_OTHERS,
  'GET /api/evidence/:id/versions': READERS,
  'POST /api/evidence/:id/versions': EDITORS_OF_OTHERS,
  'GET /api/evidence/:id/versions/:version/download': READERS,
  'GET /api/soa': READERS,
  'PATCH /api/soa/rows/:ref': EDITORS_OF_OTHERS,
  'GET /api/soa/versions': READERS,
  'POST /api/soa/versions': EDITORS_OF_OTHERS,
  'GET /api/soa/versions/:version': READERS,
  'GET /api/soa/diff': READERS,
  'GET /api/soa/versions/:version/export': READERS,
  'GET /api/soa/export': READERS,
  'GET /api/organisation': READERS,
  'PUT /api/organisation': EDITORS_OF_OTHERS,
  'GET /api/integrations': READERS,
  'GET /api/integrations/:id': READERS,
  'POST /api/integrations': EDITORS_OF_OTHERS,
  'PATCH /api/integrations/:id': EDITORS_OF_OTHERS,
  'DELETE /api/integrations/:id': EDITORS_OF_OTHERS,
  'POST /api/integrations/:id/sync': EDITORS_OF_OTHERS,
  'POST /api/integrations/:id/resources': CREATORS,
  'POST /api/integrations/:id/import': CREATORS,
  'GET /api/resources': READERS,
  'GET /api/resources/:id': READERS,
  'GET /api/resource-types': READERS,
  'GET /api/tests': READERS,
  'POST /api/tests': EDITORS_OF_OTHERS,
  'POST /api/tests/dry-run': READERS,
  'GET /api/tests/:id': READERS,
  'PATCH /api/tests/:id': EDITORS_OF_OTHERS,
  'DELETE /api/tests/:id': EDITORS_OF_OTHERS,
  'GET /api/tests/:id/results': READERS,
  'GET /api/tests/:id/versions': READERS,
  'POST /api/tests/:id/run': CREATORS,
  'POST /api/tests/:id/dry-run': READERS,
  'GET /api/tests/:id/exclusions': READERS,
  'POST /api/tests/:id/exclusions': EDITORS_OF_OTHERS,
  'DELETE /api/tests/:id/exclusions/:exclusionId': EDITORS_OF_OTHERS,
  'GET /api/monitoring/settings': READERS,
  'PUT /api/monitoring/settings': EDITORS_OF_OTHERS,
  'GET /api/issues': READERS,
  'GET /api/issues/:id': READERS,
  // The fixture issue has no owner, so contributors may discuss it but not assign or reschedule it.
  'PATCH /api/issues/:id': EDITORS_OF_OTHERS,
  'POST /api/issues/:id/comments': CREATORS,
};
for (const path of [
  '/api/ai-systems',
  '/api/datasets',
  '/api/vendors',
  '/api/risks',
  '/api/scope/issues',
  '/api/scope/interested-parties',
  '/api/controls',
  '/api/evidence',
]) {
  EXPECTED[`GET ${path}`] = READERS;
  EXPECTED[`GET ${path}/:id`] = READERS;
  EXPECTED[`POST ${path}`] = CREATORS;
  EXPECTED[`PATCH ${path}/:id`] = EDITORS_OF_OTHERS;
  EXPECTED[`DELETE ${path}/:id`] = EDITORS_OF_OTHERS;
}

for (const part of MATRIX_PARTS) Object.assign(EXPECTED, part.expected);

let counter = 0;
let fileEvidenceId = '';
let issueId = '';
const unique = () => `${Date.now().toString(36)}-${++counter}`;

/** Makes a fresh record for each attempt, so a DELETE by one role does not turn the next into a 404. */
async function fixture(
  t: TestApp,
  route: string,
  role: Role,
): Promise<{ url: string; body?: unknown; headers?: Record<string, string> }> {
  for (const part of MATRIX_PARTS) {
    const attempt = await part.fixture(t, route, role);
    if (attempt) return attempt;
  }
  const s = t.context.services;
  const owner = t.users.admin.personId;
  const [method, path = ''] = route.split(' ');
  const withId = (id: string) => path.replace(':id', id);
  switch (path) {
    case '/api/auth/login':
      return { url: path, body: { email: t.users.admin.email, password: 'a long test password' } };
    case '/api/people':
      return { url: path, body: { name: 'New Person', email: `p-${unique()}@test.example` } };
    case '/api/people/:id': {
      const p = await s.people.create(admin, { name: 'Fixture', email: `f-${unique()}@test.example` });
      return { url: withId(p.id), body: { jobTitle: 'Analyst' } };
    }
    case '/api/users':
      return { url: path, body: { email: `u-${unique()}@test.example`, name: 'New User', role: 'member' } };
    case '/api/users/:id': {
      const u = await s.users.create(admin, {
        email: `uf-${unique()}@test.example`,
        name: 'Fixture',
        role: 'member',
      });
      return { url: withId(u.id), body: { role: 'auditor' } };
    }
    case '/api/tokens':
      return { url: path, body: { name: 'matrix' } };
    case '/api/tokens/:id': {
      const { token } = await s.tokens.create(admin, { name: 'fixture', userId: t.users[role].userId });
      return { url: withId(token.id) };
    }
    case '/api/risk-scenarios/:id':
      return { url: withId('RS-BIAS-01') };
    case '/api/risks/matrix-config':
      return { url: path, body: DEFAULT_MATRIX };
    case '/api/scope':
      return { url: path, body: { statement: `Scope ${unique()}` } };
    case '/api/scope/versions/:version':
      await s.scope.revise(admin, { statement: 'Fixture scope' });
      return { url: path.replace(':version', '1') };
    case '/api/ai-systems':
      return { url: path, body: { name: 'New system' } };
    case '/api/ai-systems/:id':
      return {
        url: withId((await s.aiSystems.create(admin, { name: 'Fixture', ownerId: owner })).id),
        body: { riskTier: 'minimal' },
      };
    case '/api/datasets':
      return { url: path, body: { name: 'New dataset' } };
    case '/api/datasets/:id':
      return {
        url: withId((await s.datasets.create(admin, { name: 'Fixture', ownerId: owner })).id),
        body: { licence: 'CC0' },
      };
    case '/api/vendors':
      return { url: path, body: { name: 'New vendor' } };
    case '/api/vendors/:id':
      return {
        url: withId((await s.vendors.create(admin, { name: 'Fixture', ownerId: owner })).id),
        body: { criticality: 'high' },
      };
    case '/api/risks':
      return { url: path, body: { title: 'New risk' } };
    case '/api/risks/:id':
      return {
        url: withId((await s.risks.create(admin, { title: 'Fixture', ownerId: owner })).id),
        body: { likelihood: 2 },
      };
    case '/api/scope/issues':
      return { url: path, body: { kind: 'internal', title: 'New issue' } };
    case '/api/scope/issues/:id':
      return {
        url: withId(
          (await s.scope.issues.create(admin, { kind: 'external', title: 'Fixture', ownerId: owner })).id,
        ),
        body: { effect: 'opportunity' },
      };
    case '/api/scope/interested-parties':
      return { url: path, body: { name: 'Regulator' } };
    case '/api/scope/interested-parties/:id':
      return {
        url: withId((await s.scope.parties.create(admin, { name: 'Fixture', ownerId: owner })).id),
        body: { needs: 'Clarity' },
      };
    case '/api/frameworks/:id':
      return { url: withId('iso-9001-2015'), body: { inScope: true } };
    case '/api/frameworks/:id/requirements':
      return { url: withId('iso-42001-2023') };
    case '/api/frameworks/:id/requirements/:ref':
      return { url: '/api/frameworks/iso-42001-2023/requirements/A.6.2.8' };
    case '/api/frameworks/:id/requirements/:ref/coverage-confirmation':
      return {
        url: '/api/frameworks/iso-42001-2023/requirements/4.1/coverage-confirmation',
        body: method === 'PUT' ? { note: 'Covered together.' } : undefined,
      };
    case '/api/mappings':
      return { url: `${path}?from=iso-42001-2023&to=iso-27001-2022` };
    case '/api/controls':
      return { url: path, body: { name: 'Custom control' } };
    case '/api/controls/:id': {
      if (method === 'DELETE')
        return { url: withId((await s.controls.create(admin, { name: 'Disposable', ownerId: owner })).id) };
      return { url: withId('AIMS-GOV-01'), body: { implementationNotes: `Reviewed ${unique()}` } };
    }
    case '/api/evidence':
      return { url: path, body: { title: 'Note', kind: 'note', note: 'Done.' } };
    case '/api/evidence/:id':
      return {
        url: withId(
          (await s.evidence.create(admin, { title: 'Fixture', kind: 'note', note: 'n', ownerId: owner })).id,
        ),
        body: { title: 'Renamed' },
      };
    case '/api/evidence/:id/versions': {
      const item = await s.evidence.create(admin, {
        title: 'Fixture',
        kind: 'note',
        note: 'n',
        ownerId: owner,
      });
      return { url: withId(item.id), body: method === 'POST' ? { note: 'Second version' } : undefined };
    }
    case '/api/evidence/:id/versions/:version/download':
      return { url: `/api/evidence/${fileEvidenceId}/versions/1/download` };
    case '/api/soa/rows/:ref':
      return { url: '/api/soa/rows/A.2.2', body: { applicable: true, justification: `Needed ${unique()}` } };
    case '/api/soa/versions':
      return { url: path, body: method === 'POST' ? { changelog: `Approval ${unique()}` } : undefined };
    case '/api/soa/versions/:version':
      return { url: '/api/soa/versions/1' };
    case '/api/soa/versions/:version/export':
      return { url: '/api/soa/versions/1/export?format=csv' };
    case '/api/soa/export':
      return { url: `${path}?format=csv` };
    case '/api/organisation':
      return { url: path, body: method === 'PUT' ? { name: `Org ${unique()}` } : undefined };
    case '/api/soa/diff':
      return { url: `${path}?from=1` };
    case '/api/issues/:id':
      return {
        url: withId(issueId),
        body: method === 'PATCH' ? { dueAt: '2099-01-31T12:00:00Z' } : undefined,
      };
    case '/api/issues/:id/comments':
      return { url: withId(issueId), body: { body: `Looked at it ${unique()}` } };
    case '/api/integrations':
      return {
        url: path,
        body: method === 'POST' ? { kind: 'push', name: `Push ${unique()}`, config: {} } : undefined,
      };
    case '/api/integrations/:id':
    case '/api/integrations/:id/sync': {
      const i = await s.integrations.create(admin, {
        kind: 'push',
        name: `Push ${unique()}`,
        config: {},
        enabled: true,
      });
      return { url: withId(i.id), body: method === 'PATCH' ? { name: `Renamed ${unique()}` } : undefined };
    }
    case '/api/integrations/:id/resources': {
      const i = await s.integrations.create(admin, {
        kind: 'push',
        name: `Push ${unique()}`,
        config: {},
        enabled: true,
      });
      const attributes = {
        aiSystemId: 's-1',
        loggingEnabled: true,
        retentionDays: 400,
        lastEventAt: null,
        destination: 'siem',
      };
      return {
        url: withId(i.id),
        body: { resources: [{ type: 'logging-status', externalId: 's-1', name: 'Logs', attributes }] },
      };
    }
    case '/api/integrations/:id/import': {
      const i = await s.integrations.create(admin, {
        kind: 'csv',
        name: `HR ${unique()}`,
        config: { resourceType: 'employee' },
        enabled: true,
      });
      return {
        url: withId(i.id),
        body: 'email,name\nada@example.com,Ada\n',
        headers: { 'content-type': 'text/csv' },
      };
    }
    case '/api/resources/:id': {
      const r = await t.context.db.kysely
        .selectFrom('resources')
        .select('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      return { url: withId(r.id) };
    }
    case '/api/tests':
    case '/api/tests/dry-run':
      return {
        url: path,
        body:
          method === 'POST'
            ? { title: `T ${unique()}`, severity: 'low', resourceType: 'vendor', condition: 'true' }
            : undefined,
      };
    case '/api/monitoring/settings':
      return { url: path, body: method === 'PUT' ? DEFAULT_MONITORING_SETTINGS : undefined };
    case '/api/tests/:id':
    case '/api/tests/:id/results':
    case '/api/tests/:id/versions':
    case '/api/tests/:id/run':
    case '/api/tests/:id/dry-run':
    case '/api/tests/:id/exclusions':
    case '/api/tests/:id/exclusions/:exclusionId': {
      const test = await s.tests.create(admin, {
        title: `T ${unique()}`,
        severity: 'low',
        resourceType: 'vendor',
        condition: 'true',
      });
      const vendor = await t.context.db.kysely
        .selectFrom('resources')
        .select('id')
        .where('type', '=', 'vendor')
        .limit(1)
        .executeTakeFirstOrThrow();
      if (path.endsWith(':exclusionId')) {
        const e = await s.tests.exclude(admin, test.id, { resourceId: vendor.id, reason: 'Out of scope' });
        return { url: withId(test.id).replace(':exclusionId', e.id) };
      }
      const body =
        method === 'PATCH'
          ? { title: `Renamed ${unique()}` }
          : path.endsWith('/exclusions') && method === 'POST'
            ? { resourceId: vendor.id, reason: 'Out of scope' }
            : method === 'POST'
              ? {}
              : undefined;
      return { url: withId(test.id), body };
    }
    default:
      return { url: path, body: method === 'GET' || method === 'DELETE' ? undefined : {} };
  }
}

describe.each(DIALECTS)('authorisation matrix on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // The matrix logs in many times; the limiter is tested on its own elsewhere.
    t = await createTestApp(dialect, { loginRateLimit: '10000' });
    // The SoA routes need ISO 42001 in scope, every row justified and one approved version.
    const s = t.context.services;
    await s.frameworks.update(admin, 'iso-42001-2023', { inScope: true });
    for (const row of (await s.soa.draft(admin, 'iso-42001-2023')).rows) {
      await s.soa.updateRow(admin, 'iso-42001-2023', row.ref, { applicable: true, justification: 'Needed.' });
    }
    await s.soa.approve(admin, 'iso-42001-2023', 'First');
    const file = await s.evidence.create(admin, { title: 'File', kind: 'file' });
    await s.evidence.upload(
      admin,
      file.id,
      { stream: Readable.from([Buffer.from('pdf')]), filename: 'a.pdf', contentType: 'application/pdf' },
      {},
    );
    fileEvidenceId = file.id;
    // An issue: a vendor without a signed DPA, collected, then failing a custom test.
    await s.vendors.create(admin, { name: 'Unsigned Ltd', dpaStatus: 'pending' });
    await t.context.monitor.syncAll();
    const dpa = await s.tests.create(admin, {
      title: 'Signed DPA',
      severity: 'high',
      resourceType: 'vendor',
      condition: 'resource.dpaStatus == "signed"',
    });
    issueId = (await s.issues.list(admin, { testId: dpa.id, limit: 1, offset: 0 })).items[0]?.id ?? '';
    for (const part of MATRIX_PARTS) await part.prepare?.(t);
  });
  afterAll(() => t.close());

  it('covers every route the API registers, and nothing it does not', () => {
    const apiRoutes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(apiRoutes).toEqual(Object.keys(EXPECTED).sort());
  });

  it('serves the web application and its assets to everyone (the data behind them needs a login)', async () => {
    const webRoutes = t.app.routeTable.filter((r) => !r.url.startsWith('/api'));
    expect(webRoutes.map((r) => r.url)).toContain('/');
    expect(webRoutes.every((r) => r.permission === 'public')).toBe(true);
    const page = await t.request('anonymous', 'GET', '/ai-systems');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect((await t.request('anonymous', 'GET', '/api/ai-systems')).statusCode).toBe(401);
  });

  it('serves the docs UI to everyone', async () => {
    const docsRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/docs'));
    expect(docsRoutes.length).toBeGreaterThan(0);
    expect(docsRoutes.every((r) => r.permission === 'public')).toBe(true);
    expect((await t.request('anonymous', 'GET', '/api/docs')).statusCode).toBe(200);
  });

  for (const [route, allowed] of Object.entries(EXPECTED)) {
    it(`${route}: allowed roles get 2xx, others 403, anonymous 401`, async () => {
      const [method = 'GET'] = route.split(' ');
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number | '2xx'> = {};
      for (const role of [...ROLES, 'anonymous'] as const) {
        const { url, body, headers } = await fixture(t, route, role === 'anonymous' ? 'admin' : role);
        const response = await t.request(role, method, url, body, headers);
        const permitted = allowed === 'public' || (role !== 'anonymous' && allowed.includes(role));
        outcomes[role] = response.statusCode;
        expected[role] = permitted ? '2xx' : role === 'anonymous' ? 401 : 403;
        if (!permitted) expect(response.headers['content-type']).toContain('application/problem+json');
      }
      const normalised = Object.fromEntries(
        // A redirect (the root sends visitors to the docs) counts as allowed.
        Object.entries(outcomes).map(([role, status]) => [
          role,
          status >= 200 && status < 400 ? '2xx' : status,
        ]),
      );
      expect(normalised).toEqual(expected);
    });
  }
});
