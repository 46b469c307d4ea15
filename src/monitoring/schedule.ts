import { Cron } from 'croner';

/** The next time (ISO, UTC, whole minute) a five-field cron schedule fires after `after`. */
export function nextRunAfter(schedule: string, after: Date): string | null {
  try {
    const cron = new Cron(schedule, { timezone: 'UTC', paused: true });
    const next = cron.nextRun(after);
    cron.stop();
    return next ? next.toISOString() : null;
  } catch {
    return null;
  }
}

/** The scheduled minute a due item belongs to: two workers seeing it compute the same slot. */
export function slotOf(dueAt: string): string {
  return `${dueAt.slice(0, 16)}Z`;
}
