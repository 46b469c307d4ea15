import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { planCorrection, verifyAndClose } from './support/nonconformity-flow.js';
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

  it('runs an audit as its auditor, raises the minor nonconformity, corrects it, checks it and closes it', async () => {
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
    const heading = page.getByRole('heading', { name: /IA-\d{4}-\d{2} · E2E context audit/ });
    await heading.waitFor();
    const auditUrl = page.url();

    // The lead auditor has the read-only auditor role, and still conducts the audit she leads.
    const auditor = await server.signIn('auditor');
    await auditor.goto(auditUrl);
    await auditor.getByRole('button', { name: 'Start audit' }).click();
    await auditor.getByText('In progress', { exact: true }).waitFor();
    expect(await auditor.getByRole('button', { name: 'Cancel audit' }).count()).toBe(0);
    await choose(auditor, 'Result for 4.1', 'Minor nonconformity');
    await auditor
      .getByRole('textbox', { name: 'Notes for 4.1' })
      .fill('No record of the last context review.');
    await auditor.getByRole('button', { name: 'Save 4.1' }).click();
    await auditor.getByRole('button', { name: 'Complete audit' }).click();
    const conclude = auditor.getByRole('dialog', { name: /Complete IA-/ });
    await conclude.getByRole('textbox').first().fill('Context analysis is done but not reviewed.');
    await conclude.getByRole('button', { name: 'Complete audit' }).click();
    await auditor.getByText('Completed', { exact: true }).first().waitFor();
    await auditor.getByRole('tab', { name: 'Findings (1)' }).click();
    await auditor
      .getByRole('table', { name: 'Findings' })
      .getByText('No record of the last context review.')
      .waitFor();
    await expectAccessible(auditor);
    await screenshot(auditor, 'audit-detail');
    await auditor.close();

    // Management raises the finding as a nonconformity and takes it to closure.
    await page.reload();
    await page.getByRole('tab', { name: 'Findings (1)' }).click();
    await page
      .getByRole('table', { name: 'Findings' })
      .getByRole('button', { name: 'Raise nonconformity' })
      .click();
    await page.getByRole('heading', { name: /NC-\d{4}-\d{3}/ }).waitFor();
    await page
      .getByRole('link', { name: /IA-\d{4}-\d{2}/ })
      .first()
      .waitFor();
    const row = await planCorrection(
      page,
      'Add the context review to the steering committee agenda',
      'No one owns the yearly context review.',
    );
    await verifyAndClose(page, row);
    const raised = await server.context.db.kysely
      .selectFrom('nonconformities')
      .innerJoin('audit_findings', 'audit_findings.nonconformity_id', 'nonconformities.id')
      .select(['nonconformities.status', 'nonconformities.grade'])
      .where('audit_findings.description', '=', 'No record of the last context review.')
      .executeTakeFirst();
    expect(raised).toEqual({ status: 'closed', grade: 'minor' });
  });
});
