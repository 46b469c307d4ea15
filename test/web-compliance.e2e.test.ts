import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../src/modules/shared/actor.js';
import { navigate, screenshot, startWebServer, type WebServer } from './support/web.js';

vi.setConfig({ testTimeout: 90_000, expect: { poll: { timeout: 10_000 } } });

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
interface AxeRunner {
  run(context: unknown): Promise<{
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  }>;
}

const SYSTEM: Actor = { type: 'system', userId: null, personId: null, role: 'admin', label: 'e2e' };
// Demo facts: AIMS-RES-04 is implemented and owned but has no evidence, so its ISO 42001 requirement is not met.
const UNEVIDENCED_CONTROL = 'AIMS-RES-04';
const EXPIRED_EVIDENCE = 'Records retention schedule';

/** Controls, evidence and the Statement of Applicability in a real browser against the demo organisation. */
describe('web compliance pages', () => {
  let server: WebServer;

  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const percent = async (frameworkId: string) =>
    (await server.context.services.readiness.current(SYSTEM)).items.find((r) => r.frameworkId === frameworkId)
      ?.percent;

  /**
   * axe-core on what these pages render (main region and dialogs), once the toasts have gone (their close
   * buttons have no name). The shell's header and navbar are excluded: their dimmed text and subtle sign-out
   * button fail colour contrast on every page, which is the shell's to fix, not this area's. `only` checks
   * one open drawer alone (axe misjudges the page behind a drawer's overlay).
   */
  async function accessible(page: Page, only?: string) {
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async (only) => {
      const axe = (window as unknown as { axe: AxeRunner }).axe;
      const result = await axe.run(
        only ? { include: [[only]] } : { exclude: [['header'], ['.mantine-AppShell-navbar']] },
      );
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, only);
    expect(violations).toEqual([]);
  }

  async function readinessFromApi(page: Page, frameworkId: string): Promise<number | undefined> {
    const response = await page.request.get(`${server.base}/api/readiness`);
    const body = (await response.json()) as { items: Array<{ frameworkId: string; percent: number }> };
    return body.items.find((r) => r.frameworkId === frameworkId)?.percent;
  }

  it('lists controls with filters in the URL and explains a control in its drawer', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Controls');
    await page.getByRole('cell', { name: 'AIMS-GOV-01', exact: true }).waitFor();
    await page.getByLabel('Search').fill('tooling');
    await expect.poll(() => page.url()).toContain('q=tooling');
    await page.getByRole('link', { name: UNEVIDENCED_CONTROL }).click();
    await expect.poll(() => page.url()).toContain(`control=${UNEVIDENCED_CONTROL}`);
    const drawer = page.getByRole('dialog');
    await drawer.getByText('No evidence attached.').waitFor();
    await drawer.getByRole('heading', { name: 'Mapped requirements' }).waitFor();
    await drawer
      .getByRole('link', { name: /iso-42001-2023 A\.4\.\d/ })
      .first()
      .waitFor();
    await expect.poll(() => drawer.getByRole('button', { name: 'Save' }).isVisible()).toBe(true);
    await accessible(page);
    await screenshot(page, 'controls-drawer');

    // An edit that the API rejects shows its field error next to the field.
    const notes = drawer.getByLabel('Implementation notes');
    await notes.fill('x'.repeat(20_001));
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => notes.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await notes.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('error'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/20000|20,000|too big|at most/i);

    await page.goto(`${server.base}/controls?domain=governance&sort=-name`);
    await page.getByRole('cell', { name: 'AIMS-GOV-01', exact: true }).waitFor();
    const names = page.locator('tbody tr td:nth-child(2)');
    const shown = await names.allTextContents();
    expect([...shown].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' }))).toEqual(shown);
    await accessible(page);
    await screenshot(page, 'controls');
    await page.close();
  });

  it('uploads a file version by drag-and-drop input and the framework’s readiness rises', async () => {
    const page = await server.signIn('admin');
    const before = await readinessFromApi(page, 'iso-42001-2023');
    expect(before).toBe(await percent('iso-42001-2023'));

    await navigate(page, 'Evidence');
    await page.getByRole('button', { name: 'New evidence' }).click();
    const modal = page.getByRole('dialog', { name: 'New evidence' });
    await modal.getByLabel('Title').fill('Tooling inventory export');
    await modal.getByLabel('Controls').fill(UNEVIDENCED_CONTROL);
    await page.getByRole('option', { name: new RegExp(`^${UNEVIDENCED_CONTROL} `) }).click();
    await modal.getByLabel('Title').click(); // closes the options list
    await modal.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.url()).toContain('evidence=');

    const drawer = page.getByRole('dialog', { name: 'Tooling inventory export' });
    await drawer.getByText('No versions yet.').waitFor();
    await drawer.locator('input[type="file"]').setInputFiles({
      name: 'tooling-inventory.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('tool,owner\nmlflow,Erik Lindqvist\n'),
    });
    await drawer.getByRole('cell', { name: 'tooling-inventory.csv' }).waitFor();
    await drawer.getByRole('link', { name: 'Download version 1' }).waitFor();

    await expect.poll(() => readinessFromApi(page, 'iso-42001-2023')).toBeGreaterThan(before ?? 100);
    const after = await readinessFromApi(page, 'iso-42001-2023');
    expect(after).toBe(await percent('iso-42001-2023'));
    await accessible(page, '.mantine-Drawer-content');
    await screenshot(page, 'evidence-drawer');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toContain('evidence=');
    await navigate(page, 'Dashboard');
    await expect.poll(() => page.getByTestId('readiness-iso-42001-2023').textContent()).toBe(`${after}%`);
    await page.goto(`${server.base}/controls?control=${UNEVIDENCED_CONTROL}`);
    await page.getByRole('dialog').getByRole('link', { name: 'Tooling inventory export' }).waitFor();
    await page.close();
  });

  it('shows expiry badges, with expired evidence marked and filterable', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await server.context.services.evidence.create(SYSTEM, {
      title: 'Quarterly access review',
      kind: 'note',
      note: 'Reviewed by the platform team.',
      validUntil: soon,
    });
    const page = await server.signIn('admin');
    await page.goto(`${server.base}/evidence?sort=validUntil`);
    const badgeOf = (title: string) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });
    await badgeOf(EXPIRED_EVIDENCE).getByText('Expired', { exact: true }).waitFor();
    await badgeOf('Quarterly access review')
      .getByText(/^Expires in (9|10|11) days$/)
      .waitFor();
    await expect.poll(() => page.getByText('Valid', { exact: true }).count()).toBeGreaterThan(0);
    await accessible(page);
    await screenshot(page, 'evidence');

    await page.getByLabel('Expired only').click();
    await expect.poll(() => page.url()).toContain('expired=1');
    const badges = page.locator('tbody tr td:nth-child(3)');
    await expect.poll(async () => new Set(await badges.allTextContents())).toEqual(new Set(['Expired']));
    await page.close();
  });

  it('decides an SoA row inline, approves a version, downloads its XLSX and diffs it', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Statement of Applicability');
    await page.getByRole('table', { name: 'Statement of Applicability draft' }).waitFor();
    await accessible(page);
    await screenshot(page, 'soa');

    // Excluding a control without a justification shows the API's error beside the justification.
    const justification = page.getByLabel('A.2.3 justification');
    await justification.fill('');
    await page.getByRole('switch', { name: 'A.2.3 applicable' }).click({ force: true });
    await page.getByText('an exclusion needs a justification', { exact: true }).waitFor();
    await justification.fill('Covered by the group AI policy alignment in A.2.2.');
    await page.getByRole('button', { name: 'Save A.2.3' }).click();
    await expect
      .poll(async () => (await server.context.services.soa.draft(SYSTEM, 'iso-42001-2023')).rows)
      .toContainEqual(expect.objectContaining({ ref: 'A.2.3', applicable: false }));

    const latest =
      (await server.context.services.soa.versions(SYSTEM, 'iso-42001-2023')).items[0]?.version ?? 0;
    await page.getByRole('button', { name: 'Approve version' }).click();
    const modal = page.getByRole('dialog', { name: 'Approve version' });
    await modal.getByLabel('Changelog').fill('Exclude A.2.3: covered by A.2.2.');
    await modal.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Version ${latest + 1} approved.`).waitFor();

    await page.getByRole('tab', { name: 'Versions' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: `Export version ${latest + 1} as XLSX` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await screenshot(page, 'soa-versions');

    await page.goto(`${server.base}/soa?tab=compare&from=${latest}&to=${latest + 1}`);
    const changes = page.getByRole('table', { name: 'Changed rows' });
    await changes
      .getByRole('row')
      .filter({ hasText: 'A.2.3' })
      .filter({ hasText: 'Excluded' })
      .first()
      .waitFor();
    await accessible(page);

    // ISO 27001 is in scope too, with every justification still to write.
    await page.goto(`${server.base}/soa?framework=iso-27001-2022`);
    await page.getByText(/93 rows still need a justification/).waitFor();
    await page.close();
  });

  it('shows an auditor no edit, upload or approve controls', async () => {
    const page = await server.signIn('auditor');
    await page.goto(`${server.base}/controls?control=${UNEVIDENCED_CONTROL}`);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: 'Mapped requirements' }).waitFor();
    expect(await drawer.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await drawer.getByLabel('Status').count()).toBe(0);

    await page.goto(`${server.base}/evidence?q=${encodeURIComponent(EXPIRED_EVIDENCE)}`);
    await page.getByRole('cell', { name: EXPIRED_EVIDENCE }).waitFor();
    expect(await page.getByRole('button', { name: 'New evidence' }).count()).toBe(0);
    await page.getByRole('link', { name: EXPIRED_EVIDENCE }).click();
    const evidence = page.getByRole('dialog', { name: EXPIRED_EVIDENCE });
    await evidence.getByRole('heading', { name: 'Versions' }).waitFor();
    expect(await evidence.locator('input[type="file"]').count()).toBe(0);
    expect(await evidence.getByRole('button', { name: /Save|Add version/ }).count()).toBe(0);
    await accessible(page);

    await page.goto(`${server.base}/soa`);
    await page.getByRole('table', { name: 'Statement of Applicability draft' }).waitFor();
    expect(await page.getByRole('button', { name: 'Approve version' }).count()).toBe(0);
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page
      .getByRole('link', { name: /Export version \d+ as XLSX/ })
      .first()
      .waitFor();
    await page.close();
  });
});
