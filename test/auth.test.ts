import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/modules/auth/secrets.js';
import { admin, createTestApp, PASSWORD, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith('openaims_session='));
  if (!header) throw new Error('no session cookie set');
  return header;
}

describe.each(DIALECTS)('authentication on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimit: '5' });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and enforces CSRF on writes', async () => {
    const response = await login('manager@test.example', PASSWORD, '10.0.1.1');
    expect(response.statusCode).toBe(200);
    const { csrfToken, role } = response.json();
    expect(role).toBe('manager');
    const header = sessionCookie(response.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
    const cookie = header.split(';')[0] as string;

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      email: 'manager@test.example',
      role: 'manager',
      via: 'session',
      csrfToken,
    });

    const withoutCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/ai-systems',
      payload: { name: 'X' },
      headers: { cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('csrf_failed');
    const wrongCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/ai-systems',
      payload: { name: 'X' },
      headers: { cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/ai-systems',
      payload: { name: 'X' },
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(ok.statusCode).toBe(201);

    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('marks the cookie Secure when served over https', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'auditor@test.example', password: PASSWORD },
      remoteAddress: '10.0.2.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    // Behind a proxy only when trusted; without trustProxy the request stays http.
    expect(sessionCookie(response.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('rejects a tampered cookie and bad credentials with the same 401', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie: 'openaims_session=forged.value' },
        })
      ).statusCode,
    ).toBe(401);
    const wrong = await login('admin@test.example', 'not the password', '10.0.3.1');
    const unknown = await login('nobody@test.example', 'not the password', '10.0.3.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('rate-limits sign-in attempts with a clear 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await login('admin@test.example', 'wrong password!', '10.0.4.1')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await login('admin@test.example', PASSWORD, '10.0.4.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another client is not affected.
    expect((await login('admin@test.example', PASSWORD, '10.0.4.2')).statusCode).toBe(200);
  });

  it('refuses deactivated users at once, including their tokens and sessions', async () => {
    const user = await t.context.services.users.create(admin, {
      email: 'leaver@test.example',
      name: 'Leaver',
      role: 'manager',
      password: PASSWORD,
    });
    const { secret } = await t.context.services.tokens.create(admin, { name: 'x', userId: user.id });
    const auth = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/people', headers: auth })).statusCode).toBe(200);
    await t.context.services.users.update(admin, user.id, { active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/people', headers: auth })).statusCode).toBe(401);
    expect((await login('leaver@test.example', PASSWORD, '10.0.5.1')).statusCode).toBe(401);
  });

  it('issues API tokens once, stores only their hash, and honours expiry and revocation', async () => {
    const created = await t.request('contributor', 'POST', '/api/tokens', { name: 'ci', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^oaims_[A-Za-z0-9_-]{40,}$/);
    expect(token.prefix).toBe(secret.slice(0, 12));
    expect(token.role).toBe('contributor');
    const stored = await t.context.db.kysely
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256Hex(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const read = await t.request('contributor', 'GET', `/api/tokens/${token.id}`);
    expect(JSON.stringify(read.json())).not.toContain(secret);
    expect(read.json()).not.toHaveProperty('tokenHash');

    const auth = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).json()).toMatchObject({
      role: 'contributor',
      via: 'token',
    });

    // Someone else's token is invisible to a non-admin.
    expect((await t.request('manager', 'GET', `/api/tokens/${token.id}`)).statusCode).toBe(404);
    expect((await t.request('manager', 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(404);
    expect(
      (await t.request('manager', 'POST', '/api/tokens', { name: 'x', userId: t.users.admin.userId }))
        .statusCode,
    ).toBe(403);

    expect((await t.request('contributor', 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(401);
    expect((await t.request('contributor', 'GET', `/api/tokens/${token.id}`)).json().status).toBe('revoked');

    const { secret: expiring, token: expiringToken } = await t.context.services.tokens.create(admin, {
      name: 'old',
      userId: t.users.auditor.userId,
    });
    await t.context.db.kysely
      .updateTable('api_tokens')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', expiringToken.id)
      .execute();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/people',
          headers: { authorization: `Bearer ${expiring}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/people', headers: { authorization: 'Basic abc' } }))
        .statusCode,
    ).toBe(401);
  });

  it('never returns password or token hashes, and keeps them out of the trail', async () => {
    const users = await t.request('admin', 'GET', '/api/users?limit=500');
    const trail = await t.request('admin', 'GET', '/api/trail?limit=500');
    for (const text of [users.body, trail.body]) {
      expect(text).not.toMatch(/\$argon2id\$/);
      expect(text).not.toMatch(/password_?hash|token_?hash/i);
    }
    const hashes = await t.context.db.kysely.selectFrom('api_tokens').select('token_hash').execute();
    for (const { token_hash } of hashes) expect(trail.body).not.toContain(token_hash);
  });

  it('requires at least 12 characters for passwords and never keeps the last admin from being removed', async () => {
    const short = await t.request('admin', 'POST', '/api/users', {
      email: 'short@test.example',
      name: 'S',
      role: 'member',
      password: 'short',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].field).toBe('password');
    const last = await t.request('admin', 'PATCH', `/api/users/${t.users.admin.userId}`, { role: 'manager' });
    expect(last.statusCode).toBe(409);
  });
});
