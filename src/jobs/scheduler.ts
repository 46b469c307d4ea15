import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { dailyReadinessSnapshot } from '../modules/readiness/daily-snapshot.job.js';
import type { Job } from './job.js';

export const JOBS: Job[] = [dailyReadinessSnapshot];

/** Runs the recurring jobs in-process (croner); each job is idempotent, so several processes may run them. */
export function startScheduler(
  context: AppContext,
  log: FastifyBaseLogger,
  jobs: Job[] = JOBS,
): { stop(): void } {
  const run = async (job: Job) => {
    try {
      log.info({ job: job.name, result: await job.run(context) }, 'job finished');
    } catch (error) {
      log.error({ job: job.name, err: error }, 'job failed');
    }
  };
  const crons = jobs.map((job) => new Cron(job.schedule, { timezone: 'UTC', protect: true }, () => run(job)));
  for (const job of jobs.filter((j) => j.runOnStart)) void run(job);
  return {
    stop() {
      for (const cron of crons) cron.stop();
    },
  };
}
