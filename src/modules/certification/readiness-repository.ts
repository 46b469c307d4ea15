import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';

export async function lastSoaApproval(db: Executor, frameworkId: string): Promise<string | null> {
  const row = await db
    .selectFrom('soa_versions')
    .select((eb) => eb.fn.max('approved_at').as('at'))
    .where('framework_id', '=', frameworkId)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The latest completed internal audit, and the first one planned from today up to `until`. */
export async function internalAudits(db: Executor, today: string, until: string) {
  const [completed, planned] = await Promise.all([
    db
      .selectFrom('audits')
      .select(['id', 'reference', 'completed_at'])
      .where('status', '=', 'completed')
      .orderBy('completed_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('audits')
      .select(['id', 'reference', 'planned_start'])
      .where('status', 'in', ['planned', 'in_progress'])
      .where('planned_end', '>=', addDays(today, -30))
      .where('planned_start', '<=', until)
      .orderBy('planned_start')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { completed, planned };
}

export async function managementReviews(db: Executor, today: string, until: string) {
  const [completed, planned] = await Promise.all([
    db
      .selectFrom('management_reviews')
      .select(['id', 'title', 'held_on'])
      .where('status', '=', 'completed')
      .orderBy('held_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('management_reviews')
      .select(['id', 'title', 'scheduled_for'])
      .where('status', 'in', ['planned', 'in_progress'])
      .where('scheduled_for', '>=', addDays(today, -30))
      .where('scheduled_for', '<=', until)
      .orderBy('scheduled_for')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { completed, planned };
}

/** The audit programme whose cycle contains the day. */
export function currentProgramme(db: Executor, day: string) {
  return db
    .selectFrom('audit_programmes')
    .select(['id', 'name'])
    .where('status', '!=', 'closed')
    .where('cycle_start', '<=', day)
    .where('cycle_end', '>=', day)
    .orderBy('cycle_start', 'desc')
    .limit(1)
    .executeTakeFirst();
}
