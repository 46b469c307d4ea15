import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { admin } from './support/app.js';
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

    const cause = page.getByRole('region', { name: 'Root cause (five whys)' });
    await cause.getByRole('button', { name: 'Add a why' }).click();
    await cause
      .getByRole('textbox', { name: 'Answer 1' })
      .fill('The release checklist has no model card step.');
    await cause
      .getByRole('textbox', { name: 'Root cause' })
      .fill('Model cards are not part of the release process.');
    await cause.getByRole('button', { name: 'Save root cause' }).click();
    await page.getByText('Root cause saved').waitFor();

    const actions = page.getByRole('region', { name: 'Corrective actions' });
    await actions.getByRole('button', { name: 'Add corrective action' }).click();
    const add = page.getByRole('dialog', { name: 'Add a corrective action' });
    await add
      .getByRole('textbox', { name: 'Action', exact: true })
      .fill('Add a model card step to the release checklist');
    const due = add.getByRole('textbox', { name: 'Due' });
    await due.fill(addDays(todayIso(), 14));
    await due.press('Tab');
    await add.getByRole('textbox', { name: 'Investment', exact: true }).fill('900');
    await add.getByRole('button', { name: 'Add action' }).click();
    await add.waitFor({ state: 'hidden' });
    const row = actions.getByRole('row', { name: /Add a model card step/ });
    await row.waitFor();
    await page.getByText('Action planned', { exact: true }).first().waitFor();

    // The plan lists the new gap while it is open.
    await navigate(page, 'Corrective action plan');
    await page.getByRole('article', { name: new RegExp(TITLE) }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'corrective-action-plan');
    await page.goBack();

    await row.getByRole('button', { name: 'Complete' }).click();
    const complete = page.getByRole('dialog', { name: /Complete CA-/ });
    await complete.getByRole('textbox', { name: 'What was done' }).fill('Checklist updated and announced.');
    await complete.getByRole('button', { name: 'Mark done' }).click();
    await complete.waitFor({ state: 'hidden' });
    await page.getByText('Plan and record an effectiveness check first.').waitFor();

    const checks = page.getByRole('region', { name: 'Effectiveness checks' });
    await checks.getByRole('button', { name: 'Plan effectiveness check' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan an effectiveness check' });
    const on = plan.getByRole('textbox', { name: 'Check on' });
    await on.fill(todayIso());
    await on.press('Tab');
    await plan.getByRole('button', { name: 'Plan check' }).click();
    await plan.waitFor({ state: 'hidden' });
    await checks.getByRole('button', { name: 'Record result' }).click();
    const record = page.getByRole('dialog', { name: 'Record the effectiveness check' });
    await choose(record, 'Result', 'Effective: the cause is gone');
    await record
      .getByRole('textbox', { name: 'What was checked' })
      .fill('Two releases since, both with cards.');
    await record.getByRole('button', { name: 'Record result' }).click();
    await record.waitFor({ state: 'hidden' });
    await expectAccessible(page);
    await screenshot(page, 'nonconformity-detail');

    await page.getByRole('button', { name: 'Close nonconformity' }).click();
    await page.getByText('Nonconformity closed').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Add corrective action' }).count()).toBe(0);
    const closed = await server.context.services.nonconformities.list(admin, {
      limit: 5,
      offset: 0,
      q: TITLE,
    });
    expect(closed.items[0]?.status).toBe('closed');
  });
});
