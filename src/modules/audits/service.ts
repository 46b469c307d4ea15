import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createAuditsService(_db: Db) {
  return {};
}

export type AuditsService = ReturnType<typeof createAuditsService>;
