/** The tables of the accountability module: AIMS roles with their RACI, and concerns raised about AI. */
type Bool = boolean | number;

export interface AimsRolesTable {
  id: string;
  name: string;
  description: string;
  /** Markdown. */
  responsibilities: string;
  /** JSON array of ISO/IEC 42001 references, e.g. ["5.3", "A.3.2"]. */
  iso_refs: string;
  aims_owner: Bool;
  created_at: string;
  updated_at: string;
}

export interface AimsRoleAssignmentsTable {
  role_id: string;
  person_id: string;
  raci: string;
}

export interface ConcernsTable {
  id: string;
  number: number;
  ai_system_id: string | null;
  category: string;
  description: string;
  anonymous: Bool;
  reporter_id: string | null;
  assignee_id: string | null;
  status: string;
  resolution: string | null;
  sla_days: number;
  due_on: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountabilityTables {
  aims_roles: AimsRolesTable;
  aims_role_assignments: AimsRoleAssignmentsTable;
  concerns: ConcernsTable;
}
