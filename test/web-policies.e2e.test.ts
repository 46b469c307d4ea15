import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { choose, expectAccessible, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

/** Policies from draft to acknowledgement, across the roles that do each step, in a real browser. */
describe('web policies and inbox', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('drafts a policy from a template, sends it for review, approves and publishes it; a member acknowledges it from the inbox', async () => {
    const manager = await server.signIn('manager');
    await manager
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Policies' })
      .click();
    await manager
      .getByRole('table', { name: 'Policies' })
      .getByRole('link', { name: 'AI acceptable use policy' })
      .waitFor();
    await expectAccessible(manager);
    await screenshot(manager, 'policies');

    await manager.getByRole('button', { name: 'New policy' }).click();
    const dialog = manager.getByRole('dialog', { name: 'New policy' });
    await choose(dialog, 'Start from template', 'Human oversight policy');
    await dialog.getByRole('textbox', { name: 'Title (empty: the template’s)' }).fill('E2E oversight policy');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await manager.getByRole('heading', { name: 'E2E oversight policy' }).waitFor();
    expect(await manager.getByRole('heading', { name: 'Purpose' }).count()).toBeGreaterThan(0);
    await manager.getByRole('button', { name: 'Send for review' }).click();
    await manager.getByText('In review', { exact: true }).waitFor();
    // The manager sent it, so the manager cannot approve it: the button is there, the API says why not.
    await manager.getByRole('button', { name: 'Approve' }).click();
    await manager.getByText('someone else must approve it').waitFor();
    const url = manager.url();
    await manager.close();

    const admin = await server.signIn('admin');
    await admin.goto(url);
    await admin.getByRole('button', { name: 'Approve' }).click();
    await admin.getByRole('button', { name: 'Publish' }).click();
    await admin.getByText('Version 1 in force').waitFor();
    await admin.getByRole('tab', { name: 'Versions' }).click();
    const versions = admin.getByRole('table', { name: 'Published versions' });
    await versions.getByRole('link', { name: 'PDF of version 1' }).waitFor();
    await admin.getByRole('tab', { name: 'Acknowledgements' }).click();
    await admin.getByText(/0 of \d+ acknowledged version 1/).waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'policy-detail');
    await admin.close();

    const member = await server.signIn('member');
    await member.getByRole('heading', { name: 'My inbox' }).waitFor();
    const item = member.getByRole('link', { name: 'Read and acknowledge: E2E oversight policy' });
    await item.waitFor();
    await expectAccessible(member);
    await screenshot(member, 'inbox-member');
    await item.click();
    await member.getByRole('heading', { name: 'E2E oversight policy' }).waitFor();
    await member.getByRole('button', { name: 'I have read and understood version 1' }).click();
    await member
      .getByRole('button', { name: 'I have read and understood version 1' })
      .waitFor({ state: 'detached' });
    await member
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My inbox' })
      .click();
    await member.getByRole('heading', { name: 'My inbox' }).waitFor();
    await expect
      .poll(() => member.getByRole('link', { name: 'Read and acknowledge: E2E oversight policy' }).count())
      .toBe(0);
    // Members see no lifecycle buttons, and only policies in force.
    await member.goto(url);
    await member.getByRole('heading', { name: 'E2E oversight policy' }).waitFor();
    expect(
      await member.getByRole('button', { name: /Retire|Start a revision|Send for review/ }).count(),
    ).toBe(0);
    await member.close();
  });

  it('compares two versions of a revised policy line by line', async () => {
    const page = await server.signIn('auditor');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Policies' })
      .click();
    await page
      .getByRole('table', { name: 'Policies' })
      .getByRole('link', { name: 'AI policy', exact: true })
      .click();
    await page.getByText('Version 2 in force').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await choose(page, 'with', 'Version 2');
    const diff = page.getByLabel('Differences');
    await diff.getByText('+ ## General-purpose AI models').waitFor();
    expect(await page.getByRole('button', { name: /Approve|Publish|Retire/ }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'policy-diff');
    await page.close();
  });
});
