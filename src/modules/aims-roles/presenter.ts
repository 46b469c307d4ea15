import { readBool } from '../../db/dialect.js';
import type { AimsRoleRow, AssignmentRow } from './repository.js';
import type { AimsRole, Raci } from './schema.js';

export function groupAssignments(rows: AssignmentRow[]): Map<string, AssignmentRow[]> {
  const byRole = new Map<string, AssignmentRow[]>();
  for (const row of rows) byRole.set(row.role_id, [...(byRole.get(row.role_id) ?? []), row]);
  return byRole;
}

export function presentAimsRole(row: AimsRoleRow, assignmentRows: AssignmentRow[]): AimsRole {
  const assignments = assignmentRows.map((a) => ({
    personId: a.person_id,
    raci: a.raci as Raci,
    person: { id: a.person_id, name: a.person_name, active: readBool(a.person_active) },
  }));
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    responsibilities: row.responsibilities,
    isoRefs: JSON.parse(row.iso_refs) as string[],
    aimsOwner: readBool(row.aims_owner),
    assignments,
    accountable: assignments.find((a) => a.raci === 'accountable')?.person ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
