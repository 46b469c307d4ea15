import type { Db } from '../../db/database.js';
import { nowIso } from '../../lib/time.js';
import {
  MONITORING_SETTINGS_KEY,
  type MonitoringSettings,
  readMonitoringSettings,
} from '../../monitoring/settings.js';
import { type Actor, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';

/** SLA days per severity and the flapping rule; new issues use the values in force when they open. */
export function createMonitoringSettingsService(db: Db) {
  return {
    async get(actor: Actor): Promise<MonitoringSettings> {
      authorize(actor, 'records:read');
      return readMonitoringSettings(db.kysely);
    },
    async update(actor: Actor, input: MonitoringSettings): Promise<MonitoringSettings> {
      authorize(actor, 'aims:configure');
      const before = await readMonitoringSettings(db.kysely);
      await db.transaction(async (trx) => {
        const now = nowIso();
        const value = JSON.stringify(input);
        await trx
          .insertInto('settings')
          .values({ key: MONITORING_SETTINGS_KEY, value, updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
          .execute();
        await appendTrail(db, trx, actor, {
          entityType: 'setting',
          entityId: MONITORING_SETTINGS_KEY,
          action: 'update',
          before,
          after: input,
        });
      });
      return input;
    },
  };
}

export type MonitoringSettingsService = ReturnType<typeof createMonitoringSettingsService>;
