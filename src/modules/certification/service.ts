import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createCertificationService(_db: Db) {
  return {};
}

export type CertificationService = ReturnType<typeof createCertificationService>;
