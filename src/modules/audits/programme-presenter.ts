import type { ProgrammeRow } from './programme-repository.js';
import type { CoverageTotals, Programme } from './programme-schema.js';

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentProgramme(row: ProgrammeRow, coverage: CoverageTotals): Programme {
  return {
    id: row.id,
    name: row.name,
    frameworkId: row.framework_id,
    cycleStart: row.cycle_start,
    cycleEnd: row.cycle_end,
    objectives: row.objectives,
    status: row.status as Programme['status'],
    ownerId: row.owner_id,
    owner: named(row.owner_id, row.owner_name),
    approvedBy: named(row.approved_by, row.approver_name),
    approvedAt: row.approved_at,
    auditCount: Number(row.audit_count ?? 0),
    coverage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
