import { Command } from 'commander';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerIssues } from '../src/cli/commands/issues.js';
import { buildProgram } from '../src/cli/main.js';
import { newId } from '../src/lib/ids.js';
import { createTestApp, type TestApp } from './support/app.js';
import { runCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

interface Issue {
  id: string;
  number: number;
  title: string;
  testId: string;
  resourceName: string;
  severity: string;
  status: string;
  ownerId: string | null;
  owner: { id: string; name: string } | null;
  dueAt: string;
  overdue: boolean;
  openedAt: string;
  resolution: string | null;
}

const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function expectProblem(response: LightMyRequestResponse, status: number, field?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  if (field) expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
}

/** Runs `openaims issues …` in this process through the command itself, capturing what it prints. */
async function runIssuesCommand(args: string[]): Promise<string> {
  const program = new Command('openaims').exitOverride().enablePositionalOptions();
  registerIssues(program);
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['issues', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out;
}

describe.each(DIALECTS)('issues on %s', (dialect) => {
  let t: TestApp;
  let dpaTestId = '';
  let criticalTestId = '';
  let aimsId = '';
  const vendors: Record<string, string> = {};
  let otherPersonId = '';

  const call = (role: Parameters<TestApp['request']>[0], method: string, url: string, body?: unknown) =>
    t.request(role, method, url, body);
  const ok = async (method: string, url: string, body?: unknown, status = 200) => {
    const response = await call('admin', method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const list = async (query: string): Promise<{ items: Issue[]; total: number }> =>
    ok('GET', `/api/issues?${query}`);
  const issueOf = async (testId: string, vendor: string): Promise<Issue> => {
    const page = await list(`testId=${testId}&resourceId=${await resourceIdOf(vendor)}&sort=-openedAt`);
    return page.items[0] as Issue;
  };
  const resourceIdOf = async (vendor: string): Promise<string> => {
    const row = await t.context.db.kysely
      .selectFrom('resources')
      .select('id')
      .where('type', '=', 'vendor')
      .where('external_id', '=', vendors[vendor] as string)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const sync = () => ok('POST', `/api/integrations/${aimsId}/sync`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const [name, dpaStatus, criticality] of [
      ['Signed Co', 'signed', 'low'],
      ['Pending Co', 'pending', 'critical'],
      ['Expired Co', 'expired', 'medium'],
    ] as const) {
      vendors[name] = (await ok('POST', '/api/vendors', { name, dpaStatus, criticality }, 201)).id;
    }
    otherPersonId = (
      await ok('POST', '/api/people', { name: 'Other Owner', email: 'other@test.example' }, 201)
    ).id;
    aimsId = (await ok('GET', '/api/integrations?kind=aims')).items[0].id;
    await sync();
    dpaTestId = (
      await ok(
        'POST',
        '/api/tests',
        {
          title: 'Vendors have a signed DPA',
          severity: 'high',
          resourceType: 'vendor',
          condition: 'resource.dpaStatus == "signed"',
          remediation: 'Get the DPA signed.',
        },
        201,
      )
    ).id;
    criticalTestId = (
      await ok(
        'POST',
        '/api/tests',
        {
          title: 'No critical vendors',
          severity: 'critical',
          resourceType: 'vendor',
          condition: 'resource.criticality != "critical"',
        },
        201,
      )
    ).id;
  });
  afterAll(() => t.close());

  it('lists the issues failing tests opened, with filters, sorts and search', async () => {
    const dpa = await list(`testId=${dpaTestId}&sort=number`);
    expect(dpa.total).toBe(2);
    expect(dpa.items.map((i) => i.resourceName).sort()).toEqual(['Expired Co', 'Pending Co']);
    const first = dpa.items[0] as Issue;
    expect(first).toMatchObject({
      testId: dpaTestId,
      testTitle: 'Vendors have a signed DPA',
      severity: 'high',
      status: 'open',
      overdue: false,
      resolvedAt: null,
      resolution: null,
      flapping: false,
      title: `Vendors have a signed DPA — ${first.resourceName}`,
    });
    // High severity: the default SLA is 14 days from opening.
    expect(Date.parse(first.dueAt) - Date.parse(first.openedAt)).toBe(14 * 86_400_000);
    expect((dpa.items[1] as Issue).number).toBeGreaterThan(first.number);

    const critical = await list('severity=critical');
    expect(critical.items.some((i) => i.testId === criticalTestId && i.resourceName === 'Pending Co')).toBe(
      true,
    );
    expect(critical.items.every((i) => i.severity === 'critical')).toBe(true);

    const bySeverity = (await list('status=open&sort=severity&limit=500')).items;
    expect(bySeverity[0]?.severity).toBe('critical');
    const ranks = bySeverity.map((i) => RANK[i.severity] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const descending = (await list('sort=-severity&limit=500')).items.map((i) => RANK[i.severity] as number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    const byDue = (await list('limit=500')).items.map((i) => i.dueAt);
    expect(byDue).toEqual([...byDue].sort());
    const byNumber = (await list('sort=-number&limit=500')).items.map((i) => i.number);
    expect(byNumber).toEqual([...byNumber].sort((a, b) => b - a));

    const search = await list(`q=${encodeURIComponent('signed dpa — expired')}`);
    expect(search.items.map((i) => i.resourceName)).toEqual(['Expired Co']);
    const paged = await list(`testId=${dpaTestId}&sort=number&limit=1&offset=1`);
    expect(paged).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(paged.items[0]?.id).toBe(dpa.items[1]?.id);
  });

  it('marks issues past their due date as overdue and filters on it', async () => {
    const issue = await issueOf(criticalTestId, 'Pending Co');
    // Time passing, not a reschedule: a due date before the opening is refused through the API.
    await t.context.db.kysely
      .updateTable('issues')
      .set({ due_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', issue.id)
      .execute();
    const overdue = await list('overdue=true');
    expect(overdue.items.map((i) => i.id)).toEqual([issue.id]);
    expect(overdue.items[0]?.overdue).toBe(true);
    const notOverdue = await list('overdue=false&limit=500');
    expect(notOverdue.items.some((i) => i.id === issue.id)).toBe(false);
    expect(notOverdue.total + overdue.total).toBe((await list('limit=1')).total);
    expect((await ok('GET', `/api/issues/${issue.id}`)).overdue).toBe(true);
  });

  it('shows one issue with its remediation and the failing result that opened it', async () => {
    const issue = await issueOf(dpaTestId, 'Expired Co');
    const detail = await ok('GET', `/api/issues/${issue.id}`);
    expect(detail).toMatchObject({ id: issue.id, remediation: 'Get the DPA signed.', comments: [] });
    expect(detail.transitions).toHaveLength(1);
    expect(detail.transitions[0]).toMatchObject({
      kind: 'opened',
      from: null,
      to: 'fail',
      testVersion: 1,
      snapshot: { dpaStatus: 'expired', criticality: 'medium' },
    });
    expect(detail.transitions[0].snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.transitions[0].reason).toBeTruthy();
  });

  it('resolves when the test passes, keeping both results as evidence; resolved issues cannot change', async () => {
    const issue = await issueOf(dpaTestId, 'Expired Co');
    await ok('PATCH', `/api/vendors/${vendors['Expired Co']}`, { dpaStatus: 'signed' });
    await sync();
    const detail = await ok('GET', `/api/issues/${issue.id}`);
    expect(detail).toMatchObject({ status: 'resolved', resolution: 'passed', overdue: false });
    expect(detail.resolvedAt).toBeTruthy();
    expect(detail.transitions.map((x: { kind: string }) => x.kind)).toEqual(['opened', 'resolved']);
    expect(detail.transitions[1]).toMatchObject({
      from: 'fail',
      to: 'pass',
      snapshot: { dpaStatus: 'signed' },
    });
    expect(detail.transitions[1].snapshotSha256).not.toBe(detail.transitions[0].snapshotSha256);

    expect((await list(`testId=${dpaTestId}&status=resolved`)).items.map((i) => i.id)).toEqual([issue.id]);
    expect((await list(`testId=${dpaTestId}`)).total).toBe(2);
    expect((await list('status=open&limit=500')).items.some((i) => i.id === issue.id)).toBe(false);

    expectProblem(await call('admin', 'PATCH', `/api/issues/${issue.id}`, { ownerId: otherPersonId }), 409);
    // A resolved issue can still be discussed.
    expect(
      (await call('manager', 'POST', `/api/issues/${issue.id}/comments`, { body: 'Done.' })).statusCode,
    ).toBe(201);
  });

  it('lets managers assign and reschedule, and contributors change only the issues they own', async () => {
    const issue = await issueOf(dpaTestId, 'Pending Co');
    const contributor = t.users.contributor.personId;
    expectProblem(await call('contributor', 'PATCH', `/api/issues/${issue.id}`, { dueAt: issue.dueAt }), 403);

    const assigned = await call('manager', 'PATCH', `/api/issues/${issue.id}`, { ownerId: contributor });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      ownerId: contributor,
      owner: { id: contributor, name: 'Test contributor' },
    });
    expect((await list(`ownerId=${contributor}&testId=${dpaTestId}`)).items.map((i) => i.id)).toEqual([
      issue.id,
    ]);

    const due = new Date(Date.parse(issue.dueAt) + 7 * 86_400_000);
    const offset = due.toISOString().replace('Z', '+02:00');
    const rescheduled = await call('contributor', 'PATCH', `/api/issues/${issue.id}`, { dueAt: offset });
    expect(rescheduled.statusCode, rescheduled.body).toBe(200);
    // Stored in UTC, so due dates compare and sort as text.
    expect(rescheduled.json().dueAt).toBe(new Date(due.getTime() - 2 * 3_600_000).toISOString());
    expectProblem(
      await call('contributor', 'PATCH', `/api/issues/${issue.id}`, { ownerId: otherPersonId }),
      403,
    );
    expectProblem(await call('contributor', 'PATCH', `/api/issues/${issue.id}`, { ownerId: null }), 403);

    const unassigned = await ok('PATCH', `/api/issues/${issue.id}`, { ownerId: null });
    expect(unassigned).toMatchObject({ ownerId: null, owner: null });

    const trail = await ok('GET', `/api/trail?entityType=issue&entityId=${issue.id}&limit=10`);
    expect(trail.total).toBe(3);
    expect(trail.items.every((e: { action: string }) => e.action === 'update')).toBe(true);
  });

  it('takes comments from writers, in order, with a trail entry; auditors read but cannot comment', async () => {
    const issue = await issueOf(criticalTestId, 'Pending Co');
    const first = await call('contributor', 'POST', `/api/issues/${issue.id}/comments`, {
      body: '  Talking to legal.  ',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      author: expect.stringContaining('contributor@test.example'),
      authorUserId: t.users.contributor.userId,
      body: 'Talking to legal.',
    });
    await ok('POST', `/api/issues/${issue.id}/comments`, { body: 'Second.' }, 201);

    const seen = await call('auditor', 'GET', `/api/issues/${issue.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().comments.map((c: { body: string }) => c.body)).toEqual([
      'Talking to legal.',
      'Second.',
    ]);
    expect((await call('auditor', 'GET', '/api/issues')).statusCode).toBe(200);
    expectProblem(await call('auditor', 'POST', `/api/issues/${issue.id}/comments`, { body: 'No.' }), 403);
    expectProblem(await call('auditor', 'PATCH', `/api/issues/${issue.id}`, { ownerId: null }), 403);
    expectProblem(await call('member', 'GET', '/api/issues'), 403);

    const trail = await ok('GET', `/api/trail?entityType=issue_comment&entityId=${first.json().id}`);
    expect(trail.items[0]).toMatchObject({ action: 'create' });
  });

  it('refuses bad input with a problem naming the field, and unknown ids with 404', async () => {
    const issue = await issueOf(criticalTestId, 'Pending Co');
    const url = `/api/issues/${issue.id}`;
    expectProblem(await call('admin', 'PATCH', url, { ownerId: newId() }), 422, 'ownerId');
    expectProblem(await call('admin', 'PATCH', url, { ownerId: 'nobody' }), 422, 'ownerId');
    expectProblem(await call('admin', 'PATCH', url, { dueAt: 'next week' }), 422, 'dueAt');
    expectProblem(await call('admin', 'PATCH', url, { dueAt: '2000-01-01T00:00:00Z' }), 422, 'dueAt');
    expectProblem(await call('admin', 'PATCH', url, { status: 'resolved' }), 422, 'status');
    expectProblem(await call('admin', 'PATCH', url, '{"dueAt":'), 400);
    expectProblem(await call('admin', 'POST', `${url}/comments`, { body: '   ' }), 422, 'body');
    expectProblem(await call('admin', 'POST', `${url}/comments`, { body: 'x'.repeat(10_001) }), 422, 'body');
    expectProblem(await call('admin', 'POST', `${url}/comments`, {}), 422, 'body');
    expectProblem(await call('admin', 'GET', '/api/issues?status=closed'), 422, 'status');
    expectProblem(await call('admin', 'GET', '/api/issues?overdue=yes'), 422, 'overdue');
    expectProblem(await call('admin', 'GET', '/api/issues?sort=title'), 422, 'sort');
    expectProblem(await call('admin', 'GET', '/api/issues?severity=urgent'), 422, 'severity');

    for (const id of ['not-an-id', newId()]) {
      expectProblem(await call('admin', 'GET', `/api/issues/${id}`), 404);
      expectProblem(await call('admin', 'PATCH', `/api/issues/${id}`, { ownerId: null }), 404);
      expectProblem(await call('admin', 'POST', `/api/issues/${id}/comments`, { body: 'x' }), 404);
    }
  });

  it('lists issues on the command line: open by default, overdue, resolved, as JSON', async () => {
    const flags = t.database.flags;
    const table = await runIssuesCommand(['list', ...flags]);
    expect(table).toMatch(/#.*severity.*title.*owner.*due.*status/);
    expect(table).toContain('No critical vendors — Pending Co');
    expect(table).toContain('overdue');
    expect(table).not.toContain('Vendors have a signed DPA — Expired Co');

    const overdue = JSON.parse(await runIssuesCommand(['list', '--overdue', '--json', ...flags]));
    expect(overdue.items.map((i: Issue) => i.title)).toEqual(['No critical vendors — Pending Co']);
    const resolved = JSON.parse(await runIssuesCommand(['list', '--status', 'resolved', '--json', ...flags]));
    expect(resolved.items.map((i: Issue) => i.title)).toContain('Vendors have a signed DPA — Expired Co');
    expect(resolved.items.every((i: Issue) => i.status === 'resolved')).toBe(true);
    await expect(runIssuesCommand(['list', '--status', 'closed', ...flags])).rejects.toThrow(/--status/);
  });

  // The built `openaims` bin, once `registerIssues` is part of the program.
  it.runIf(buildProgram().commands.some((c) => c.name() === 'issues'))(
    'runs `openaims issues list` from the built bin',
    async () => {
      const result = await runCli(['issues', 'list', '--overdue', ...t.database.flags]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('No critical vendors — Pending Co');
    },
    60_000,
  );
});
