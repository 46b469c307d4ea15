import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  choose,
  expectAccessible,
  navigate,
  screenshot,
  startWebServer,
  type WebServer,
} from './support/web.js';

vi.setConfig({ testTimeout: 120_000 });

/** Concerns reported by anyone and closed by a manager; roles, RACI and the hand-over of a leaver's records. */
describe('web accountability', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('lets a member report an anonymous concern that a manager then closes with a resolution', async () => {
    const member = await server.signIn('member');
    await navigate(member, 'Concerns');
    await member.getByRole('heading', { name: 'My concerns' }).waitFor();
    // The member's own named concern from the demo, followed under My concerns.
    await member.getByRole('cell', { name: /Customers ask whether they are talking/ }).waitFor();
    await expectAccessible(member);

    await member.getByRole('button', { name: 'Report a concern' }).click();
    const dialog = member.getByRole('dialog', { name: 'Report a concern' });
    await choose(dialog, 'AI system', 'Nora Customer Support Assistant', 'Nora');
    await choose(dialog, 'Category', 'Safety');
    await dialog
      .getByRole('textbox', { name: 'What worries you?' })
      .fill('E2E: the assistant advised a refund route that bypasses fraud checks.');
    await dialog.getByRole('switch', { name: 'Report anonymously' }).check({ force: true });
    await expectAccessible(member);
    await dialog.getByRole('button', { name: 'Report concern' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Anonymous: not listed among the member's own concerns.
    expect(await member.getByRole('cell', { name: /E2E: the assistant advised/ }).count()).toBe(0);
    await member.close();

    const manager = await server.signIn('manager');
    await navigate(manager, 'Concerns');
    await manager.getByRole('link', { name: /E2E: the assistant advised/ }).click();
    const drawer = manager.getByRole('dialog', { name: /Concern #\d+/ });
    await drawer.getByText('Reporter: Anonymous').waitFor();
    await choose(drawer, 'Status', 'Closed');
    await drawer.getByRole('button', { name: 'Close concern' }).click();
    const resolution = drawer.getByRole('textbox', { name: 'Resolution' });
    await expect.poll(() => resolution.getAttribute('aria-invalid')).toBe('true');
    await resolution.fill('Refund flow now requires a fraud check; assistant prompt updated.');
    await drawer.getByRole('button', { name: 'Close concern' }).click();
    await drawer.getByText('Refund flow now requires a fraud check; assistant prompt updated.').waitFor();
    await drawer.getByRole('heading', { name: 'Resolution' }).waitFor();
    await expectAccessible(manager);
    await screenshot(manager, 'accountability-concern-closed');
    await manager.close();
  });

  it('shows the RACI of the AIMS roles and hands a leaver’s records over', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Roles and accountability');
    await page.getByRole('link', { name: 'AIMS owner', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'AIMS owner' });
    await drawer.getByRole('table', { name: 'RACI' }).getByRole('cell', { name: 'Lena Fischer' }).waitFor();
    await expectAccessible(page);

    // The RACI editor: a second accountable person is refused, and the API's message shows under the RACI.
    await drawer.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit AIMS owner' });
    await edit.getByRole('button', { name: 'Add person' }).click();
    const rows = await edit.getByRole('textbox', { name: /^Person \d+$/ }).count();
    await choose(edit, `Person ${rows}`, 'Priya Raman', 'Priya');
    await choose(edit, `RACI letter ${rows}`, 'Accountable');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').getByText('a role has at most one accountable person').waitFor();
    await expectAccessible(page);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'hidden' });
    await drawer.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Orphaned records' }).click();
    await page.getByText('Tobias Keller').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Reassign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign the records of Tobias Keller' });
    await choose(dialog, 'New owner', 'Priya Raman', 'Priya');
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('No orphaned records: every owner is active.').waitFor();
    await screenshot(page, 'accountability-orphans');
    await page.close();
  });
});
