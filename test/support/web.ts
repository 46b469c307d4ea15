import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/types.js';
import { buildConfig } from '../../src/config/config.js';
import { type AppContext, openContext } from '../../src/context.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed.js';
import { seedMonitoring } from '../../src/demo/seed-monitoring.js';
import { todayIso } from '../../src/lib/time.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** The demo organisation's logins, one per role. */
export const DEMO_LOGINS = {
  admin: 'admin@northwind.example',
  manager: 'priya.raman@northwind.example',
  contributor: 'mateo.rossi@northwind.example',
  auditor: 'grace.mensah@northwind.example',
  member: 'liam.oconnor@northwind.example',
} as const;

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');

export interface WebServer {
  base: string;
  context: AppContext;
  browser: Browser;
  /** A fresh page signed in as the role's demo user, on the dashboard. */
  signIn(role: keyof typeof DEMO_LOGINS): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A real server on a temporary SQLite database with the demo organisation — monitoring included and
 * evaluated, as `openaims demo` leaves it — and Debian's Chromium to drive it.
 */
export async function startWebServer(): Promise<WebServer> {
  const database: TestDatabase = await createTestDatabase('sqlite');
  const context = await openContext(
    buildConfig({ dataDir: database.dataDir, secret: 'e2e-secret-e2e-secret-e2e-secret!!' }),
    { needsSecret: true },
  );
  await seedDemo(context.db, context.services);
  await seedMonitoring(context.db, context.services, database.dataDir, todayIso());
  await context.monitor.syncAll('manual');
  await context.monitor.runAll('manual');
  const app: ZodApp = await buildApp(context);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    base,
    context,
    browser,
    async signIn(role) {
      // Reduced motion: dialogs appear at once, so axe never measures a half-faded one.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      await page.goto(`${base}/`);
      await page.getByLabel('Email').fill(DEMO_LOGINS[role]);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await context.close();
      await database.drop();
    },
  };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core on the page and fails on any serious or critical violation, naming them. Waits for toasts to
 * go first: they fade, and a half-transparent toast reads as a contrast failure.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
  expect(violations).toEqual([]);
}

/** Saves a screenshot under test-output/screenshots (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Picks an option of a Mantine Select or MultiSelect, typing into it first when given something to search. */
export async function choose(scope: Page | Locator, label: string, option: string | RegExp, search?: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).first().click();
}

/** Follows a side-bar link. */
export async function navigate(page: Page, label: string) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: label, exact: true })
    .click();
}
