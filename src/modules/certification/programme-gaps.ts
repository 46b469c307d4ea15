import type { Executor } from '../../db/database.js';
import { programmeCoverage } from '../audits/coverage.js';

/** In-scope requirements that no audit of the programme plans or covered. */
export async function programmeGapCount(db: Executor, programmeId: string): Promise<number> {
  return (await programmeCoverage(db, programmeId)).gaps.length;
}
