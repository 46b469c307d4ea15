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

export interface ChangeManagementTables {
  impact_assessments: ImpactAssessmentsTable;
  impact_assessment_triggers: ImpactAssessmentTriggersTable;
}
