/**
 * `npm run bench -- monitoring`: 1,200 CEL tests over 100k pushed resources (20 types). Times a full sweep,
 * first (every result new) and steady (nothing changed), against reading every resource once from the
 * store in the same run; samples peak memory; then measures how long an edited record takes to reach its
 * re-evaluated result through the monitoring worker. PostgreSQL when OPENAIMS_BENCH_DATABASE_URL is set
 * (in a scratch database created on that server and dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildConfig } from '../src/config/config.js';
import { openContext } from '../src/context.js';
import type { Db } from '../src/db/database.js';
import { resourcesOfType } from '../src/monitoring/engine/resource-store.js';
import { runTests } from '../src/monitoring/engine/runner.js';
import { measureLatency } from './monitoring-latency.js';
import { type MonitoringShape, seedMonitoring } from './monitoring-seed.js';
import { percentile, table } from './report.js';

const SHAPE: MonitoringShape = {
  types: Number(process.env.BENCH_MONITORING_TYPES ?? 20),
  perType: Number(process.env.BENCH_MONITORING_PER_TYPE ?? 5_000),
  testsPerType: Number(process.env.BENCH_MONITORING_TESTS_PER_TYPE ?? 60),
};
const ITERATIONS = Number(process.env.BENCH_MONITORING_ITERATIONS ?? 30);
const MIB = 1024 * 1024;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Peak RSS and heap while work runs; a timer samples between the engine's awaits. */
function sampleMemory() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heap = Math.max(peak.heap, heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The baseline: every resource row of the benchmark's types, read once and its JSON parsed. */
async function readAll(db: Db, types: string[]): Promise<number> {
  let count = 0;
  for (const type of types) count += (await resourcesOfType(db.kysely, type)).length;
  return count;
}

async function scratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `openaims_bench_monitoring_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export async function benchMonitoring(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openaims-bench-monitoring-'));
  const serverUrl = process.env.OPENAIMS_BENCH_DATABASE_URL;
  const scratch = serverUrl ? await scratchDatabase(serverUrl) : undefined;
  const config = buildConfig(
    { dataDir, secret: 'bench-secret-bench-secret-bench-secret', logLevel: 'silent' },
    { databaseUrl: scratch?.url },
  );
  const context = await openContext(config, { needsSecret: true, poolSize: 4, worker: 'bench' });
  try {
    const { db } = context;
    const seeded = await timed(() => seedMonitoring(db, SHAPE));
    const types = seeded.value.types;
    const resources = SHAPE.types * SHAPE.perType;
    const tests = await db.kysely
      .selectFrom('tests')
      .selectAll()
      .where('resource_type', 'in', types)
      .execute();
    process.stdout.write(
      `Seeded ${resources} resources (${SHAPE.types} types) and ${tests.length} tests on ${db.dialect.name} in ${(seeded.ms / 1000).toFixed(1)} s.\n\n`,
    );

    const reads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const read = await timed(() => readAll(db, types));
      if (read.value !== resources) throw new Error(`read ${read.value} resources, expected ${resources}`);
      reads.push(read.ms);
    }
    const baseline = percentile(
      reads.sort((a, b) => a - b),
      50,
    );
    const memory = sampleMemory();
    const options = { trigger: 'schedule', worker: 'bench' } as const;
    const first = await timed(() => runTests(db, tests, options));
    const steady = await timed(() => runTests(db, tests, options));
    const peak = memory.stop();
    const latency = await measureLatency(context, ITERATIONS);

    const sum = (runs: typeof first.value, pick: (r: (typeof runs)[number]) => number) =>
      runs.reduce((n, r) => n + pick(r), 0);
    const sweepNote = (runs: typeof first.value) => {
      const errors = sum(runs, (r) => r.counts.error);
      return [
        `${sum(runs, (r) => r.counts.fail)} fail`,
        ...(errors > 0 ? [`${errors} error`] : []),
        `${sum(runs, (r) => r.transitions)} transitions`,
      ].join(', ');
    };
    const ms = (value: number) => value.toFixed(0);
    const ratio = (value: number) => `${(value / baseline).toFixed(1)}×`;
    const p = (n: number) => ms(percentile(latency.samples, n));
    const rows = [
      ['read all resources once (baseline)', ms(baseline), '1.0×', '', `${resources} rows, median of 3`],
      ['full sweep, first (all new)', ms(first.ms), ratio(first.ms), '', sweepNote(first.value)],
      ['full sweep, steady (no change)', ms(steady.ms), ratio(steady.ms), '≤ 3×', sweepNote(steady.value)],
      [
        'peak memory during sweeps',
        '',
        '',
        '',
        `rss ${(peak.rss / MIB).toFixed(0)} MiB, heap ${(peak.heap / MIB).toFixed(0)} MiB`,
      ],
      [
        'record change → result',
        `${p(50)} / ${p(95)}`,
        '',
        '< 1000',
        `p50 / p95 of ${latency.samples.length}, max ${ms(latency.samples.at(-1) ?? Number.NaN)}` +
          (latency.timeouts > 0 ? `, ${latency.timeouts} timed out` : '') +
          (latency.workerErrors > 0 ? `, ${latency.workerErrors} worker errors` : ''),
      ],
    ];
    process.stdout.write(table(['monitoring', 'ms', 'vs read', 'goal', 'notes'], rows));
  } finally {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}
