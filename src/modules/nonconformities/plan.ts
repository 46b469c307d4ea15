import type { Executor } from '../../db/database.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type ActionRow, actionsFor, incidentsWithActions } from './action-repository.js';
import { ACTION_STATUSES } from './action-schema.js';
import { UNFINISHED_ACTION } from './filters.js';
import type { Plan, PlanAction, PlanGap } from './plan-schema.js';
import { isOverdue } from './presenter.js';
import { activeNonconformities } from './repository.js';

const round = (n: number) => Math.round(n * 100) / 100;

function planAction(row: ActionRow, today: string): PlanAction {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    kind: row.kind as PlanAction['kind'],
    owner: row.owner_name,
    dueDate: row.due_date,
    status: row.status as PlanAction['status'],
    progress: Number(row.progress),
    investment: row.investment === null ? null : Number(row.investment),
    overdue: isOverdue(row, today),
  };
}

/** The figures of one gap that come from its actions. */
function summarise(actions: PlanAction[]): Pick<PlanGap, 'progress' | 'nextDue' | 'investment' | 'overdue'> {
  const live = actions.filter((a) => a.status !== 'cancelled');
  const unfinished = live
    .filter((a) => UNFINISHED_ACTION.includes(a.status))
    .map((a) => a.dueDate)
    .sort();
  return {
    progress: live.length === 0 ? 0 : Math.round(live.reduce((sum, a) => sum + a.progress, 0) / live.length),
    nextDue: unfinished[0] ?? null,
    investment: round(actions.reduce((sum, a) => sum + (a.investment ?? 0), 0)),
    overdue: actions.some((a) => a.overdue),
  };
}

/**
 * The corrective action plan: every gap still being worked on (nonconformities not closed, and open incidents
 * with corrective actions), each with its actions and where it stands, and the totals management reads.
 */
export async function buildPlan(db: Executor): Promise<Plan> {
  const today = todayIso();
  const [ncs, incidents] = await Promise.all([activeNonconformities(db), incidentsWithActions(db)]);
  const rows = await actionsFor(db, { ncIds: ncs.map((n) => n.id), incidentIds: incidents.map((i) => i.id) });
  const actionsOf = (match: (row: ActionRow) => boolean) =>
    rows.filter(match).map((r) => planAction(r, today));
  const gaps: PlanGap[] = [
    ...ncs.map((nc) => {
      const actions = actionsOf((a) => a.nonconformity_id === nc.id);
      return {
        kind: 'nonconformity' as const,
        id: nc.id,
        reference: nc.reference,
        title: nc.title,
        grade: nc.grade,
        status: nc.status,
        requirement: nc.requirement_id
          ? `${nc.requirement_ref ?? nc.requirement_id} ${nc.requirement_title ?? ''}`.trim()
          : null,
        rootCause: nc.root_cause,
        owner: nc.owner_name,
        link: `/nonconformities/${nc.id}`,
        actions,
        ...summarise(actions),
      };
    }),
    ...incidents.map((incident) => {
      // An action of both a nonconformity and an incident is listed under the nonconformity only.
      const actions = actionsOf((a) => a.incident_id === incident.id && a.nonconformity_id === null);
      return {
        kind: 'incident' as const,
        id: incident.id,
        reference: incident.reference,
        title: incident.title,
        grade: incident.severity,
        status: incident.status,
        requirement: null,
        rootCause: incident.root_cause,
        owner: incident.owner_name,
        link: `/incidents/${incident.id}`,
        actions,
        ...summarise(actions),
      };
    }),
  ].filter((gap) => gap.kind === 'nonconformity' || gap.actions.length > 0);
  const all = gaps.flatMap((g) => g.actions);
  return {
    generatedAt: nowIso(),
    gaps,
    totals: {
      openGaps: gaps.length,
      actions: all.length,
      actionsByStatus: Object.fromEntries(
        ACTION_STATUSES.map((s) => [s, all.filter((a) => a.status === s).length]),
      ) as Plan['totals']['actionsByStatus'],
      overdue: all.filter((a) => a.overdue).length,
      investment: round(gaps.reduce((sum, g) => sum + g.investment, 0)),
    },
  };
}
