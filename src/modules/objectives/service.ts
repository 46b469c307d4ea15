import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createObjectivesService(_db: Db) {
  return {};
}

export type ObjectivesService = ReturnType<typeof createObjectivesService>;
