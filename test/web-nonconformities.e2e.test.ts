import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { admin } from './support/app.js';
import { planCorrection, verifyAndClose } from './support/nonconformity-flow.js';
import {
  choose,
  expectAccessible,
  navigate,
  screenshot,
  startWebServer,
  type WebServer,
} from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

const TITLE = 'E2E model card missing for the triage model';

/** Raising a nonconformity by hand and taking it through action, check and closing, in a real browser. */
describe('web nonconformities', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('raises a minor nonconformity, corrects it, checks the correction and closes it', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Nonconformities');
    await page
      .getByRole('table', { name: 'Nonconformities' })
      .getByText('AI supplier contracts lack incident notification clauses')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'nonconformities');

    await page.getByRole('button', { name: 'Raise nonconformity' }).click();
    const raise = page.getByRole('dialog', { name: 'Raise a nonconformity' });
    await raise.getByRole('textbox', { name: 'Nonconformity' }).fill(TITLE);
    await choose(raise, 'Grade', 'Minor');
    await raise.getByRole('button', { name: 'Raise nonconformity' }).click();
    await page.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
    await page.getByText('Record the root cause and plan at least one corrective action first.').waitFor();
    expect(await page.getByRole('button', { name: 'Close nonconformity' }).isDisabled()).toBe(true);

    const row = await planCorrection(
      page,
      'Add a model card step to the release checklist',
      'Model cards are not part of the release process.',
    );

    // The plan lists the new gap while it is open.
    await navigate(page, 'Corrective action plan');
    await page.getByRole('article', { name: new RegExp(TITLE) }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'corrective-action-plan');
    await page.goBack();

    await verifyAndClose(page, row);
    await expectAccessible(page);
    await screenshot(page, 'nonconformity-detail');
    await expect.poll(() => page.getByRole('button', { name: 'Add corrective action' }).count()).toBe(0);
    const closed = await server.context.services.nonconformities.list(admin, {
      limit: 5,
      offset: 0,
      q: TITLE,
    });
    expect(closed.items[0]?.status).toBe('closed');
  });
});
