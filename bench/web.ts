/**
 * `npm run bench -- web`: the built web application's initial JavaScript (the entry script and what it
 * preloads, gzipped), and the time from navigation to a rendered dashboard (readiness figures and failing
 * tests on screen) on the demo organisation in headless Chromium. Baseline in the same run and browser: the
 * same server's health document, so the ratio says what the application adds to a bare round trip.
 * Needs `npm run build` first (the bench checks).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/api/app.js';
import { buildConfig } from '../src/config/config.js';
import { openContext } from '../src/context.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { seedMonitoring } from '../src/demo/seed-monitoring.js';
import { todayIso } from '../src/lib/time.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/chromium.js';
import { percentile, table } from './report.js';

const DIST = path.resolve(import.meta.dirname, '../web/dist');
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 15);
const KIB = 1024;

/** The scripts a first visit must download before anything renders: the entry and its preloads. */
export function initialScripts(indexHtml: string): string[] {
  const refs = [
    ...indexHtml.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...indexHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ];
  return [...new Set(refs.map((m) => m[1] as string))];
}

function bundleSizes() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const initial = initialScripts(html).map((src) => readFileSync(path.join(DIST, src)));
  const raw = initial.reduce((sum, b) => sum + b.length, 0);
  const gzipped = initial.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  return { files: initial.length, raw, gzipped };
}

export async function benchWeb(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    process.stderr.write('web/dist is missing: run `npm run build` first.\n');
    process.exitCode = 1;
    return;
  }
  const sizes = bundleSizes();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openaims-bench-web-'));
  const config = buildConfig({
    dataDir,
    secret: 'bench-secret-bench-secret-bench-secret',
    logLevel: 'silent',
  });
  const context = await openContext(config, { needsSecret: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await seedDemo(context.db, context.services);
    await seedMonitoring(context.db, context.services, dataDir, todayIso());
    await context.monitor.syncAll('manual');
    await context.monitor.runAll('manual');
    const app = await buildApp(context);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    const signedIn = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await signedIn.request.post(`${base}/api/auth/login`, {
      data: { email: 'admin@northwind.example', password: DEMO_PASSWORD },
    });
    if (!login.ok()) throw new Error(`demo login failed: ${login.status()} ${await login.text()}`);

    const dashboard: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      // A fresh page each time, with the HTTP cache off, so every run downloads the bundle like a first visit.
      const page = await signedIn.newPage();
      const cdp = await signedIn.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

      let start = performance.now();
      await page.goto(`${base}/api/health`);
      await page.locator('body').waitFor();
      const bare = performance.now() - start;

      start = performance.now();
      await page.goto(`${base}/`);
      await page.getByTestId('readiness-iso-42001-2023').waitFor();
      // The counts show a dash until their query answers.
      await page.waitForFunction(() =>
        /\d/.test(document.querySelector('[data-testid="failing-tests-critical"]')?.textContent ?? ''),
      );
      const rendered = performance.now() - start;
      await page.close();
      if (run < 2) continue; // warm-up: the server's first queries and Chromium's first compile
      baseline.push(bare);
      dashboard.push(rendered);
    }
    dashboard.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    await app.close();

    process.stdout.write(
      `Initial JavaScript: ${sizes.files} file(s), ${(sizes.raw / KIB).toFixed(0)} KiB raw, ${(sizes.gzipped / KIB).toFixed(0)} KiB gzipped (goal < 600 KB).\n\n`,
    );
    const row = (name: string, samples: number[]) => [
      name,
      percentile(samples, 50).toFixed(0),
      percentile(samples, 95).toFixed(0),
    ];
    process.stdout.write(
      table(
        ['navigation (headless Chromium, cache off)', 'p50 ms', 'p95 ms'],
        [row('health document (baseline)', baseline), row('dashboard rendered (goal < 1500)', dashboard)],
      ),
    );
    process.stdout.write(
      `\nDashboard / baseline: ${(percentile(dashboard, 50) / percentile(baseline, 50)).toFixed(1)}× at p50, over ${RUNS} runs.\n`,
    );
  } finally {
    await browser.close();
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
