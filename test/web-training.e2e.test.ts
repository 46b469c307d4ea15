import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

/** Training in a real browser: a member completes their own assignment from "My training". */
describe('web training', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('lets a member read the material and complete their own training, refusing a failing score inline', async () => {
    const page = await server.signIn('member');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Training', exact: true })
      .click();
    await page.getByRole('heading', { name: 'My training' }).waitFor();
    // Members get their own list only: no course catalogue, no tabs.
    expect(await page.getByRole('tab').count()).toBe(0);
    const table = page.getByRole('table', { name: 'My training' });
    const row = table.getByRole('row').filter({ hasText: 'AI awareness for everyone' });
    await row.getByText('Overdue').waitFor();
    await expectAccessible(page);

    await row.getByRole('link', { name: 'AI awareness for everyone' }).click();
    const drawer = page.getByRole('dialog', { name: 'AI awareness for everyone' });
    await drawer.getByRole('heading', { name: 'Why this matters' }).waitFor();
    await expectAccessible(page);

    const score = drawer.getByRole('textbox', { name: /Score/ });
    await score.fill('60');
    await drawer.getByRole('button', { name: 'Record completion' }).click();
    await expect.poll(() => score.getAttribute('aria-invalid')).toBe('true');
    await drawer.getByText(/below the pass score of 80/).waitFor();

    await score.fill('92');
    await drawer.getByRole('textbox', { name: 'Evidence note' }).fill('Self-check answered.');
    await drawer.getByRole('button', { name: 'Record completion' }).click();
    await drawer.getByText('Recorded by').waitFor();
    expect(await drawer.getByRole('button', { name: 'Record completion' }).count()).toBe(0);
    await screenshot(page, 'training-my-training');
    await page.keyboard.press('Escape');
    // The yearly course completed; its next cycle is assigned to the same person.
    await table.getByRole('row').filter({ hasText: 'AI awareness for everyone' }).nth(1).waitFor();
    await expectAccessible(page);
  });

  it('shows readers the course catalogue and the assignments register', async () => {
    const page = await server.signIn('manager');
    await page.goto(`${server.base}/training?tab=assignments&status=overdue`);
    const table = page.getByRole('table', { name: 'Training assignments' });
    await table.getByText('Overdue').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('tab', { name: 'Courses' }).click();
    await page
      .getByRole('table', { name: 'Courses' })
      .getByRole('link', { name: 'AI awareness for everyone' })
      .waitFor();
    await expectAccessible(page);
  });
});
