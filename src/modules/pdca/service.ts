import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createPdcaService(_db: Db) {
  return {};
}

export type PdcaService = ReturnType<typeof createPdcaService>;
