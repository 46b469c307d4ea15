import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import { programmeGapCount } from '../../../modules/certification/programme-gaps.js';
import { currentProgramme } from '../../../modules/certification/readiness-repository.js';
import { lastCompletedReviewFacts } from '../../../modules/management-reviews/facts.js';
import { type Frequency, PERIOD_DAYS } from '../../../modules/objectives/standing.js';
import {
  countOpenNonconformities,
  countOverdueCorrectiveActions,
} from '../../../modules/shared/overdue-counts.js';
import type { CollectedResource } from '../integration.js';

const DAY_MS = 86_400_000;
const FINISHED = ['done', 'cancelled'];

export async function collectObjectives(db: Executor): Promise<CollectedResource[]> {
  const [rows, latest] = await Promise.all([
    db
      .selectFrom('objectives')
      .leftJoin('people as owner', 'owner.id', 'objectives.owner_id')
      .selectAll('objectives')
      .select('owner.active as owner_active')
      .orderBy('objectives.id')
      .execute(),
    db
      .selectFrom('objective_measurements')
      .select(['objective_id', 'measured_at', 'value'])
      .orderBy('objective_id')
      .orderBy('measured_at', 'desc')
      .execute(),
  ]);
  const last = new Map<string, { measured_at: string; value: number }>();
  for (const m of latest) if (!last.has(m.objective_id)) last.set(m.objective_id, m);
  return rows.map((row) => {
    const measurement = last.get(row.id);
    const value = measurement === undefined ? null : Number(measurement.value);
    const target = Number(row.target);
    return {
      type: 'objective',
      externalId: row.id,
      name: row.title,
      attributes: {
        title: row.title,
        status: row.status,
        source: row.source,
        frequency: row.frequency,
        periodDays: PERIOD_DAYS[row.frequency as Frequency] ?? PERIOD_DAYS.monthly,
        target,
        direction: row.direction,
        unit: row.unit,
        lastMeasuredAt: measurement?.measured_at ?? null,
        lastValue: value,
        targetMet: value === null ? null : row.direction === 'at_most' ? value <= target : value >= target,
        dueDate: row.due_date,
        ownerId: row.owner_id,
        ownerActive: row.owner_active === null ? false : readBool(row.owner_active),
      },
    };
  });
}

export async function collectNonconformities(
  db: Executor,
  today: string,
  now: Date,
): Promise<CollectedResource[]> {
  const [rows, actions, checks] = await Promise.all([
    db
      .selectFrom('nonconformities')
      .leftJoin('people as owner', 'owner.id', 'nonconformities.owner_id')
      .selectAll('nonconformities')
      .select('owner.active as owner_active')
      .orderBy('nonconformities.id')
      .execute(),
    db
      .selectFrom('corrective_actions')
      .select(['nonconformity_id', 'status', 'due_date'])
      .where('nonconformity_id', 'is not', null)
      .execute(),
    db
      .selectFrom('effectiveness_checks')
      .select(['nonconformity_id', 'result', 'planned_for', 'checked_at'])
      .orderBy('nonconformity_id')
      .orderBy('planned_for')
      .execute(),
  ]);
  return rows.map((row) => {
    const own = actions.filter((a) => a.nonconformity_id === row.id);
    const ownChecks = checks.filter((c) => c.nonconformity_id === row.id);
    const recorded = ownChecks.filter((c) => c.result !== null);
    const open = row.status !== 'closed' && row.status !== 'cancelled';
    const end = row.closed_at ? Date.parse(row.closed_at) : now.getTime();
    return {
      type: 'nonconformity',
      externalId: row.id,
      name: `${row.reference} ${row.title}`,
      attributes: {
        reference: row.reference,
        grade: row.grade,
        status: row.status,
        open,
        source: row.source,
        raisedOn: row.raised_on,
        daysOpen: Math.max(0, Math.floor((end - Date.parse(row.raised_on)) / DAY_MS)),
        hasRootCause: row.root_cause.trim() !== '',
        actionCount: own.length,
        overdueActionCount: own.filter((a) => !FINISHED.includes(a.status) && a.due_date < today).length,
        effectivenessCheckPlanned: ownChecks.length > 0,
        lastEffectivenessResult: recorded.at(-1)?.result ?? null,
        ownerId: row.owner_id,
        ownerActive: row.owner_active === null ? false : readBool(row.owner_active),
      },
    };
  });
}

/** What the organisation-level Check and Act tests read: audits, reviews, nonconformities and actions. */
export async function checkActFacts(db: Executor, today: string) {
  const [lastAudit, programme, review, overdueActions, openMajor] = await Promise.all([
    db
      .selectFrom('audits')
      .select((eb) => eb.fn.max('completed_at').as('at'))
      .where('status', '=', 'completed')
      .executeTakeFirst(),
    currentProgramme(db, today),
    lastCompletedReviewFacts(db, today),
    countOverdueCorrectiveActions(db, today),
    countOpenNonconformities(db, 'major'),
  ]);
  return {
    lastInternalAuditAt: lastAudit?.at ?? null,
    auditProgrammeGapCount: programme ? await programmeGapCount(db, programme.id) : null,
    lastManagementReviewAt: review.lastManagementReviewAt
      ? `${review.lastManagementReviewAt}T00:00:00.000Z`
      : null,
    lastManagementReviewInputsCovered: review.lastReviewInputsCovered,
    overdueReviewActionCount: review.overdueReviewActionCount,
    overdueCorrectiveActionCount: overdueActions,
    openMajorNonconformityCount: openMajor,
  };
}
