import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createManagementReviewsService(_db: Db) {
  return {};
}

export type ManagementReviewsService = ReturnType<typeof createManagementReviewsService>;
