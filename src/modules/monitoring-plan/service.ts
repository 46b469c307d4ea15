import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createMonitoringPlanService(_db: Db) {
  return {};
}

export type MonitoringPlanService = ReturnType<typeof createMonitoringPlanService>;
