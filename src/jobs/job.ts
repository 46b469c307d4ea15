import type { AppContext } from '../context.js';

/** A recurring job declares its schedule beside its work. */
export interface Job {
  name: string;
  /** Cron expression, UTC. */
  schedule: string;
  /** Also run once when the process starts (the job must be idempotent). */
  runOnStart: boolean;
  run(context: AppContext): Promise<string>;
}
