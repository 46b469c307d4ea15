import type { ChecklistRow, FindingRow } from './checklist-repository.js';
import type { ChecklistItem, Finding, Result } from './checklist-schema.js';
import type { AuditRow, Named } from './repository.js';
import type { AuditStatus, AuditSummary, IndependenceWarning } from './schema.js';

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const list = (text: string): string[] => {
  const value: unknown = JSON.parse(text || '[]');
  return Array.isArray(value) ? value.map(String) : [];
};

/** Clause items group under their clause ("7.5.2" → "7"), Annex A controls under their group ("A.6"). */
export const groupOf = (ref: string) => {
  const parts = ref.split('.');
  return parts[0] === 'A' ? parts.slice(0, 2).join('.') : (parts[0] ?? ref);
};

export function presentFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    auditId: row.audit_id,
    auditReference: row.audit_reference,
    checklistItemId: row.checklist_item_id,
    requirementId: row.requirement_id,
    requirementRef: row.requirement_ref,
    requirementTitle: row.requirement_title,
    type: row.type as Finding['type'],
    description: row.description,
    nonconformityId: row.nonconformity_id,
    nonconformityReference: row.nonconformity_reference,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentItem(
  row: ChecklistRow,
  evidence: Map<string, string>,
  findingId: string | null,
): ChecklistItem {
  const sampled = list(row.sampled_evidence_ids);
  return {
    id: row.id,
    requirementId: row.requirement_id,
    ref: row.ref,
    title: row.title,
    kind: row.kind,
    group: groupOf(row.ref),
    auditorFocus: row.auditor_focus,
    typicalEvidence: list(row.typical_evidence),
    result: row.result as Result | null,
    notes: row.notes,
    sampledEvidenceIds: sampled,
    sampledEvidence: sampled.map((id) => ({ id, title: evidence.get(id) ?? '(deleted evidence)' })),
    assessedBy: named(row.assessed_by, row.assessor_name),
    assessedAt: row.assessed_at,
    findingId,
  };
}

export interface SummaryParts {
  team: Named[];
  warnings: IndependenceWarning[];
  results: Array<{ result: string | null; n: number | string }>;
  findings: number;
}

export function presentSummary(row: AuditRow, parts: SummaryParts): AuditSummary {
  const results = {} as Record<Result, number>;
  let items = 0;
  for (const r of parts.results) {
    items += Number(r.n);
    if (r.result) results[r.result as Result] = Number(r.n);
  }
  const assessed = Object.values(results).reduce((sum, n) => sum + n, 0);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    scope: row.scope,
    criteria: row.criteria,
    frameworkId: row.framework_id,
    programmeId: row.programme_id,
    programme: named(row.programme_id, row.programme_name),
    leadAuditorId: row.lead_auditor_id,
    leadAuditor: named(row.lead_auditor_id, row.lead_name),
    teamIds: parts.team.map((p) => p.id),
    team: parts.team,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    status: row.status as AuditStatus,
    independenceWarnings: parts.warnings,
    independenceJustification: row.independence_justification,
    conclusion: row.conclusion,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    progress: { items, assessed, open: items - assessed, results, findings: parts.findings },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
