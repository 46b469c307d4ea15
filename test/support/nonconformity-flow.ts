import type { Page } from 'playwright-core';
import { addDays, todayIso } from '../../src/lib/time.js';
import { choose } from './web.js';

/** On a nonconformity's page: record the five whys and root cause, then plan one corrective action. */
export async function planCorrection(page: Page, action: string, rootCause: string) {
  const cause = page.getByRole('region', { name: 'Root cause (five whys)' });
  await cause.getByRole('button', { name: 'Add a why' }).click();
  await cause.getByRole('textbox', { name: 'Answer 1' }).fill(`Because ${rootCause.toLowerCase()}`);
  await cause.getByRole('textbox', { name: 'Root cause' }).fill(rootCause);
  await cause.getByRole('button', { name: 'Save root cause' }).click();
  await page.getByText('Root cause saved').waitFor();

  const actions = page.getByRole('region', { name: 'Corrective actions' });
  await actions.getByRole('button', { name: 'Add corrective action' }).click();
  const add = page.getByRole('dialog', { name: 'Add a corrective action' });
  await add.getByRole('textbox', { name: 'Action', exact: true }).fill(action);
  const due = add.getByRole('textbox', { name: 'Due' });
  await due.fill(addDays(todayIso(), 14));
  await due.press('Tab');
  await add.getByRole('textbox', { name: 'Investment', exact: true }).fill('900');
  await add.getByRole('button', { name: 'Add action' }).click();
  await add.waitFor({ state: 'hidden' });
  const row = actions.getByRole('row', { name: new RegExp(action.slice(0, 30)) });
  await row.waitFor();
  await page.getByText('Action planned', { exact: true }).first().waitFor();
  return row;
}

/** Complete the action, plan and record an effective check, and close the nonconformity. */
export async function verifyAndClose(page: Page, actionRow: ReturnType<Page['getByRole']>) {
  await actionRow.getByRole('button', { name: 'Complete' }).click();
  const complete = page.getByRole('dialog', { name: /Complete CA-/ });
  await complete.getByRole('textbox', { name: 'What was done' }).fill('Done and announced to the team.');
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
  await record.getByRole('textbox', { name: 'What was checked' }).fill('Sampled the last two occurrences.');
  await record.getByRole('button', { name: 'Record result' }).click();
  await record.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: 'Close nonconformity' }).click();
  await page.getByText('Nonconformity closed').waitFor();
}
