import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible, navigate, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 60_000 });

/** A call made from inside the page, with the page's own cookies (or none when a token is given). */
function meStatus(page: Page, token: string): Promise<number> {
  return page.evaluate(
    async (secret) =>
      (await fetch('/api/auth/me', { headers: { authorization: `Bearer ${secret}` }, credentials: 'omit' }))
        .status,
    token,
  );
}

/** Settings, scope and context, and the audit trail, in a real browser against the demo organisation. */
describe('web administration: settings, scope and context, audit trail', () => {
  let server: WebServer;

  beforeAll(async () => {
    server = await startWebServer();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('shows a new API token once, which works until it is revoked', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Settings');
    await page.getByRole('tab', { name: 'Users and roles' }).click();
    await page.getByRole('cell', { name: 'grace.mensah@northwind.example' }).waitFor();
    await expect.poll(() => page.url()).toContain('tab=users');
    await expectAccessible(page);
    await screenshot(page, 'settings-users');

    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'Create token' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API token' });
    await form.getByLabel('Name').fill('E2E pipeline');
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByRole('dialog', { name: 'Token “E2E pipeline” created' });
    await shown.getByText('You will not see this token again').waitFor();
    await shown.getByRole('button', { name: 'Copy token' }).waitFor();
    const secret = (await shown.getByTestId('token-secret').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await expectAccessible(page);
    await screenshot(page, 'settings-token-created');

    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /E2E pipeline/ });
    await row.getByText('active').waitFor();
    // Gone from the page for good: only the prefix is listed.
    expect(await page.content()).not.toContain(secret);
    expect(await row.textContent()).toContain(secret.slice(0, 12));
    expect(await meStatus(page, secret)).toBe(200);

    await row.getByRole('button', { name: 'Revoke E2E pipeline' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke “E2E pipeline”?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await row.getByText('revoked').waitFor();
    expect(await meStatus(page, secret)).toBe(401);
    await page.close();
  });

  it('creates a webhook and shows its signing secret once', async () => {
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/settings?tab=webhooks`);
    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByRole('textbox', { name: 'Name' }).fill('E2E receiver');
    await form.getByRole('textbox', { name: 'URL' }).fill('https://hooks.example.org/openaims');
    const events = form.getByRole('textbox', { name: 'Events' });
    await events.fill('policy.*');
    await events.press('Enter');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    await page.getByText('Signing secret for E2E receiver').waitFor();
    expect(await page.locator('pre').first().textContent()).toMatch(/^[0-9a-f]{64}$/);
    await page
      .getByRole('table', { name: 'Webhooks' })
      .getByRole('cell', { name: 'E2E receiver', exact: true })
      .waitFor();
    await expectAccessible(page);
    await page.reload();
    await page
      .getByRole('table', { name: 'Webhooks' })
      .getByRole('cell', { name: 'E2E receiver', exact: true })
      .waitFor();
    expect(await page.getByText('Signing secret for E2E receiver').count()).toBe(0);
    await page.close();
  });

  it('puts a changed interested party on the audit trail, whose chain verifies', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Scope and context');
    await page.getByTestId('scope-version').getByText('Version 1 by').waitFor();
    // The statement is Markdown, rendered (bold business lines, a list of roles), not shown as source.
    await page.locator('strong', { hasText: 'Consumer Lending' }).first().waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'provider' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'scope-statement');

    await page.getByRole('tab', { name: 'Interested parties' }).click();
    await page.getByRole('button', { name: 'Edit Loan applicants and borrowers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit “Loan applicants and borrowers”' });
    await dialog.getByLabel('Name').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The API's field error lands next to the field.
    await dialog.getByText('must not be empty').waitFor();
    await dialog.getByLabel('Name').fill('Loan applicants and borrowers');
    await dialog
      .getByLabel('Expectations')
      .fill('A human review of any automated decision, on request (e2e).');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectAccessible(page);
    await screenshot(page, 'scope-parties');

    await navigate(page, 'Audit trail');
    await page.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1).waitFor();
    await page.getByRole('textbox', { name: 'Entity type', exact: true }).click();
    await page.getByRole('option', { name: 'interested_party' }).click();
    await expect.poll(() => page.url()).toContain('entityType=interested_party');
    await expect
      .poll(async () => [...new Set(await page.locator('tbody tr td:nth-child(4)').allTextContents())])
      .toEqual(['interested_party']);
    await page.getByRole('textbox', { name: 'Action', exact: true }).click();
    await page.getByRole('option', { name: 'update' }).click();
    await expect.poll(() => page.url()).toContain('entityType=interested_party&action=update');
    // The filters are a shareable link.
    await page.reload();
    await page
      .getByRole('button', { name: /^Details of entry/ })
      .first()
      .click();
    const drawer = page.getByRole('dialog', { name: /update interested_party/ });
    await drawer.getByRole('list', { name: 'Changed fields' }).getByText('expectations').waitFor();
    expect(await drawer.getByLabel('After').textContent()).toContain('on request (e2e)');
    expect(await drawer.getByLabel('Before').textContent()).not.toContain('on request (e2e)');
    expect(await drawer.textContent()).toContain('admin@northwind.example');
    await expectAccessible(page);
    await screenshot(page, 'trail-entry');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.getByTestId('verify-result');
    await result.getByText('Chain OK').waitFor();
    expect(await result.textContent()).toMatch(/All [\d,]+ entries verified/);
    await expectAccessible(page);
    await screenshot(page, 'trail');
    await page.close();
  });

  it('shows a member only their own account: no users, no tokens', async () => {
    const page = await server.signIn('member');
    // Nothing in the navigation leads a member to a page the API would refuse them.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['My inbox', 'Policies', 'Settings']));
    for (const hidden of ['Dashboard', 'AI systems', 'Risks', 'Controls', 'Audit trail'])
      expect(links).not.toContain(hidden);
    // A page they may not open leads to their home, the inbox.
    await page.goto(`${server.base}/risks`);
    await page.getByRole('heading', { name: 'My inbox' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await page.goto(`${server.base}/settings?tab=tokens`);
    await page.getByRole('tab', { name: 'Your account' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Your account']);
    await page.getByText('liam.oconnor@northwind.example').first().waitFor();
    expect(await page.getByRole('button', { name: /Create token|Add user/ }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'settings-member');
    await page.close();
  });

  it('gives an auditor no edit controls on scope or settings, and the API refuses an auditor’s write', async () => {
    const page = await server.signIn('auditor');
    await page.goto(`${server.base}/scope`);
    await page.getByTestId('scope-version').getByText('Version 1 by').waitFor();
    expect(await page.getByRole('button', { name: /Revise scope|Write scope/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Context issues' }).click();
    await page.getByRole('table', { name: 'Context issues' }).getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('button', { name: /^Edit |New context issue/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Interested parties' }).click();
    await page.getByRole('table', { name: 'Interested parties' }).getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('button', { name: /^Edit |New interested party/ }).count()).toBe(0);

    await navigate(page, 'Settings');
    // The scope page's tabs stay until the settings page has rendered.
    await page.getByRole('tab', { name: 'Your account' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'Your account',
      'Organisation',
      'Monitoring',
      'Risk matrix',
    ]);
    for (const tab of ['Organisation', 'Monitoring', 'Risk matrix']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByText(/./).first().waitFor();
      await expect.poll(() => page.getByRole('tabpanel').locator('input, textarea').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
    }
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await page.getByRole('table', { name: 'Days to fix a failing test' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'settings-auditor');

    const write = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/scope', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ statement: 'An auditor should not be able to change this.' }),
      });
      return { status: response.status, code: ((await response.json()) as { code: string }).code };
    });
    expect(write).toEqual({ status: 403, code: 'forbidden' });
    await page.close();
  });

  it('opens the navigation from the burger at 390 px wide', async () => {
    const page = await server.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    const link = page.getByRole('link', { name: 'Audit trail' });
    const offScreen = async () => {
      const box = await link.boundingBox();
      return !box || box.x + box.width <= 0;
    };
    await expect.poll(offScreen).toBe(true);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect.poll(offScreen).toBe(false);
    await link.click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await expect.poll(offScreen).toBe(true);
    await page.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'trail-mobile');
    await page.close();
  });
});
