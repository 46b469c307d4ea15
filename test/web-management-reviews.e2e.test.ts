import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { admin } from './support/app.js';
import { DEMO_LOGINS, expectAccessible, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 180_000 });

type Inputs = { sections: Array<{ key: string; figures: Array<{ key: string; value: number }> }> };

/** Holding the demo's planned management review in a real browser, on inputs compiled from live data. */
describe('web management reviews', () => {
  let server: WebServer;
  let token: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  };
  const figure = (inputs: Inputs, key: string) => {
    const [section, name] = key.split('.');
    return inputs.sections.find((s) => s.key === section)?.figures.find((f) => f.key === name)?.value ?? NaN;
  };

  beforeAll(async () => {
    server = await startWebServer();
    const user = await server.context.db.kysely
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select('users.id')
      .where('people.email', '=', DEMO_LOGINS.admin)
      .executeTakeFirstOrThrow();
    token = (await server.context.services.tokens.create(admin, { name: 'e2e', userId: user.id })).secret;
  }, 180_000);
  afterAll(() => server?.close());

  it('opens the planned review, shows inputs from the data, and records a note and an action', async () => {
    const planned = (await call('GET', '/api/management-reviews?status=planned')).items[0];
    expect(planned.title).toBe('Management review H2');
    const before: Inputs = await call('GET', `/api/management-reviews/${planned.id}/inputs`);
    await call('POST', '/api/scope/issues', { kind: 'external', title: 'E2E: new AI liability rules' });
    await call('POST', '/api/scope/issues', { kind: 'internal', title: 'E2E: new data platform' });
    await call('POST', '/api/scope/interested-parties', { name: 'E2E: consumer association' });

    const page = await server.signIn('admin');
    await page.goto(`${server.base}/management-reviews`);
    const list = page.getByRole('table', { name: 'Management reviews' });
    await list.getByText('Management review H1').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'management-reviews');
    await page.getByRole('tab', { name: 'Tracked actions' }).click();
    await page.getByRole('table', { name: 'Tracked actions' }).getByText('(overdue)').first().waitFor();

    await page.getByRole('tab', { name: 'Reviews' }).click();
    await list.getByRole('link', { name: 'Management review H2' }).click();
    await page.getByRole('heading', { name: 'Management review H2' }).waitFor();
    await page.getByRole('button', { name: 'Open review' }).click();
    await page.getByText('In progress', { exact: true }).waitFor();

    // The figures on the cards are the data's, with the records just created counted in.
    const shown = async (key: string) =>
      Number(await page.locator(`[data-figure="${key}"] p`).nth(1).textContent());
    await page.getByRole('heading', { name: 'Changes in internal and external issues' }).waitFor();
    expect(await shown('context_changes.changed_total')).toBe(
      figure(before, 'context_changes.changed_total') + 2,
    );
    expect(await shown('context_changes.added')).toBe(figure(before, 'context_changes.added') + 2);
    expect(await shown('interested_parties.changed_total')).toBe(
      figure(before, 'interested_parties.changed_total') + 1,
    );
    expect(await shown('audit_results.findings')).toBe(figure(before, 'audit_results.findings'));

    const monitoring = page.getByRole('region', { name: 'Monitoring and measurement results' });
    await monitoring
      .getByRole('textbox', { name: 'Discussion and conclusion' })
      .fill('Failing tests need owners.');
    await monitoring.getByRole('button', { name: /Save note/ }).click();
    await monitoring.getByText('Discussed', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'management-review-inputs');

    await page.getByRole('tab', { name: /Decisions and actions/ }).click();
    await page.getByRole('button', { name: 'Add decision or action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a decision or action' });
    await dialog
      .getByRole('textbox', { name: 'Decision or action' })
      .fill('Assign an owner to every failing test');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('table', { name: 'Decisions and actions' })
      .getByText('Assign an owner to every failing test')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'management-review-actions');

    // Completing freezes the inputs; the review then offers no more edits.
    await page.getByRole('button', { name: 'Complete review' }).click();
    const complete = page.getByRole('dialog', { name: 'Complete the review' });
    await complete.getByText('8 input(s) still have no note.', { exact: false }).waitFor();
    await complete.getByRole('button', { name: 'Complete', exact: true }).click();
    await complete.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Complete review' }).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Inputs' }).click();
    await page.getByText(/As they stood when the review was completed/).waitFor();
    expect(await page.getByRole('button', { name: 'Add decision or action' }).count()).toBe(0);

    const saved = await call('GET', `/api/management-reviews/${planned.id}`);
    expect(saved.status).toBe('completed');
    expect(saved.inputNotes.monitoring).toBe('Failing tests need owners.');
    expect(saved.outputs.map((o: { description: string }) => o.description)).toEqual([
      'Assign an owner to every failing test',
    ]);
  });
});
