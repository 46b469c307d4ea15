import type { Executor } from '../../db/database.js';
import { addDays, addMonths } from '../../lib/time.js';
import * as counts from '../shared/overdue-counts.js';
import * as q from './readiness-repository.js';
import type { ReadinessCheck, ReadinessStatus } from './schema.js';

const YEAR_DAYS = 365;

export interface ReadinessContext {
  frameworkId: string;
  today: string;
  now: string;
  /** The day of the external audit prepared for; a year ahead when none is planned. */
  until: string;
  /** Requirements of the current audit programme that no audit plans or covered (null: no programme). */
  programmeGaps: (programmeId: string) => Promise<number>;
}

const check = (
  key: string,
  title: string,
  status: ReadinessStatus,
  count: number | null,
  detail: string,
  link: string,
): ReadinessCheck => ({ key, title, status, count, detail, link });

const zeroOrFail = (n: number, noun: string, link: string, key: string, title: string, soft = false) =>
  check(
    key,
    title,
    n === 0 ? 'pass' : soft ? 'warning' : 'fail',
    n,
    n === 0 ? `No ${noun}.` : `${n} ${noun}.`,
    link,
  );

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The checklist a certification body's auditor would start from, computed from the records as they are now. */
export async function readinessChecks(db: Executor, ctx: ReadinessContext): Promise<ReadinessCheck[]> {
  const { today, until } = ctx;
  const yearAgo = addDays(today, -YEAR_DAYS);
  const [major, minorOpen, issues, actions, reviewActions, checks, evidence, policies, soaAt] =
    await Promise.all([
      counts.countOpenNonconformities(db, 'major'),
      counts.countOpenNonconformities(db, 'minor', ['open']),
      counts.countOverdueIssues(db, ctx.now),
      counts.countOverdueCorrectiveActions(db, today),
      counts.countOverdueReviewActions(db, today),
      counts.countOverdueEffectivenessChecks(db, today),
      counts.countExpiredEvidence(db, today),
      counts.countPoliciesPastReview(db, today),
      q.lastSoaApproval(db, ctx.frameworkId),
    ]);
  const audits = await q.internalAudits(db, today, until);
  const reviews = await q.managementReviews(db, today, until);
  const programme = await q.currentProgramme(db, until);

  const result: ReadinessCheck[] = [
    zeroOrFail(
      major,
      plural(major, 'open major nonconformity', 'open major nonconformities'),
      '/nonconformities?grade=major&status=open',
      'open_major_nonconformities',
      'No open major nonconformities',
    ),
    zeroOrFail(
      minorOpen,
      plural(
        minorOpen,
        'minor nonconformity without planned action',
        'minor nonconformities without planned action',
      ),
      '/nonconformities?grade=minor&status=open',
      'minor_nonconformities_planned',
      'Every minor nonconformity has a corrective action plan',
      true,
    ),
    zeroOrFail(
      actions,
      plural(actions, 'overdue corrective action', 'overdue corrective actions'),
      '/corrective-action-plan',
      'overdue_corrective_actions',
      'No overdue corrective actions',
    ),
    zeroOrFail(
      checks,
      plural(
        checks,
        'effectiveness check past its planned date',
        'effectiveness checks past their planned date',
      ),
      '/nonconformities',
      'overdue_effectiveness_checks',
      'Effectiveness checks done when planned',
      true,
    ),
    zeroOrFail(
      issues,
      plural(issues, 'monitoring issue past its SLA', 'monitoring issues past their SLA'),
      '/issues?overdue=true',
      'overdue_issues',
      'No monitoring issues past their SLA',
    ),
    zeroOrFail(
      evidence,
      plural(evidence, 'piece of evidence past its validity', 'pieces of evidence past their validity'),
      '/evidence?expiry=expired',
      'stale_evidence',
      'Evidence is current',
    ),
    zeroOrFail(
      policies,
      plural(policies, 'policy past its review date', 'policies past their review date'),
      '/policies?reviewStatus=overdue',
      'policies_past_review',
      'Policies reviewed on time',
    ),
    zeroOrFail(
      reviewActions,
      plural(reviewActions, 'overdue management review action', 'overdue management review actions'),
      '/management-reviews?tab=actions',
      'overdue_review_actions',
      'Management review actions on time',
      true,
    ),
    check(
      'soa_approved',
      'Statement of Applicability approved in the last 12 months',
      soaAt && soaAt.slice(0, 10) >= yearAgo ? 'pass' : 'fail',
      null,
      soaAt ? `Last approved on ${soaAt.slice(0, 10)}.` : 'Never approved.',
      '/soa',
    ),
    recurring(
      'internal_audit',
      'Internal audit within 12 months before the audit',
      audits.completed?.completed_at?.slice(0, 10) ?? null,
      audits.planned ? { label: audits.planned.reference, day: audits.planned.planned_start } : null,
      yearAgo,
      '/audits',
    ),
    recurring(
      'management_review',
      'Management review within 12 months before the audit',
      reviews.completed?.held_on ?? null,
      reviews.planned ? { label: reviews.planned.title, day: reviews.planned.scheduled_for } : null,
      yearAgo,
      '/management-reviews',
    ),
  ];
  if (!programme) {
    result.push(
      check(
        'programme_coverage',
        'Audit programme covers every in-scope requirement',
        'fail',
        null,
        'No audit programme covers this period.',
        '/audits?tab=programme',
      ),
    );
  } else {
    const gaps = await ctx.programmeGaps(programme.id);
    result.push(
      check(
        'programme_coverage',
        'Audit programme covers every in-scope requirement',
        gaps === 0 ? 'pass' : 'fail',
        gaps,
        gaps === 0
          ? `${programme.name} plans or has audited every in-scope requirement.`
          : `${gaps} in-scope ${plural(gaps, 'requirement is', 'requirements are')} neither audited nor planned in ${programme.name}.`,
        '/audits?tab=programme',
      ),
    );
  }
  return result;
}

function recurring(
  key: string,
  title: string,
  lastDone: string | null,
  planned: { label: string; day: string } | null,
  yearAgo: string,
  link: string,
): ReadinessCheck {
  if (lastDone && lastDone >= yearAgo) {
    return check(key, title, 'pass', null, `Last completed on ${lastDone}.`, link);
  }
  if (planned) {
    return check(key, title, 'warning', null, `${planned.label} is planned for ${planned.day}.`, link);
  }
  const since = lastDone ? `Last completed on ${lastDone}` : 'None completed yet';
  return check(key, title, 'fail', null, `${since}, and none is planned.`, link);
}

/** The horizon when no external audit is planned. */
export const defaultHorizon = (today: string) => addMonths(today, 12);
