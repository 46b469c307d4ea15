import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createNonconformitiesService(_db: Db) {
  return {};
}

export type NonconformitiesService = ReturnType<typeof createNonconformitiesService>;
