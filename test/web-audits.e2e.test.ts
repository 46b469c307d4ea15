import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import {
  choose,
  expectAccessible,
  navigate,
  screenshot,
  startWebServer,
  type WebServer,
} from './support/web.js';

vi.setConfig({ testTimeout: 180_000 });

/** Planning an internal audit, running it and recording a finding, in a real browser. */
describe('web internal audits', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 180_000);
  afterAll(() => server?.close());

  it('shows the programme coverage and the demo audits', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Internal audits');
    const table = page.getByRole('table', { name: 'Internal audits' });
    await table.getByText('Annual AIMS audit: clauses 4-10 and Annex A.2-A.5').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audits');

    await page.getByRole('tab', { name: 'Programme' }).click();
    await page.getByText(/Planned \d+ of \d+ requirements/).waitFor();
    await page.getByRole('button', { name: /Show gaps/ }).click();
    await page
      .getByRole('list', { name: /Gaps in/ })
      .getByText(/^A\.10\./)
      .first()
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-programme');
  });

  it('plans an audit, starts it, records a minor nonconformity and sees the finding', async () => {
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/audits`);
    await page.getByRole('button', { name: 'Plan audit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan an internal audit' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('E2E context audit');
    await choose(dialog, 'Lead auditor', 'Grace Mensah', 'Grace');
    await dialog.getByLabel('Planned start').fill(todayIso());
    await dialog.getByLabel('Planned end').fill(addDays(todayIso(), 1));
    const refs = dialog.getByRole('textbox', { name: 'Requirements to audit' });
    await refs.fill('4.1');
    await refs.press('Enter');
    await dialog.getByRole('textbox', { name: 'Title' }).click();
    await dialog.getByRole('button', { name: 'Plan audit' }).click();

    await page.getByRole('heading', { name: /IA-\d{4}-\d{2} · E2E context audit/ }).waitFor();
    await page.getByRole('button', { name: 'Start audit' }).click();
    await page.getByText('In progress', { exact: true }).waitFor();

    await choose(page, 'Result for 4.1', 'Minor nonconformity');
    await page.getByRole('textbox', { name: 'Notes for 4.1' }).fill('No record of the last context review.');
    await page.getByRole('button', { name: 'Save 4.1' }).click();
    await page.getByRole('tab', { name: 'Findings (1)' }).click();
    const findings = page.getByRole('table', { name: 'Findings' });
    await findings.getByText('No record of the last context review.').waitFor();
    await findings.getByRole('button', { name: 'Raise nonconformity' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-detail');
  });
});
