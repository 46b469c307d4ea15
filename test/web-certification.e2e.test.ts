import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { admin } from './support/app.js';
import { expectAccessible, navigate, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });
const WAIT = { timeout: 15_000 };

/** The certification cycle, the readiness checklist and the AIMS calendar feed, in a real browser. */
describe('web certification and calendar', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('shows the certificate and a readiness checklist that matches the API', async () => {
    const page = await server.signIn('auditor');
    await navigate(page, 'Certification');
    await page
      .getByTestId('certificate-number')
      .getByText(/AIMS-2026-0117/)
      .waitFor(WAIT);
    const readiness = await server.context.services.certification.readiness(admin);
    expect(readiness.target?.label).toBe('Surveillance audit 1');
    await page.getByText(`For Surveillance audit 1 on ${readiness.target?.plannedStart}`).waitFor(WAIT);
    for (const check of readiness.checks) {
      const row = page.getByTestId(`readiness-${check.key}`);
      await row.getByText(check.detail, { exact: true }).waitFor(WAIT);
    }
    // Auditors read; they see no edit controls.
    expect(await page.getByRole('button', { name: 'Edit certificate' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'certification-readiness');
    await page.close();
  });

  it('re-plans a surveillance audit and lists it in the calendar, with a feed a calendar app can read', async () => {
    const page = await server.signIn('manager');
    await page.goto(`${server.base}/certification?tab=cycle`);
    const table = page.getByRole('table', { name: 'External audits' });
    await table.getByText('Surveillance audit 1').waitFor(WAIT);
    await table.getByText('Stage 2 audit').waitFor();
    await table
      .getByRole('row', { name: /Surveillance audit 1/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Edit Surveillance audit 1' });
    await dialog
      .getByRole('textbox', { name: 'Lead auditor (certification body)' })
      .fill('Dr. Hannah Becker');
    await dialog.getByRole('button', { name: 'Save audit' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('Dr. Hannah Becker').first().waitFor(WAIT);
    await expectAccessible(page);

    await page.getByRole('tab', { name: 'Calendar' }).click();
    await page
      .getByRole('table', { name: /^Calendar / })
      .first()
      .waitFor(WAIT);
    await page.getByRole('button', { name: 'Create feed address' }).click();
    const address = (await page.getByTestId('calendar-feed-address').textContent()) ?? '';
    expect(address).toContain('/api/calendar.ics?token=oacal_');
    // A calendar app sends no cookie: the token alone reads the feed.
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).summary);
    expect(events).toContain('External surveillance audit 1');
    expect((await fetch(address.replace('/api/calendar.ics', '/api/calendar'))).status).toBe(401);
    await expectAccessible(page);
    await screenshot(page, 'certification-calendar');
    await page.close();
  });

  it('shows each PDCA phase with the overdue counts of the API on the dashboard', async () => {
    const page = await server.signIn('admin');
    const pdca = await server.context.services.pdca.summary(admin);
    for (const phase of pdca.phases) {
      const card = page.getByTestId(`pdca-phase-${phase.phase}`);
      await card.waitFor(WAIT);
      for (const record of phase.records) {
        await expect
          .poll(() => card.getByTestId(`pdca-${record.type}`).textContent(), WAIT)
          .toBe(`${record.total}`);
      }
      if (phase.overdue > 0) {
        expect(await card.getByTestId(`pdca-${phase.phase}-overdue`).textContent()).toBe(
          `${phase.overdue} overdue`,
        );
      }
    }
    await page.close();
  });
});
