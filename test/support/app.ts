import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/types.js';
import { buildConfig } from '../../src/config/config.js';
import { type AppContext, openContext } from '../../src/context.js';
import { ROLES, type Role } from '../../src/modules/auth/permissions.js';
import { systemActor } from '../../src/modules/shared/actor.js';
import { createTestDatabase, type DialectName, type TestDatabase } from './databases.js';

export const PASSWORD = 'a long test password';
export const admin = systemActor('test setup');

export interface TestUser {
  role: Role;
  email: string;
  userId: string;
  personId: string;
  token: string;
}

export interface TestApp {
  database: TestDatabase;
  context: AppContext;
  app: ZodApp;
  users: Record<Role, TestUser>;
  request(
    role: Role | 'anonymous',
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A migrated database of the given dialect, the API over it, and one user (with an API token) per role. */
export async function createTestApp(
  dialect: DialectName,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = buildConfig(
    { dataDir: database.dataDir, secret: 'test-secret-test-secret-test-secret!', ...env },
    database.target.dialect === 'postgres' ? { databaseUrl: database.target.url } : {},
  );
  const context = await openContext(config, { needsSecret: true, poolSize: 4 });
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) {
    const email = `${role}@test.example`;
    const user = await context.services.users.create(admin, {
      email,
      name: `Test ${role}`,
      role,
      password: PASSWORD,
    });
    const { secret } = await context.services.tokens.create(admin, { name: 'test', userId: user.id });
    users[role] = { role, email, userId: user.id, personId: user.personId, token: secret };
  }
  const app = await buildApp(context);
  return {
    database,
    context,
    app,
    users,
    request: (role, method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
        headers: {
          ...(role === 'anonymous' ? {} : { authorization: `Bearer ${users[role].token}` }),
          ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      }),
    async close() {
      await app.close();
      await context.close();
      await database.drop();
    },
  };
}
