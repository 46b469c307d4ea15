/** The tables of the policies module. */
export interface PoliciesTable {
  id: string;
  title: string;
  category: string;
  template_id: string | null;
  /** The working text (Markdown); what members read is the latest published version. */
  body: string;
  /** What the next version changes, written while drafting. */
  changelog: string;
  status: string;
  owner_id: string | null;
  review_cadence_months: number;
  audience_roles: string;
  audience_departments: string;
  iso_refs: string;
  submitted_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  published_version: number | null;
  published_at: string | null;
  last_reviewed_at: string | null;
  next_review_due: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyVersionsTable {
  policy_id: string;
  version: number;
  title: string;
  body: string;
  changelog: string;
  approved_by: string;
  approved_at: string;
  published_by: string;
  published_at: string;
  sha256: string;
}

export interface PolicyAcknowledgementsTable {
  id: string;
  policy_id: string;
  version: number;
  person_id: string;
  assigned_at: string;
  due_on: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface PoliciesTables {
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_acknowledgements: PolicyAcknowledgementsTable;
}
