import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';

/** Counts the live readiness checklist reads; each is one indexed query over its own table. */
async function count(query: Promise<{ n: string | number | bigint } | undefined>): Promise<number> {
  return Number((await query)?.n ?? 0);
}

export const countOpenNonconformities = (db: Executor, grade: 'major' | 'minor', statuses?: string[]) =>
  count(
    db
      .selectFrom('nonconformities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('grade', '=', grade)
      .where('status', 'in', statuses ?? ['open', 'action_planned', 'verifying'])
      .executeTakeFirst(),
  );

export const countOverdueIssues = (db: Executor, nowIso: string) =>
  count(
    db
      .selectFrom('issues')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'open')
      .where('due_at', '<', nowIso)
      .executeTakeFirst(),
  );

export const countOverdueCorrectiveActions = (db: Executor, today: string) =>
  count(
    db
      .selectFrom('corrective_actions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', ['planned', 'in_progress'])
      .where('due_date', '<', today)
      .executeTakeFirst(),
  );

export const countOverdueReviewActions = (db: Executor, today: string) =>
  count(
    db
      .selectFrom('management_review_outputs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'open')
      .where('due_date', '<', today)
      .executeTakeFirst(),
  );

export const countOverdueEffectivenessChecks = (db: Executor, today: string) =>
  count(
    db
      .selectFrom('effectiveness_checks')
      .innerJoin('nonconformities', 'nonconformities.id', 'effectiveness_checks.nonconformity_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('effectiveness_checks.result', 'is', null)
      .where('effectiveness_checks.planned_for', '<', today)
      .where('nonconformities.status', 'not in', ['closed', 'cancelled'])
      .executeTakeFirst(),
  );

export const countExpiredEvidence = (db: Executor, today: string) =>
  count(
    db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('valid_until', '<', today)
      .executeTakeFirst(),
  );

export const countPoliciesPastReview = (db: Executor, today: string) =>
  count(
    db
      .selectFrom('policies')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('published_version', 'is not', null)
      .where('status', '!=', 'retired')
      .where('next_review_due', '<', today)
      .executeTakeFirst(),
  );

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
