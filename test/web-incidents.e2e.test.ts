import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { admin } from './support/app.js';
import { choose, expectAccessible, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

/** Reporting a serious incident on a high-risk system and meeting its Art. 73 deadline, in a real browser. */
describe('web AI incidents', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('reports a serious incident on a high-risk system, shows the Art. 73 deadline and marks it notified', async () => {
    const page = await server.signIn('admin');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'AI incidents', exact: true })
      .click();
    // The demo's open privacy incident is waiting for its GDPR notification.
    await page
      .getByRole('table', { name: 'AI incidents' })
      .getByText('Support assistant showed another customer’s recent transactions')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'incidents');

    // The Art. 73 windows are configurable, within what the law allows, with the legal basis shown.
    await page.getByRole('button', { name: 'Reporting deadlines' }).click();
    const settings = page.getByRole('dialog', { name: 'Incident reporting deadlines' });
    await settings.getByText('EU AI Act Art. 73(2)').waitFor();
    const general = settings.getByRole('textbox', { name: 'Serious incident (days)' });
    await general.fill('120');
    await settings.getByRole('button', { name: 'Save deadlines' }).click();
    await expect.poll(() => general.getAttribute('aria-invalid')).toBe('true');
    await general.fill('12');
    await settings.getByRole('button', { name: 'Save deadlines' }).click();
    await settings.waitFor({ state: 'hidden' });
    expect((await server.context.services.incidents.settings(admin)).art73Days.general).toBe(12);
    await server.context.services.incidents.updateSettings(admin, {
      art73Days: { general: 15, death: 10, widespread_or_critical_infrastructure: 2 },
    });

    await page.getByRole('button', { name: 'Report incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report an AI incident' });
    await dialog
      .getByRole('textbox', { name: 'What happened' })
      .fill('E2E triage model missed urgent findings');
    await choose(dialog, 'Severity', 'Critical');
    await choose(dialog, 'Harm', 'Health safety');
    await choose(dialog, 'Affected AI systems', /Chest X-ray Triage/, 'Chest');
    // A multi-select stays open for more choices; moving on closes it.
    await dialog.getByRole('textbox', { name: 'What happened' }).click();
    await dialog.getByRole('switch', { name: 'Serious incident (EU AI Act Art. 3(49))' }).click();
    await choose(dialog, 'Serious incident category', 'Death of a person (10 days)');
    await dialog.getByRole('button', { name: 'Report incident' }).click();

    await page.getByRole('heading', { name: /E2E triage model missed urgent findings/ }).waitFor();
    await page.getByText('EU AI Act Art. 73 applies').waitFor();
    const notifications = page.getByRole('table', { name: 'Notifications' });
    const authority = notifications.getByRole('row', { name: /Market surveillance authority/ });
    await authority.getByText('Art. 73(4): 10 days in the event of a death').waitFor();
    await authority.getByText(/^(9|10) days left$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'incident-detail');

    await authority.getByRole('button', { name: 'Mark notified' }).click();
    const mark = page.getByRole('dialog', { name: /Mark notified/ });
    await mark.getByRole('textbox', { name: 'Reference' }).fill('MSA-E2E-1');
    await mark.getByRole('button', { name: 'Mark notified' }).click();
    await mark.waitFor({ state: 'hidden' });
    await authority.getByText('Notified in time').waitFor();
    await authority.getByText('MSA-E2E-1').waitFor();

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByText('Notified Market surveillance authority (reference MSA-E2E-1).').waitFor();
    await page.getByRole('textbox', { name: 'Note' }).fill('Radiologists double-read all studies meanwhile.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    // The note joins the timeline (the text box holds the same words until the save clears it).
    await page
      .getByRole('paragraph')
      .filter({ hasText: 'Radiologists double-read all studies meanwhile.' })
      .waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('');
    await expectAccessible(page);

    // The incident's corrective actions are planned on it and join the corrective action plan.
    await page.getByRole('tab', { name: 'Corrective actions' }).click();
    await page.getByRole('button', { name: 'Add corrective action' }).click();
    const add = page.getByRole('dialog', { name: 'Add a corrective action' });
    await add
      .getByRole('textbox', { name: 'Action', exact: true })
      .fill('Add a second reader for flagged studies');
    const due = add.getByRole('textbox', { name: 'Due' });
    await due.fill(addDays(todayIso(), 10));
    await due.press('Tab');
    await add.getByRole('button', { name: 'Add action' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Corrective actions' }).getByText('Add a second reader').waitFor();
    const plan = await server.context.services.nonconformities.plan(admin);
    expect(JSON.stringify(plan)).toContain('Add a second reader for flagged studies');
    await expectAccessible(page);
  });
});
