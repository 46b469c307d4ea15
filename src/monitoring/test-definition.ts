import { Cron } from 'croner';
import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const DEFAULT_TEST_SCHEDULE = '0 * * * *';

/** Five-field cron (minute resolution): the minimum interval is one minute by construction. */
export const cronSchedule = () =>
  z
    .string()
    .trim()
    .max(100)
    .refine(
      (value) => value.split(/\s+/).length === 5,
      'must be a five-field cron expression (minute hour day month weekday)',
    )
    .refine((value) => {
      try {
        new Cron(value, { timezone: 'UTC', paused: true }).stop();
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid cron expression');

export const resourceTypeName = () =>
  z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be a kebab-case singular noun, e.g. ai-system')
    .max(60);

export const celSource = () => z.string().trim().min(1, 'must not be empty').max(10_000);
