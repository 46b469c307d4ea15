import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 60_000 });

const FAILING_TEST = 'logging-retention-at-least-180-days';
const FAILING_RESOURCE = 'Consumer Credit Scoring Model — event logging';
/** Lists keep their previous rows while refetching: give the new ones time to arrive. */
const WAIT = { timeout: 10_000 };
const COMMENT = 'Checked with the platform team: the fix ships in the next release.';

/** The monitoring pages (tests, issues, integrations) and dashboard widgets against the demo organisation. */
describe('web monitoring', () => {
  let server: WebServer;
  let issueId: string;

  beforeAll(async () => {
    server = await startWebServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The API as the signed-in browser sees it (the page's cookie session). */
  async function apiGet<T>(page: Page, path: string): Promise<T> {
    const response = await page.request.get(`${server.base}${path}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  }
  const total = async (page: Page, path: string) => (await apiGet<{ total: number }>(page, path)).total;

  it('shows failing tests by severity and issue counts on the dashboard that match the API', async () => {
    const page = await server.signIn('admin');
    await page.getByRole('heading', { name: 'Are we ready?' }).waitFor();
    for (const severity of ['critical', 'high', 'medium', 'low']) {
      const expected = await total(page, `/api/tests?status=needs_attention&severity=${severity}&limit=1`);
      await expect
        .poll(() => page.getByTestId(`failing-tests-${severity}`).textContent(), WAIT)
        .toBe(`${expected}`);
    }
    const open = await total(page, '/api/issues?status=open&limit=1');
    const overdue = await total(page, '/api/issues?status=open&overdue=true&limit=1');
    expect(open).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('issues-open').textContent(), WAIT).toBe(`${open}`);
    await expect.poll(() => page.getByTestId('issues-overdue').textContent(), WAIT).toBe(`${overdue}`);
    // The PDCA board counts every issue in Check, with the overdue ones flagged.
    const issues = await total(page, '/api/issues?limit=1');
    await expect.poll(() => page.getByTestId('pdca-issue').textContent(), WAIT).toBe(`${issues}`);
    if (overdue > 0) {
      await expect
        .poll(() => page.getByTestId('pdca-issue-overdue').textContent(), WAIT)
        .toBe(`${overdue} overdue`);
    }
    const tests = await total(page, '/api/tests?limit=1');
    await expect.poll(() => page.getByTestId('pdca-test').textContent(), WAIT).toBe(`${tests}`);

    // Each severity count opens the test list filtered to it.
    await page.getByRole('link', { name: /critical$/ }).click();
    await expect.poll(() => page.url(), WAIT).toContain('/tests?status=needs_attention&severity=critical');
    await page.getByRole('heading', { name: 'Tests' }).waitFor();

    await page.goBack();
    await expect.poll(() => page.getByTestId('pdca-issue').textContent(), WAIT).toBe(`${issues}`);
    await expectAccessible(page);
    await screenshot(page, 'monitoring-dashboard');
    await page.close();
  });

  it('filters the tests list by severity from the URL and by status from the filters', async () => {
    const page = await server.signIn('admin');
    const expected = await total(page, '/api/tests?severity=critical&limit=1');
    await page.goto(`${server.base}/tests?severity=critical&sort=title`);
    const table = page.getByRole('table', { name: 'Tests' });
    await table.locator('tbody tr').first().waitFor();
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(Math.min(expected, 25));
    const severities = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(severities.map((s) => s.toLowerCase()))).toEqual(new Set(['critical']));

    await page.getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Needs attention' }).click();
    await expect.poll(() => page.url(), WAIT).toContain('status=needs_attention');
    const failing = await total(page, '/api/tests?severity=critical&status=needs_attention&limit=1');
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(failing);
    await expectAccessible(page);
    await screenshot(page, 'monitoring-tests');
    await page.close();
  });

  it('shows a test’s definition and failing resources, and runs it now', async () => {
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/tests/${FAILING_TEST}`);
    const failing = page.getByRole('table', { name: 'Failing resources' });
    await failing.getByRole('cell', { name: FAILING_RESOURCE, exact: true }).waitFor();
    await expect
      .poll(() => page.locator('pre').first().textContent(), WAIT)
      .toBe('resource.retentionDays >= 180');

    await page.getByRole('button', { name: 'Run now' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Run finished' });
    await result.waitFor();
    expect(await result.textContent()).toContain('1 fail');
    await page
      .getByRole('table', { name: 'Recent runs' })
      .getByRole('cell', { name: 'manual' })
      .first()
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'monitoring-test-detail');
    await page.close();
  });

  it('refuses an invalid CEL condition with its position next to the field', async () => {
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/tests/${FAILING_TEST}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit test' });
    await dialog.getByLabel('Condition (CEL)').fill('resource.retentionDays >= ');
    await dialog.getByRole('button', { name: 'Save new version' }).click();
    // The API's 422 names the field; the form shows its message (with the position) under the condition.
    await dialog.getByText(/^line 1, column \d+: /).waitFor();
    expect(await dialog.getByLabel('Condition (CEL)').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const versions = await apiGet<unknown[]>(page, `/api/tests/${FAILING_TEST}/versions`);
    expect(versions).toHaveLength(1);
    await page.close();
  });

  it('excludes a failing resource, which leaves the failing list and shows in the exclusions', async () => {
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/tests/${FAILING_TEST}`);
    await page.getByRole('button', { name: `Exclude ${FAILING_RESOURCE}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Exclude a resource' });
    await dialog.getByLabel('Reason').fill('Retention raised with the vendor; takes effect next month');
    await dialog.getByLabel('Expires on').fill('2099-01-31');
    await dialog.getByLabel('Reason').click();
    await dialog.getByRole('button', { name: 'Exclude', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByText('Nothing is failing.').waitFor();
    const exclusions = page.getByRole('table', { name: 'Exclusions' });
    await exclusions.getByRole('cell', { name: FAILING_RESOURCE, exact: true }).waitFor();
    expect(await exclusions.textContent()).toContain('2099-01-31');
    const detail = await apiGet<{ failing: unknown[]; counts: { excluded: number } }>(
      page,
      `/api/tests/${FAILING_TEST}`,
    );
    expect(detail.failing).toEqual([]);
    expect(detail.counts.excluded).toBe(1);
    await page.close();
  });

  it('assigns an issue and comments on it in the drawer; both survive a reload', async () => {
    const page = await server.signIn('admin');
    const issues = await apiGet<{ items: Array<{ id: string; number: number; ownerId: string | null }> }>(
      page,
      '/api/issues?status=open&sort=number&limit=5',
    );
    const issue = issues.items[0];
    if (!issue) throw new Error('the demo has no open issue');
    issueId = issue.id;
    const people = await apiGet<{ items: Array<{ id: string; name: string }> }>(
      page,
      '/api/people?active=true&sort=name&limit=50',
    );
    const assignee = people.items.find((p) => p.id !== issue.ownerId);
    if (!assignee) throw new Error('no one to assign');

    await page.goto(`${server.base}/issues`);
    await page.getByRole('table', { name: 'Issues' }).locator('tbody tr').first().getByRole('button').click();
    await expect.poll(() => page.url(), WAIT).toContain('issue=');

    await page.goto(`${server.base}/issues?issue=${issueId}`);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: 'Remediation' }).waitFor();
    await drawer.getByRole('textbox', { name: 'Owner' }).fill(assignee.name);
    await page.getByRole('option', { name: assignee.name }).click();
    await drawer.getByRole('button', { name: 'Save assignment' }).click();
    await drawer.getByText(`Owner: ${assignee.name}`).waitFor();

    await drawer.getByLabel('Comment').fill(COMMENT);
    await drawer.getByRole('button', { name: 'Add comment' }).click();
    await drawer.getByText(COMMENT).waitFor();

    await page.reload();
    const reloaded = page.getByRole('dialog');
    await reloaded.getByText(COMMENT).waitFor();
    await reloaded.getByText(`Owner: ${assignee.name}`).waitFor();
    const saved = await apiGet<{ ownerId: string; comments: Array<{ body: string }> }>(
      page,
      `/api/issues/${issueId}`,
    );
    expect(saved.ownerId).toBe(assignee.id);
    expect(saved.comments.map((c) => c.body)).toContain(COMMENT);

    // The transition that opened the issue carries the resource as it was evaluated.
    await reloaded.getByRole('button', { name: /^Opened / }).click();
    await reloaded.locator('pre').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'monitoring-issue-drawer');
    await reloaded.getByRole('button', { name: 'Close issue' }).click();
    await reloaded.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Issues' }).locator('tbody tr').first().waitFor();
    await expect.poll(() => page.url(), WAIT).not.toContain('issue=');
    await expectAccessible(page);
    await screenshot(page, 'monitoring-issues');
    await page.close();
  });

  it('lists integrations with their health and syncs one now', async () => {
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/integrations`);
    const table = page.getByRole('table', { name: 'Integrations' });
    await table.getByRole('cell', { name: 'OpenAIMS records', exact: true }).waitFor();
    // The demo's Prometheus is not running: that integration shows its error.
    expect(await table.textContent()).toContain('could not reach Prometheus');

    await page.getByRole('button', { name: 'Sync now: OpenAIMS records' }).click();
    const result = page.getByRole('status').filter({ hasText: 'OpenAIMS records synced' });
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Collected \d+ resources/);
    await expectAccessible(page);
    await screenshot(page, 'monitoring-integrations');
    await page.close();
  });

  it('shows auditors tests, exclusions and issues without any control to change them; the API refuses', async () => {
    const page = await server.signIn('auditor');
    await page.goto(`${server.base}/tests/${FAILING_TEST}`);
    await page
      .getByRole('table', { name: 'Exclusions' })
      .getByRole('cell', { name: FAILING_RESOURCE, exact: true })
      .waitFor();
    for (const name of ['Run now', 'Edit', 'Revoke']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    await page.goto(`${server.base}/tests/ai-system-controls-linked`);
    await page.getByRole('table', { name: 'Failing resources' }).waitFor();
    expect(await page.getByRole('button', { name: /^Exclude/ }).count()).toBe(0);

    await page.goto(`${server.base}/issues?issue=${issueId}`);
    const drawer = page.getByRole('dialog');
    await drawer.getByText(COMMENT).waitFor();
    expect(await drawer.getByRole('button', { name: 'Add comment' }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: 'Save assignment' }).count()).toBe(0);
    expect(await drawer.getByLabel('Comment').count()).toBe(0);

    await page.goto(`${server.base}/integrations`);
    await page
      .getByRole('table', { name: 'Integrations' })
      .getByRole('cell', { name: 'OpenAIMS records', exact: true })
      .waitFor();
    expect(await page.getByRole('button', { name: /^Sync now/ }).count()).toBe(0);

    // Even with its session and CSRF token, an auditor cannot run a test or comment.
    const statuses = await page.evaluate(
      async ({ testId, issue }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const headers = { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
        const run = await fetch(`/api/tests/${testId}/run`, { method: 'POST', headers });
        const note = await fetch(`/api/issues/${issue}/comments`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ body: 'auditors do not comment' }),
        });
        return [run.status, note.status];
      },
      { testId: FAILING_TEST, issue: issueId },
    );
    expect(statuses).toEqual([403, 403]);
    await page.close();
  });
});
