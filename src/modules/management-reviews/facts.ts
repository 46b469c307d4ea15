import type { Executor } from '../../db/database.js';
import { todayIso } from '../../lib/time.js';
import { countOverdueReviewActions } from '../shared/overdue-counts.js';
import { missingInputs, readNotes } from './notes.js';

export interface ReviewFacts {
  /** The day the latest completed review was held, or null when none was. */
  lastManagementReviewAt: string | null;
  /** Whether that review recorded a note on every 9.3.2 input. */
  lastReviewInputsCovered: boolean;
  /** Open tracked actions of any review past their due date. */
  overdueReviewActionCount: number;
}

/** What the built-in monitoring test on management reviews reads. */
export async function lastCompletedReviewFacts(db: Executor, today = todayIso()): Promise<ReviewFacts> {
  const [last, overdue] = await Promise.all([
    db
      .selectFrom('management_reviews')
      .select(['held_on', 'input_notes'])
      .where('status', '=', 'completed')
      .orderBy('held_on', 'desc')
      .orderBy('completed_at', 'desc')
      .executeTakeFirst(),
    countOverdueReviewActions(db, today),
  ]);
  return {
    lastManagementReviewAt: last?.held_on ?? null,
    lastReviewInputsCovered: last ? missingInputs(readNotes(last.input_notes)).length === 0 : false,
    overdueReviewActionCount: overdue,
  };
}
