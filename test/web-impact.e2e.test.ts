import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

/** Impact assessments in a real browser: standing per system, and the questionnaire with its field errors. */
describe('web impact assessments', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('shows each system’s standing and starts an assessment whose unanswered questions are flagged', async () => {
    const page = await server.signIn('manager');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Impact assessments' })
      .click();
    const table = page.getByRole('table', { name: 'Impact assessment standing' });
    const radiology = table.getByRole('row', { name: /Chest X-ray Triage/ });
    await radiology.getByText('Due', { exact: true }).waitFor();
    expect(await radiology.textContent()).toContain('Material change');
    await expectAccessible(page);
    await screenshot(page, 'impact-assessments');

    await table.getByRole('button', { name: 'Assess Engineering Code Assistant' }).click();
    await page.getByRole('heading', { name: 'Engineering Code Assistant: impact assessment v1' }).waitFor();
    const autonomy = page.getByRole('radiogroup', { name: /How much does the system decide/ });
    await page.getByRole('button', { name: 'Send for review' }).click();
    // Each unanswered required question shows the API's message next to it.
    await page.getByText('needs an answer before review').first().waitFor();
    expect(await page.getByText('needs an answer before review').count()).toBeGreaterThan(10);
    await autonomy.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText(/required questions unanswered/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'impact-assessment-questionnaire');
    await page.close();
  });

  it('raises a change request, collects its sign-offs, implements it, and the impact assessment shows as due', async () => {
    const manager = await server.signIn('manager');
    const nav = (page: typeof manager, label: string) =>
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label }).click();
    await nav(manager, 'Impact assessments');
    const credit = manager
      .getByRole('table', { name: 'Impact assessment standing' })
      .getByRole('row', { name: /Consumer Credit Scoring/ });
    await credit.getByText('Current', { exact: true }).waitFor();

    await nav(manager, 'Change requests');
    await manager.getByRole('button', { name: 'New change request' }).click();
    const dialog = manager.getByRole('dialog', { name: 'New change request' });
    await dialog.getByRole('textbox', { name: 'AI system' }).click();
    await manager.getByRole('option', { name: 'Consumer Credit Scoring Model' }).click();
    await dialog.getByRole('textbox', { name: 'Type of change' }).click();
    await manager.getByRole('option', { name: 'New model version' }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('E2E scorer v4');
    await dialog.getByRole('button', { name: 'Raise change request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await manager.getByRole('link', { name: 'E2E scorer v4' }).click();
    const drawer = manager.getByRole('dialog', { name: /E2E scorer v4/ });
    await drawer.getByRole('button', { name: 'Submit for sign-off' }).click();
    await drawer.getByRole('table', { name: 'Sign-offs' }).waitFor();
    // The requester holds no sign-off of their own change.
    await drawer.getByRole('button', { name: 'Approve as AI system owner' }).click();
    await manager.getByText('someone else must sign it off').waitFor();
    await expectAccessible(manager);
    await screenshot(manager, 'change-request');
    const link = manager.url();
    await manager.close();

    for (const [role, signoff] of [
      ['contributor', 'AI system owner'],
      ['admin', 'AIMS owner'],
    ] as const) {
      const signer = await server.signIn(role);
      await signer.goto(link);
      const d = signer.getByRole('dialog', { name: /E2E scorer v4/ });
      await d.getByRole('button', { name: `Approve as ${signoff}` }).click();
      await d.getByRole('button', { name: `Approve as ${signoff}` }).waitFor({ state: 'detached' });
      await signer.close();
    }

    const implementer = await server.signIn('manager');
    await implementer.goto(link);
    const d = implementer.getByRole('dialog', { name: /E2E scorer v4/ });
    await d.getByRole('button', { name: 'Record as implemented' }).click();
    await d.getByText(/impact assessment is due again/).waitFor();
    await implementer.keyboard.press('Escape');
    await nav(implementer, 'Impact assessments');
    const row = implementer
      .getByRole('table', { name: 'Impact assessment standing' })
      .getByRole('row', { name: /Consumer Credit Scoring/ });
    await row.getByText('Due', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/Material change CR-\d{4}-\d{3} \(new model version\)/);
    await implementer.close();
  });
});
