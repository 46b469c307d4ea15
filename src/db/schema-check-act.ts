import type { Generated } from 'kysely';

/**
 * The tables of Check and Act (ISO/IEC 42001 clauses 6.2, 9.1, 9.2, 9.3, 10.2): objectives, the monitoring
 * plan, internal audits, nonconformities and corrective actions, management reviews and certification.
 * Dates without a time are 'YYYY-MM-DD'; instants are UTC ISO-8601; JSON is text.
 */
export interface ObjectivesTable {
  id: string;
  title: string;
  description: string;
  /** What is measured and in which unit, e.g. "Model cards complete" in "%". */
  metric: string;
  unit: string;
  /** 'at_least' (higher is better) or 'at_most' (lower is better). */
  direction: string;
  target: number;
  baseline: number | null;
  /** 'manual', 'test_pass_rate' (a monitoring test's pass rate) or 'prometheus' (a query). */
  source: string;
  source_test_id: string | null;
  source_integration_id: string | null;
  source_query: string | null;
  /** How often a measurement is expected: 'weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'. */
  frequency: string;
  ai_system_id: string | null;
  owner_id: string | null;
  due_date: string | null;
  /** 'active', 'achieved', 'missed', 'cancelled'. */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ObjectiveMeasurementsTable {
  id: string;
  objective_id: string;
  measured_at: string;
  value: number;
  /** Where the value came from: 'manual', 'test_pass_rate', 'prometheus'. */
  source: string;
  note: string;
  recorded_by: string;
  created_at: string;
}

export interface MonitoringPlanItemsTable {
  id: string;
  /** What is monitored or measured (9.1 a). */
  subject: string;
  /** How: methods for monitoring, measurement, analysis and evaluation (9.1 b). */
  method: string;
  /** When it is monitored, e.g. 'continuous', 'daily', 'monthly' (9.1 c). */
  frequency: string;
  /** Who analyses and evaluates the results (9.1 e, f). */
  analyst_id: string | null;
  /** When the results are analysed and evaluated, in words: "monthly at the AI steering meeting" (9.1 d). */
  analysis_schedule: string;
  requirement_refs: string;
  last_analysed_at: string | null;
  analysis_notes: string;
  created_at: string;
  updated_at: string;
}

/** The tests and objectives whose results a plan item draws on, so its evidence is generated, not typed. */
export interface MonitoringPlanLinksTable {
  item_id: string;
  /** 'test' or 'objective'. */
  target_type: string;
  target_id: string;
}

export interface AuditProgrammesTable {
  id: string;
  name: string;
  framework_id: string;
  cycle_start: string;
  cycle_end: string;
  objectives: string;
  /** 'draft', 'approved', 'closed'. */
  status: string;
  owner_id: string | null;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditsTable {
  id: string;
  /** Human number, e.g. IA-2026-02. */
  reference: string;
  ref_year: number;
  ref_number: number;
  programme_id: string | null;
  title: string;
  scope: string;
  criteria: string;
  framework_id: string;
  lead_auditor_id: string | null;
  planned_start: string;
  planned_end: string;
  /** 'planned', 'in_progress', 'completed', 'cancelled'. */
  status: string;
  /** JSON array of { personId, controlIds[] }: team members who own controls in the audit's scope. */
  independence_warnings: string;
  independence_justification: string;
  conclusion: string;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditTeamTable {
  audit_id: string;
  person_id: string;
}

export interface AuditChecklistItemsTable {
  id: string;
  audit_id: string;
  requirement_id: string;
  position: number;
  /** null until assessed; then 'conforming', 'minor_nc', 'major_nc', 'observation', 'opportunity'. */
  result: string | null;
  notes: string;
  /** JSON array of evidence ids sampled while auditing the item. */
  sampled_evidence_ids: string;
  assessed_by: string | null;
  assessed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditFindingsTable {
  id: string;
  audit_id: string;
  checklist_item_id: string | null;
  requirement_id: string | null;
  /** 'minor_nc', 'major_nc', 'observation', 'opportunity'. */
  type: string;
  description: string;
  nonconformity_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface NonconformitiesTable {
  id: string;
  /** Human number, e.g. NC-2026-007. */
  reference: string;
  ref_year: number;
  ref_number: number;
  title: string;
  description: string;
  /** 'audit_finding', 'test', 'incident', 'complaint', 'management_review', 'manual'. */
  source: string;
  /** The finding, monitoring issue, incident or concern it was raised from. */
  source_id: string | null;
  requirement_id: string | null;
  /** 'minor' or 'major'. */
  grade: string;
  /** 'open', 'action_planned', 'verifying', 'closed', 'cancelled'. */
  status: string;
  containment: string;
  correction: string;
  /** JSON array of { question, answer }: the five whys. */
  root_cause_whys: string;
  root_cause: string;
  owner_id: string | null;
  raised_by: string;
  raised_on: string;
  closed_at: string | null;
  /** Why it was cancelled (raised in error, duplicate…); '' unless cancelled (the column's default). */
  cancellation_reason: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface EffectivenessChecksTable {
  id: string;
  nonconformity_id: string;
  planned_for: string;
  checker_id: string | null;
  /** null until checked; then 'effective' or 'not_effective'. */
  result: string | null;
  notes: string;
  checked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CorrectiveActionsTable {
  id: string;
  /** Human number, e.g. CA-2026-012. */
  reference: string;
  ref_year: number;
  ref_number: number;
  nonconformity_id: string | null;
  incident_id: string | null;
  title: string;
  description: string;
  /** 'correction', 'corrective', 'improvement'. */
  kind: string;
  owner_id: string | null;
  due_date: string;
  /** 'planned', 'in_progress', 'done', 'cancelled'. */
  status: string;
  progress: number;
  investment: number | null;
  investment_note: string;
  completion_notes: string;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ManagementReviewsTable {
  id: string;
  title: string;
  scheduled_for: string;
  held_on: string | null;
  /** 'planned', 'in_progress', 'completed', 'cancelled'. */
  status: string;
  chair_id: string | null;
  location: string;
  minutes: string;
  /** JSON of the compiled 9.3.2 inputs, frozen when the review is completed (null while it is open). */
  inputs_snapshot: string | null;
  /** JSON object: 9.3.2 input section key → the reviewers' discussion and conclusion on it. */
  input_notes: string;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ManagementReviewAttendeesTable {
  review_id: string;
  person_id: string;
}

/** Decisions and outputs (9.3.3); those with an owner and due date are tracked actions. */
export interface ManagementReviewOutputsTable {
  id: string;
  review_id: string;
  /** 'decision', 'improvement', 'change', 'resource'. */
  kind: string;
  description: string;
  owner_id: string | null;
  due_date: string | null;
  /** 'open', 'done', 'cancelled' ('open' with no due date is a decision recorded, nothing to track). */
  status: string;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CertificationTable {
  id: string;
  framework_id: string;
  body: string;
  certificate_number: string;
  scope: string;
  /** The certification decision date that starts the three-year cycle. */
  issued_on: string | null;
  expires_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExternalAuditsTable {
  id: string;
  certification_id: string;
  /** 'stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'. */
  kind: string;
  planned_start: string;
  planned_end: string;
  /** 'planned', 'completed', 'cancelled'. */
  status: string;
  lead_auditor: string;
  result: string;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  token_prefix: string;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface CheckActTables {
  objectives: ObjectivesTable;
  objective_measurements: ObjectiveMeasurementsTable;
  monitoring_plan_items: MonitoringPlanItemsTable;
  monitoring_plan_links: MonitoringPlanLinksTable;
  audit_programmes: AuditProgrammesTable;
  audits: AuditsTable;
  audit_team: AuditTeamTable;
  audit_checklist_items: AuditChecklistItemsTable;
  audit_findings: AuditFindingsTable;
  nonconformities: NonconformitiesTable;
  effectiveness_checks: EffectivenessChecksTable;
  corrective_actions: CorrectiveActionsTable;
  management_reviews: ManagementReviewsTable;
  management_review_attendees: ManagementReviewAttendeesTable;
  management_review_outputs: ManagementReviewOutputsTable;
  certification: CertificationTable;
  external_audits: ExternalAuditsTable;
  calendar_feed_tokens: CalendarFeedTokensTable;
}
