import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../src/context.js';
import { systemActor } from '../src/modules/shared/actor.js';
import { startMonitoringWorker } from '../src/monitoring/worker.js';
import { random } from './seed.js';

// The built-in test whose outcome follows an AI system's owner (content/tests/ai-systems.yaml).
const TEST_ID = 'ai-system-owner-active';
const SYSTEMS = 5;
const TIMEOUT_MS = 10_000;

export interface LatencyRun {
  /** Milliseconds from the update call to the flipped result, ascending. */
  samples: number[];
  timeouts: number;
  workerErrors: number;
}

/**
 * Starts the monitoring worker and, `iterations` times, gives or takes an AI system's owner through the
 * service, then polls the system's `ai-system-owner-active` result until its outcome flips.
 */
export async function measureLatency(context: AppContext, iterations: number): Promise<LatencyRun> {
  const { db, services, monitor } = context;
  const actor = systemActor('bench');
  const owner = await services.people.create(actor, { name: 'Bench Owner', email: 'owner@bench.example' });
  const systems = [];
  for (let i = 0; i < SYSTEMS; i++) {
    systems.push(
      await services.aiSystems.create(actor, {
        name: `Latency probe ${i}`,
        description: 'An AI system the latency benchmark edits.',
        lifecycleStage: 'deployed',
        ownerId: owner.id,
      }),
    );
  }
  await monitor.syncAll();
  // Places the trail cursor at the head: what the worker follows from here on is the probe's edits.
  await monitor.followTrail();
  const resources = await db.kysely
    .selectFrom('resources')
    .select(['id', 'external_id'])
    .where('type', '=', 'ai-system')
    .where(
      'external_id',
      'in',
      systems.map((s) => s.id),
    )
    .execute();
  const resourceOf = new Map(resources.map((r) => [r.external_id, r.id]));
  const outcomeOf = async (resourceId: string) =>
    (
      await db.kysely
        .selectFrom('test_results')
        .select('outcome')
        .where('test_id', '=', TEST_ID)
        .where('resource_id', '=', resourceId)
        .executeTakeFirst()
    )?.outcome;

  const run: LatencyRun = { samples: [], timeouts: 0, workerErrors: 0 };
  const log = {
    info: () => {},
    warn: () => {},
    error: (obj: object, msg?: string) => {
      run.workerErrors += 1;
      process.stderr.write(`worker: ${msg ?? ''} ${String((obj as { err?: unknown }).err ?? '')}\n`);
    },
  };
  const worker = await startMonitoringWorker(context, log);
  const rand = random(99);
  try {
    for (let i = 0; i < iterations; i++) {
      const system = systems[i % SYSTEMS] as (typeof systems)[number];
      const resourceId = resourceOf.get(system.id);
      if (!resourceId) throw new Error(`no ai-system resource for ${system.id}`);
      const expected = (await outcomeOf(resourceId)) === 'pass' ? 'fail' : 'pass';
      // Land anywhere within the worker's 200 ms trail poll, not in step with it.
      await sleep(Math.floor(rand() * 250));
      const start = performance.now();
      await services.aiSystems.update(actor, system.id, { ownerId: expected === 'pass' ? owner.id : null });
      while ((await outcomeOf(resourceId)) !== expected) {
        if (performance.now() - start > TIMEOUT_MS) break;
        await sleep(5);
      }
      const elapsed = performance.now() - start;
      if (elapsed > TIMEOUT_MS) run.timeouts += 1;
      else run.samples.push(elapsed);
    }
  } finally {
    await worker.stop();
  }
  run.samples.sort((a, b) => a - b);
  return run;
}
