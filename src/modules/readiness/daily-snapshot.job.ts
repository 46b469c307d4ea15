import type { Job } from '../../jobs/job.js';

/**
 * Stores one readiness snapshot per in-scope framework per day, for the trend charts. Safe with several
 * processes: the snapshot is written under the append lock and skipped when today's already exists.
 */
export const dailyReadinessSnapshot: Job = {
  name: 'daily-readiness-snapshot',
  schedule: '0 2 * * *',
  runOnStart: true,
  async run({ services }) {
    const written = await services.readiness.snapshotDaily();
    return `${written} snapshot(s) written`;
  },
};
