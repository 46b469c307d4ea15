/** AI system impact assessments and what marks them due (material changes arrive with change requests). */
export interface ImpactAssessmentsTable {
  id: string;
  ai_system_id: string;
  /** 1, 2, 3… per AI system. */
  version: number;
  template_id: string;
  template_version: number;
  status: string;
  answers: string;
  score: number;
  impact_level: string;
  assessor_id: string | null;
  submitted_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  review_cadence_months: number;
  next_review_due: string | null;
  created_at: string;
  updated_at: string;
}

/** A re-assessment asked for before the cadence runs out, e.g. after a material change; cleared by approval. */
export interface ImpactAssessmentTriggersTable {
  ai_system_id: string;
  reason: string;
  due_on: string;
  raised_at: string;
  source_type: string | null;
  source_id: string | null;
}

export interface ChangeRequestsTable {
  id: string;
  reference: string;
  ai_system_id: string;
  type: string;
  title: string;
  description: string;
  material: boolean | number;
  status: string;
  requester_id: string | null;
  requested_by: string;
  /** The sign-offs the rules asked for when it was submitted (JSON: [{ kind, roleId?, label }]). */
  required_signoffs: string;
  submitted_at: string | null;
  decided_at: string | null;
  implemented_on: string | null;
  implemented_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChangeSignoffsTable {
  id: string;
  change_request_id: string;
  requirement: string;
  signer_person_id: string | null;
  signer_label: string;
  decision: string;
  comment: string;
  signed_at: string;
}

export interface RiskReviewFlagsTable {
  risk_id: string;
  reason: string;
  raised_at: string;
  source_type: string | null;
  source_id: string | null;
}

export interface ChangeManagementTables {
  impact_assessments: ImpactAssessmentsTable;
  impact_assessment_triggers: ImpactAssessmentTriggersTable;
  change_requests: ChangeRequestsTable;
  change_signoffs: ChangeSignoffsTable;
  risk_review_flags: RiskReviewFlagsTable;
}
