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
});
