import type { Executor } from '../../db/database.js';

/**
 * Overdue and open counts shared by the readiness checklist, the PDCA summary and the monitoring facts, so
 * "overdue" means the same everywhere. Each is one indexed query over its own table.
 */
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
      // Only outputs with an owner and a due date are tracked actions; the rest are decisions on record.
      .where('owner_id', 'is not', null)
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
