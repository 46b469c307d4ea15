import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver that fails its first request, then accepts: the retry path in one place. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = received.length === 1 ? 500 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, server };
}

/** A real SMTP server on a free port that keeps every message it is given. */
async function startSmtp(): Promise<{
  port: number;
  messages: Array<{ to: string[]; raw: string }>;
  server: SMTPServer;
}> {
  const messages: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => {
        raw += chunk;
      });
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, messages, server };
}

const at = (iso: string) => new Date(iso);

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(dialect, {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      publicUrl: 'https://aims.example.org',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('signs webhook deliveries, retries a failed one with backoff, and only sends subscribed events', async () => {
    const receiver = await startReceiver();
    try {
      const created = await t.request('admin', 'POST', '/api/webhooks', {
        name: 'GRC tool',
        url: receiver.url,
        events: ['policy.*'],
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, secret } = created.json();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect((await t.request('admin', 'GET', `/api/webhooks/${id}`)).json().secret).toBeUndefined();
      await t.context.notifier.tick(at('2026-12-04T10:00:00Z'));

      const policy = (
        await t.request('manager', 'POST', '/api/policies', { title: 'Webhook policy' })
      ).json();
      await t.request('manager', 'POST', '/api/vendors', { name: 'Not subscribed' });
      await t.context.notifier.tick(at('2026-12-04T10:01:00Z'));
      expect(receiver.received).toHaveLength(1);
      let deliveries = (await t.request('admin', 'GET', `/api/webhooks/${id}/deliveries`)).json().items;
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({
        event: 'policy.create',
        status: 'pending',
        attempts: 1,
        lastStatus: 500,
      });
      expect(deliveries[0].nextAttemptAt).toBe('2026-12-04T10:01:30.000Z');

      // Not yet due: nothing is sent before the backoff has passed.
      await t.context.notifier.tick(at('2026-12-04T10:01:20Z'));
      expect(receiver.received).toHaveLength(1);
      await t.context.notifier.tick(at('2026-12-04T10:01:31Z'));
      expect(receiver.received).toHaveLength(2);
      deliveries = (await t.request('admin', 'GET', `/api/webhooks/${id}/deliveries`)).json().items;
      expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 204 });

      const last = receiver.received[1] as Received;
      const payload = JSON.parse(last.body);
      expect(payload).toMatchObject({
        event: 'policy.create',
        entityId: policy.id,
        record: { title: 'Webhook policy' },
      });
      const timestamp = String(last.headers['x-openaims-timestamp']);
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${last.body}`).digest('hex')}`;
      expect(last.headers['x-openaims-signature']).toBe(expected);
      expect(last.headers['x-openaims-event']).toBe('policy.create');

      const ping = await t.request('admin', 'POST', `/api/webhooks/${id}/ping`);
      expect(ping.statusCode, ping.body).toBe(200);
      expect(ping.json()).toMatchObject({ event: 'ping', status: 'delivered' });
    } finally {
      receiver.server.close();
    }
  });

  it('refuses bad webhooks clearly, and only to those who configure the AIMS', async () => {
    const cases: Array<[object, string]> = [
      [{ name: 'x', url: 'ftp://files.example', events: ['policy.*'] }, 'url'],
      [{ name: 'x', url: 'https://hooks.example', events: ['everything'] }, 'events[0]'],
      [{ name: 'x', url: 'https://hooks.example', events: [] }, 'events'],
      [{ name: 'x', url: 'https://hooks.example', events: ['*'], secret: 'mine' }, 'secret'],
    ];
    for (const [body, field] of cases) {
      const response = await t.request('admin', 'POST', '/api/webhooks', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(
      (await t.request('admin', 'GET', '/api/webhooks'))
        .json()
        .items.every((w: { name: string }) => w.name !== 'x'),
    ).toBe(true);
    for (const role of ['contributor', 'auditor', 'member'] as const)
      expect((await t.request(role, 'GET', '/api/webhooks')).statusCode).toBe(403);
  });

  it('mails each person a daily digest of their inbox once, from 07:00 UTC, through a real SMTP server', async () => {
    const s = t.context.services;
    const policy = await s.policies.create(admin, {
      title: 'Digest policy',
      body: '# Digest\n\nRead me.',
      audience: { roles: ['member'], departments: [] },
    });
    await s.policies.transition({ ...admin, label: 'submitter' }, policy.id, { to: 'in_review' });
    await s.policies.transition(admin, policy.id, { to: 'approved' });
    await s.policies.transition(admin, policy.id, { to: 'published' });
    // A day no other test has ticked on: each person gets at most one digest a day.
    const today = '2027-01-15';
    const forMember = () => smtp.messages.filter((m) => m.to.includes(t.users.member.email));

    await t.context.notifier.tick(at(`${today}T06:30:00Z`));
    expect(forMember()).toHaveLength(0);
    await t.context.notifier.tick(at(`${today}T07:05:00Z`));
    expect(forMember()).toHaveLength(1);
    const raw = (forMember()[0] as { raw: string }).raw.replace(/=\r?\n/g, '');
    expect(raw).toMatch(/Subject: .*item/);
    expect(raw).toContain('Read and acknowledge: Digest policy');
    expect(raw).toContain(`https://aims.example.org/policies/${policy.id}`);
    await t.context.notifier.tick(at(`${today}T08:00:00Z`));
    expect(forMember()).toHaveLength(1);
  });
});
