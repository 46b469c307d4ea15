import { Cron } from 'croner';
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.js';
import { measureDueObjectives } from '../modules/objectives/scheduled.js';
import type { DueWork, Monitor } from './monitor.js';

export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Work the cluster does once a minute besides monitoring: notifications out, automatic measurements in. */
type MinuteWork = (now: Date, log: WorkerLog) => Promise<void>;

export interface MonitoringWorker {
  /** Resolves when the current trail batch (if any) has been handled; used by tests and the bench. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const TRAIL_POLL_MS = 200;
const RETRIES = 3;
const QUEUES = { tick: 'monitoring-tick', test: 'monitoring-test', sync: 'monitoring-sync' } as const;
// Bounded work: a job running longer than this is expired by pg-boss and retried.
const JOB_EXPIRY_SECONDS = 15 * 60;

/** Retries a crashed piece of work with exponential backoff (1 s, 2 s, 4 s) before giving up. */
async function withRetry<T>(work: () => Promise<T>, log: WorkerLog, what: object): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= RETRIES) {
        log.error({ ...what, err: error, attempt }, 'monitoring work failed');
        return undefined;
      }
      log.warn({ ...what, err: error, attempt }, 'monitoring work failed, retrying');
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
    }
  }
}

/** Polls the trail so that a committed change is re-evaluated within a second, in any process. */
function followTrail(monitor: Monitor, log: WorkerLog) {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const step = async () => {
    try {
      await monitor.followTrail();
    } catch (error) {
      log.error({ err: error }, 'following the trail failed');
    }
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(step);
  }, TRAIL_POLL_MS);
  return {
    idle: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

async function runDue(monitor: Monitor, due: DueWork, log: WorkerLog): Promise<void> {
  for (const integration of due.integrations) {
    await withRetry(() => monitor.syncIntegration(integration.id), log, { integration: integration.id });
  }
  for (const test of due.tests) {
    await withRetry(() => monitor.runTest(test.id, { trigger: 'schedule', slot: test.slot }), log, {
      test: test.id,
    });
  }
}

/** SQLite (one machine): a croner tick each minute inside the serving process. */
function startInProcess(monitor: Monitor, everyMinute: MinuteWork, log: WorkerLog): MonitoringWorker {
  let ticking: Promise<void> = Promise.resolve();
  const tick = () => {
    ticking = ticking
      .then(async () => {
        await runDue(monitor, await monitor.claimDue(), log);
        await everyMinute(new Date(), log);
      })
      .catch((error) => {
        log.error({ err: error }, 'monitoring tick failed');
      });
  };
  const cron = new Cron('* * * * *', { timezone: 'UTC', protect: true }, tick);
  tick();
  const trail = followTrail(monitor, log);
  return {
    idle: trail.idle,
    async stop() {
      cron.stop();
      await trail.stop();
      await ticking;
    },
  };
}

/**
 * PostgreSQL (any number of processes): pg-boss fires one tick a minute for the whole cluster; the tick
 * claims due work and queues one job per test slot, which whichever worker is free picks up. Jobs are
 * retried with backoff and expire when they run too long.
 */
async function startPgBoss(
  url: string,
  monitor: Monitor,
  everyMinute: MinuteWork,
  log: WorkerLog,
): Promise<MonitoringWorker> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  const queueOptions = {
    retryLimit: RETRIES,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: JOB_EXPIRY_SECONDS,
  };
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, { name, ...queueOptions }).catch(() => undefined);
  }
  await boss.schedule(QUEUES.tick, '* * * * *', {}, { tz: 'UTC' });
  await boss.work(QUEUES.tick, async () => {
    const due = await monitor.claimDue();
    for (const t of due.tests) {
      await boss.send(QUEUES.test, t, { ...queueOptions, singletonKey: `${t.id}@${t.slot}` });
    }
    for (const i of due.integrations) {
      await boss.send(QUEUES.sync, i, { ...queueOptions, singletonKey: `${i.id}@${i.slot}` });
    }
    // Webhooks, digests and measurements ride the cluster's single once-a-minute tick.
    await everyMinute(new Date(), log);
  });
  await boss.work<{ id: string; slot: string }>(
    QUEUES.test,
    { pollingIntervalSeconds: 0.5 },
    async (jobs) => {
      for (const job of jobs)
        await monitor.runTest(job.data.id, { trigger: 'schedule', slot: job.data.slot });
    },
  );
  await boss.work<{ id: string }>(QUEUES.sync, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await monitor.syncIntegration(job.data.id);
  });
  // Do not wait up to a minute for the first tick after a start.
  const minute = new Date().toISOString().slice(0, 16);
  await boss.send(QUEUES.tick, {}, { singletonKey: `start@${minute}`, singletonSeconds: 60 });
  const trail = followTrail(monitor, log);
  return {
    idle: trail.idle,
    async stop() {
      await trail.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export async function startMonitoringWorker(context: AppContext, log: WorkerLog): Promise<MonitoringWorker> {
  const { database } = context.config;
  // A source that stays down is retried every minute; say so when its error changes, not each time.
  const lastFailure = new Map<string, string>();
  const everyMinute: MinuteWork = async (now, log) => {
    await context.notifier.tick(now, log);
    const measured = await measureDueObjectives(context.db, now, { secret: context.secret });
    for (const { id } of measured.measured) lastFailure.delete(id);
    for (const failure of measured.failed) {
      if (lastFailure.get(failure.id) === failure.error) continue;
      lastFailure.set(failure.id, failure.error);
      log.warn({ objective: failure.id, error: failure.error }, 'automatic objective measurement failed');
    }
  };
  if (database.dialect === 'postgres') return startPgBoss(database.url, context.monitor, everyMinute, log);
  return startInProcess(context.monitor, everyMinute, log);
}
