/**
 * `npm run bench [scenario...]` runs the named scenarios (all when none are named):
 * - api: seeds 10k AI systems and 50k risks, then times the list/show/matrix endpoints (through the whole
 *   Fastify stack, in-process) next to the raw SQL behind them, and prints ratios.
 * - monitoring: see monitoring.ts.
 * - web: see web.ts (initial bundle size and time to a rendered dashboard).
 * SQLite by default; PostgreSQL when OPENAIMS_BENCH_DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.js';
import { buildConfig } from '../src/config/config.js';
import { openContext } from '../src/context.js';
import { todayIso } from '../src/lib/time.js';
import { systemActor } from '../src/modules/shared/actor.js';
import { benchMonitoring } from './monitoring.js';
import { type RawRunner, rawRunner } from './raw.js';
import { percentile, table } from './report.js';
import { seedBulk, seedEvidence } from './seed.js';
import { benchWeb } from './web.js';

const SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? 10_000);
const RISKS = Number(process.env.BENCH_RISKS ?? 50_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 10_000);

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function benchApi(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openaims-bench-'));
  const databaseUrl = process.env.OPENAIMS_BENCH_DATABASE_URL;
  const config = buildConfig(
    { dataDir, secret: 'bench-secret-bench-secret-bench-secret', logLevel: 'silent' },
    { databaseUrl },
  );
  const context = await openContext(config, { needsSecret: true, poolSize: 4 });
  let raw: RawRunner | undefined;
  try {
    const actor = systemActor('bench');
    const user = await context.services.users.create(actor, {
      email: 'bench@example.org',
      name: 'Bench',
      role: 'auditor',
    });
    const { secret } = await context.services.tokens.create(actor, { name: 'bench', userId: user.id });
    const seedStart = Date.now();
    const ids = await seedBulk(context.db, SYSTEMS, RISKS);
    await seedEvidence(context.db, EVIDENCE, user.personId);
    process.stdout.write(
      `Seeded ${SYSTEMS} AI systems, ${RISKS} risks and ${EVIDENCE} evidence items on ${context.db.dialect.name} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; ${ITERATIONS} timed runs each.\n\n`,
    );
    const app = await buildApp(context);
    raw = await rawRunner(config);
    const headers = { authorization: `Bearer ${secret}` };
    const get = (url: string) => async () => {
      const response = await app.inject({ method: 'GET', url, headers });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    };
    const systemId = ids.aiSystemIds[Math.floor(ids.aiSystemIds.length / 2)] as string;
    const r = raw;
    const scenarios: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      ['list AI systems (sort=name, 50)', get('/api/ai-systems?sort=name&limit=50'), () => r.listAiSystems()],
      [
        'list AI systems (q=search, 50)',
        get('/api/ai-systems?q=fraud&limit=50'),
        () => r.searchAiSystems('fraud'),
      ],
      ['show one AI system', get(`/api/ai-systems/${systemId}`), () => r.showAiSystem(systemId)],
      [
        'list risks (sort=-inherentScore, 50)',
        get('/api/risks?sort=-inherentScore&limit=50'),
        () => r.listRisks(),
      ],
      [
        'list risks of one AI system',
        get(`/api/risks?aiSystemId=${systemId}`),
        () => r.risksOfSystem(systemId),
      ],
      ['risk matrix (5×5 counts)', get('/api/risks/matrix'), () => r.matrix()],
      ['readiness recomputation (2 frameworks)', get('/api/readiness'), () => r.readinessFacts(todayIso())],
      [
        'requirement tree with status (42001)',
        get('/api/frameworks/iso-42001-2023/requirements'),
        () => r.readinessFacts(todayIso()),
      ],
    ];
    const rows: string[][] = [];
    for (const [name, api, sql] of scenarios) {
      const apiTime = await time(api);
      const sqlTime = await time(sql);
      rows.push([
        name,
        apiTime.p50.toFixed(2),
        apiTime.p95.toFixed(2),
        sqlTime.p50.toFixed(2),
        sqlTime.p95.toFixed(2),
        `${(apiTime.p50 / sqlTime.p50).toFixed(1)}×`,
        `${(apiTime.p95 / sqlTime.p95).toFixed(1)}×`,
      ]);
    }
    const head = [
      'scenario',
      'API p50 ms',
      'API p95 ms',
      'SQL p50 ms',
      'SQL p95 ms',
      'ratio p50',
      'ratio p95',
    ];
    process.stdout.write(table(head, rows));
    await app.close();
  } finally {
    await raw?.close();
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const SCENARIOS: Record<string, () => Promise<void>> = {
  api: benchApi,
  monitoring: benchMonitoring,
  web: benchWeb,
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SCENARIOS));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}\n`,
  );
  process.exit(2);
}
for (const [index, name] of (wanted.length > 0 ? wanted : Object.keys(SCENARIOS)).entries()) {
  if (index > 0) process.stdout.write('\n');
  await (SCENARIOS[name] as () => Promise<void>)();
}
