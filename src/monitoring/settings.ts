import { z } from 'zod';
import type { Executor } from '../db/database.js';

const days = () => z.number().int().min(1).max(3650);

export const monitoringSettingsSchema = z
  .object({
    /** Days to fix a failing test, by severity: the due date of the issue it opens. */
    slaDays: z.object({ critical: days(), high: days(), medium: days(), low: days() }).strict(),
    /** A result is flapping when it changed at least `flips` times within the last `window` runs. */
    flapping: z
      .object({ window: z.number().int().min(2).max(100), flips: z.number().int().min(2).max(100) })
      .strict()
      .refine((f) => f.flips <= f.window, { message: 'flips cannot exceed window', path: ['flips'] }),
  })
  .strict()
  .meta({ id: 'MonitoringSettings' });

export type MonitoringSettings = z.infer<typeof monitoringSettingsSchema>;

export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = {
  slaDays: { critical: 7, high: 14, medium: 30, low: 90 },
  flapping: { window: 10, flips: 3 },
};

export const MONITORING_SETTINGS_KEY = 'monitoring';

export async function readMonitoringSettings(db: Executor): Promise<MonitoringSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', MONITORING_SETTINGS_KEY)
    .executeTakeFirst();
  const parsed = row ? monitoringSettingsSchema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_MONITORING_SETTINGS;
}
