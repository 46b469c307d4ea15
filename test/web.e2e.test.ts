import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/api/app.js';
import type { ZodApp } from '../src/api/types.js';
import { buildConfig } from '../src/config/config.js';
import { type AppContext, openContext } from '../src/context.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { navigate } from './support/web.js';

vi.setConfig({ testTimeout: 60_000 });

/** The web application in a real browser (Debian's Chromium) against a real server with the demo data. */
describe('web application', () => {
  let database: TestDatabase;
  let context: AppContext;
  let app: ZodApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    context = await openContext(
      buildConfig({ dataDir: database.dataDir, secret: 'e2e-secret-e2e-secret-e2e-secret!!' }),
      { needsSecret: true },
    );
    await seedDemo(context.db, context.services);
    app = await buildApp(context);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await context?.close();
    await database?.drop();
  });

  async function signIn(page: Page, password = DEMO_PASSWORD) {
    await page.goto(`${base}/`);
    await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signedIn(page: Page) {
    await signIn(page);
    await page.getByRole('heading', { name: 'Are we ready?' }).waitFor();
  }

  it('shows the login form to an anonymous visitor and the API’s error for a wrong password', async () => {
    const page = await browser.newPage();
    await signIn(page, 'not the password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Email or password is incorrect');
    await page.close();
  });

  it('signs in to a dashboard with live readiness, then lists and filters AI systems from the URL', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('heading', { name: 'Are we ready?' }).waitFor();
    const readiness = await page.getByTestId('readiness-iso-42001-2023').textContent();
    const api = (
      await context.services.readiness.current({
        type: 'system',
        userId: null,
        personId: null,
        role: 'admin',
        label: 'e2e',
      })
    ).items;
    expect(readiness).toBe(`${api.find((r) => r.frameworkId === 'iso-42001-2023')?.percent}%`);

    await navigate(page, 'AI systems');
    await page.getByRole('cell', { name: 'Consumer Credit Scoring Model' }).waitFor();
    await page.getByLabel('Search').fill('radiology');
    await expect.poll(() => page.url()).toContain('q=radiology');

    // A shared link restores the same filtered view.
    await page.goto(`${base}/ai-systems?tier=high&sort=-name`);
    await page.getByRole('cell', { name: 'Consumer Credit Scoring Model' }).waitFor();
    const names = await page.locator('tbody tr td:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort().reverse()).toEqual(names);
    await page.close();
  });

  it('opens a framework’s requirement tree and explains a status in the drawer', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signedIn(page);
    await page.goto(`${base}/frameworks/iso-42001-2023?ref=A.6.2.8`);
    const drawer = page.getByRole('dialog');
    await drawer
      .getByText('Why: controls and evidence')
      .waitFor({ timeout: 10_000 })
      .catch(async (error) => {
        await page.screenshot({ path: '/tmp/e2e-drawer.png' });
        throw error;
      });
    expect(await drawer.textContent()).toContain('A.6.2.8 AI system recording of event logs');
    await page.close();
  });

  it('filters the risk register by clicking a heat-map cell', async () => {
    const page = await browser.newPage();
    await signedIn(page);
    await navigate(page, 'Risks');
    const all = await context.services.risks.list(
      { type: 'system', userId: null, personId: null, role: 'admin', label: 'e2e' },
      { limit: 500, offset: 0 },
    );
    const cell = all.items[0];
    if (!cell) throw new Error('demo has no risks');
    const inCell = all.items.filter((r) => r.likelihood === cell.likelihood && r.impact === cell.impact);
    await page
      .getByRole('button', {
        name: `Likelihood ${cell.likelihood}, impact ${cell.impact}: ${inCell.length} risks`,
      })
      .click();
    await expect.poll(() => page.url()).toContain(`likelihood=${cell.likelihood}&impact=${cell.impact}`);
    const register = page.locator('table').last().locator('tbody tr td:first-child');
    await expect.poll(() => register.count()).toBe(inCell.length);
    expect((await register.allTextContents()).sort()).toEqual(inCell.map((r) => r.title).sort());
    await page.close();
  });

  it('works from the keyboard alone: sign in, follow the navigation, create a record in a dialog', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await page.goto(`${base}/`);
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      );
    const tabTo = async (name: RegExp, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (name.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await page.getByLabel('Email').focus();
    await page.keyboard.type(DEMO_ADMIN_EMAIL);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Are we ready?' }).waitFor();

    await tabTo(/^AI systems$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'AI systems' }).waitFor();
    await tabTo(/^New AI system$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New AI system' });
    await dialog.waitFor();
    // Focus moves into the dialog, on its first field.
    await expect
      .poll(() =>
        dialog.getByRole('textbox', { name: 'Name' }).evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.type('Keyboard-only system');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Keyboard-only system' }).waitFor();
    await page.close();
  });

  it('signs out back to the login form', async () => {
    const page = await browser.newPage();
    await signedIn(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });
});
