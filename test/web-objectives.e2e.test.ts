import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  choose,
  expectAccessible,
  navigate,
  screenshot,
  startWebServer,
  type WebServer,
} from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

/** Setting an AI objective, measuring it and seeing its progress; the monitoring plan's generated results. */
describe('web objectives and monitoring plan', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 180_000);
  afterAll(() => server?.close());

  it('creates a manual objective, records a measurement and shows it in the progress chart', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Objectives');
    const table = page.getByRole('table', { name: 'AI objectives' });
    await table.getByText('Fairness gap on credit decisions ≤ 2 pp').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'objectives');

    await page.getByRole('button', { name: 'New objective' }).click();
    const dialog = page.getByRole('dialog', { name: 'New objective' });
    await dialog
      .getByRole('textbox', { name: 'Objective', exact: true })
      .fill('E2E explanations given within 5 days');
    await dialog.getByRole('textbox', { name: 'What is measured' }).fill('Median days to answer a request');
    await choose(dialog, 'Direction', /At most/);
    await dialog.getByRole('textbox', { name: 'Target' }).fill('5');
    await dialog.getByRole('textbox', { name: 'Unit' }).fill('days');
    await choose(dialog, 'Measured', 'Weekly');
    await dialog.getByRole('button', { name: 'Create objective' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await table.getByRole('link', { name: 'E2E explanations given within 5 days' }).click();
    const drawer = page.getByRole('dialog', { name: 'E2E explanations given within 5 days' });
    await drawer.getByText('No measurements yet.').waitFor();
    await drawer.getByRole('button', { name: 'Record measurement' }).click();
    const record = page.getByRole('dialog', { name: 'Record measurement' });
    await record.getByRole('textbox', { name: 'Value (days)' }).fill('4.5');
    await record.getByRole('textbox', { name: 'Note' }).fill('From the request log');
    await record.getByRole('button', { name: 'Record' }).click();
    await record.waitFor({ state: 'hidden' });
    await drawer.getByText(/1 measurement; latest 4.5 days/).waitFor();
    await drawer.getByText('Met', { exact: true }).waitFor();
    await drawer
      .getByRole('figure', { name: /Progress of E2E explanations/ })
      .locator('svg')
      .first()
      .waitFor();
    expect(page.url()).toContain('objective=');
    await expectAccessible(page);

    // The demo's history draws a line trending to the target, with the target as a reference line.
    await page.goto(`${server.base}/objectives?q=Fairness`);
    await page.getByRole('link', { name: 'Fairness gap on credit decisions ≤ 2 pp' }).click();
    const fairness = page.getByRole('dialog', { name: 'Fairness gap on credit decisions ≤ 2 pp' });
    await fairness.getByText(/7 measurements; latest 1.9 pp/).waitFor();
    await fairness.getByText('Target 2').waitFor();
    await screenshot(page, 'objective-progress');
  });

  it('shows the monitoring plan with the linked tests’ and objectives’ current results', async () => {
    const page = await server.signIn('manager');
    await navigate(page, 'Monitoring plan');
    const table = page.getByRole('table', { name: 'Monitoring and measurement plan' });
    const row = table.getByRole('row', { name: /Fairness of credit decisions/ });
    await row.getByRole('link', { name: 'Fairness gap on credit decisions ≤ 2 pp' }).waitFor();
    await row
      .getByText(/\d+ pass · \d+ fail/)
      .first()
      .waitFor();
    await row.getByText('1.9 pp / ≤ 2 pp').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'monitoring-plan');

    await row.getByRole('button', { name: 'Record analysis of Fairness of credit decisions' }).click();
    const dialog = page.getByRole('dialog', { name: /Record analysis/ });
    await dialog
      .getByRole('textbox', { name: 'What the analysis found' })
      .fill('Gap within target for a month.');
    await dialog.getByRole('button', { name: 'Record analysis' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText(`Last ${new Date().toISOString().slice(0, 10)}`).waitFor();
    await expectAccessible(page);
  });
  it('shows auditors objectives and the plan without the controls that change them', async () => {
    const page = await server.signIn('auditor');
    await page.goto(`${server.base}/objectives?q=Fairness`);
    await page.getByRole('link', { name: 'Fairness gap on credit decisions ≤ 2 pp' }).click();
    const drawer = page.getByRole('dialog', { name: 'Fairness gap on credit decisions ≤ 2 pp' });
    await drawer.getByText(/7 measurements/).waitFor();
    expect(await drawer.getByRole('button', { name: 'Record measurement' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New objective' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await navigate(page, 'Monitoring plan');
    await page
      .getByRole('table', { name: 'Monitoring and measurement plan' })
      .getByText('Fairness of credit decisions')
      .waitFor();
    expect(await page.getByRole('button', { name: /Record analysis/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New plan item' }).count()).toBe(0);
  });
});
