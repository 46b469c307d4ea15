import type { ActionRow } from './action-repository.js';
import type { CorrectiveAction } from './action-schema.js';
import { UNFINISHED_ACTION } from './filters.js';
import type { CheckRow, NonconformityRow } from './repository.js';
import { closeBlocker } from './rules.js';
import type { EffectivenessCheck, NcSourceSummary, Nonconformity } from './schema.js';

type ActionFact = { status: string; due_date: string };
const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const isOverdue = (action: ActionFact, today: string) =>
  UNFINISHED_ACTION.includes(action.status) && action.due_date < today;

export function presentCheck(row: CheckRow, today: string): EffectivenessCheck {
  return {
    id: row.id,
    plannedFor: row.planned_for,
    checkerId: row.checker_id,
    checker: named(row.checker_id, row.checker_name),
    result: row.result as EffectivenessCheck['result'],
    notes: row.notes,
    checkedAt: row.checked_at,
    due: row.result === null && row.planned_for <= today,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function countActions(actions: ActionFact[], today: string): Nonconformity['actionCounts'] {
  return {
    total: actions.length,
    unfinished: actions.filter((a) => UNFINISHED_ACTION.includes(a.status)).length,
    done: actions.filter((a) => a.status === 'done').length,
    cancelled: actions.filter((a) => a.status === 'cancelled').length,
    overdue: actions.filter((a) => isOverdue(a, today)).length,
  };
}

export interface NonconformityExtras {
  source?: Omit<NcSourceSummary, 'kind' | 'id'>;
  actions?: ActionFact[];
  checks?: CheckRow[];
}

export function presentNonconformity(
  row: NonconformityRow,
  extras: NonconformityExtras,
  today: string,
): Nonconformity {
  const checks = extras.checks ?? [];
  const actionCounts = countActions(extras.actions ?? [], today);
  const status = row.status as Nonconformity['status'];
  const blocker = closeBlocker(status, checks);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    source: {
      kind: row.source as Nonconformity['source']['kind'],
      id: row.source_id,
      label: extras.source?.label ?? (row.source === 'manual' ? 'Raised by hand' : 'Source record removed'),
      link: extras.source?.link ?? null,
    },
    requirementId: row.requirement_id,
    requirement: row.requirement_id
      ? { id: row.requirement_id, ref: row.requirement_ref ?? '', title: row.requirement_title ?? '' }
      : null,
    grade: row.grade as Nonconformity['grade'],
    status,
    containment: row.containment,
    correction: row.correction,
    rootCauseWhys: JSON.parse(row.root_cause_whys) as Nonconformity['rootCauseWhys'],
    rootCause: row.root_cause,
    ownerId: row.owner_id,
    owner: named(row.owner_id, row.owner_name),
    raisedBy: row.raised_by,
    raisedOn: row.raised_on,
    closedAt: row.closed_at,
    cancellationReason: row.cancellation_reason,
    actionCounts,
    overdue: actionCounts.overdue > 0,
    effectivenessChecks: checks.map((c) => presentCheck(c, today)),
    closable: { allowed: blocker === null, reason: blocker },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const linked = (id: string | null, reference: string | null, title: string | null) =>
  id ? { id, reference: reference ?? '', title: title ?? '' } : null;

export function presentAction(row: ActionRow, today: string): CorrectiveAction {
  return {
    id: row.id,
    reference: row.reference,
    nonconformityId: row.nonconformity_id,
    nonconformity: linked(row.nonconformity_id, row.nc_reference, row.nc_title),
    incidentId: row.incident_id,
    incident: linked(row.incident_id, row.incident_reference, row.incident_title),
    title: row.title,
    description: row.description,
    kind: row.kind as CorrectiveAction['kind'],
    ownerId: row.owner_id,
    owner: named(row.owner_id, row.owner_name),
    dueDate: row.due_date,
    status: row.status as CorrectiveAction['status'],
    progress: Number(row.progress),
    investment: row.investment === null ? null : Number(row.investment),
    investmentNote: row.investment_note,
    completionNotes: row.completion_notes,
    completedAt: row.completed_at,
    overdue: isOverdue(row, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
