import type { AccountabilityTables } from './schema-accountability.js';
import type { ChangeManagementTables } from './schema-change-management.js';
import type { CheckActTables } from './schema-check-act.js';
import type { IncidentsTables } from './schema-incidents.js';
import type { MonitoringTables } from './schema-monitoring.js';
import type { NotificationsTables } from './schema-notifications.js';
import type { PoliciesTables } from './schema-policies.js';
import type { TrainingTables } from './schema-training.js';

/**
 * Table types as Kysely sees them. Portable storage: ids and timestamps are text (UTC ISO-8601),
 * JSON is text, booleans are boolean on PostgreSQL and 0/1 on SQLite (normalised in repositories).
 */
type Bool = boolean | number;

export interface PeopleTable {
  id: string;
  name: string;
  email: string;
  job_title: string | null;
  department: string | null;
  manager_id: string | null;
  active: Bool;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  person_id: string;
  role: string;
  password_hash: string | null;
  active: Bool;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AiSystemsTable {
  id: string;
  name: string;
  description: string;
  intended_purpose: string;
  lifecycle_stage: string;
  organisation_role: string;
  risk_tier: string;
  affected_persons: string;
  decision_autonomy: string | null;
  human_oversight: string;
  deployment_environment: string;
  business_unit: string;
  owner_id: string | null;
  models: string;
  deployed_at: string | null;
  last_reviewed_at: string | null;
  next_review_due: string | null;
  created_at: string;
  updated_at: string;
}

export interface AiSystemLinksTable {
  ai_system_id: string;
  target_id: string;
}

export interface DatasetsTable {
  id: string;
  name: string;
  description: string;
  source: string;
  provenance: string;
  licence: string;
  personal_data_categories: string;
  owner_id: string | null;
  quality_notes: string;
  record_count: number | null;
  size_bytes: number | null;
  created_at: string;
  updated_at: string;
}

export interface VendorsTable {
  id: string;
  name: string;
  website: string | null;
  services: string;
  models_provided: string;
  criticality: string;
  contract_status: string;
  dpa_status: string;
  sla_summary: string;
  intended_use_approved: Bool;
  review_cadence_months: number;
  last_review_at: string | null;
  next_review_due: string | null;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RiskScenariosTable {
  id: string;
  title: string;
  category: string;
  description: string;
  typical_causes: string;
  typical_consequences: string;
  suggested_treatments: string;
  default_likelihood: number;
  default_impact: number;
  content_version: number;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface RisksTable {
  id: string;
  title: string;
  description: string;
  scenario_id: string | null;
  likelihood: number;
  impact: number;
  inherent_score: number;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_score: number | null;
  treatment: string | null;
  treatment_plan: string;
  owner_id: string | null;
  due_date: string | null;
  status: string;
  accepted_by_id: string | null;
  accepted_at: string | null;
  acceptance_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RiskAiSystemsTable {
  risk_id: string;
  ai_system_id: string;
}

export interface ScopeVersionsTable {
  id: string;
  version: number;
  statement: string;
  boundaries: string;
  exclusions: string;
  author_label: string;
  author_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContextIssuesTable {
  id: string;
  kind: string;
  title: string;
  description: string;
  category: string;
  effect: string;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterestedPartiesTable {
  id: string;
  name: string;
  category: string;
  needs: string;
  expectations: string;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface TrailTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface FrameworksTable {
  id: string;
  name: string;
  short_name: string;
  publisher: string;
  version: string;
  description: string;
  content_version: number;
  content_hash: string;
  in_scope: Bool;
  created_at: string;
  updated_at: string;
}

export interface RequirementsTable {
  id: string;
  framework_id: string;
  ref: string;
  parent_ref: string | null;
  kind: string;
  title: string;
  summary: string;
  auditor_focus: string;
  typical_evidence: string;
  applies_to: string | null;
  position: number;
  assessable: Bool;
  not_covered_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ControlsTable {
  id: string;
  source: string;
  name: string;
  domain: string;
  description: string;
  owner_role: string;
  frequency: string;
  evidence_required: Bool;
  expected_evidence: string;
  adopted: Bool;
  owner_id: string | null;
  status: string;
  implementation_notes: string;
  last_reviewed_at: string | null;
  next_review_due: string | null;
  content_version: number | null;
  content_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface ControlMappingsTable {
  control_id: string;
  requirement_id: string;
  relationship: string;
  rationale: string;
  source: string;
}

export interface FrameworkMappingsTable {
  from_requirement_id: string;
  to_requirement_id: string;
  relationship: string;
  rationale: string;
}

export interface CoverageConfirmationsTable {
  requirement_id: string;
  confirmed_by: string;
  confirmed_at: string;
  note: string;
}

export interface ReadinessSnapshotsTable {
  id: string;
  framework_id: string;
  taken_at: string;
  day: string;
  trigger: string;
  percent: number;
  counts: string;
}

export interface EvidenceTable {
  id: string;
  title: string;
  description: string;
  kind: string;
  owner_id: string | null;
  latest_version: number;
  collected_at: string | null;
  valid_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvidenceVersionsTable {
  id: string;
  evidence_id: string;
  version: number;
  kind: string;
  blob_sha256: string | null;
  filename: string | null;
  content_type: string | null;
  size_bytes: number | null;
  url: string | null;
  note: string | null;
  collected_at: string | null;
  valid_until: string | null;
  created_by: string;
  created_at: string;
}

export interface SoaEntriesTable {
  requirement_id: string;
  applicable: Bool;
  justification: string;
  updated_by: string;
  updated_at: string;
}

export interface SoaVersionsTable {
  id: string;
  framework_id: string;
  version: number;
  approved_by: string;
  approved_at: string;
  changelog: string;
  snapshot: string;
  created_at: string;
  updated_at: string;
}

export interface DB
  extends PoliciesTables,
    TrainingTables,
    AccountabilityTables,
    IncidentsTables,
    ChangeManagementTables,
    NotificationsTables,
    MonitoringTables,
    CheckActTables {
  people: PeopleTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  ai_systems: AiSystemsTable;
  ai_system_datasets: AiSystemLinksTable;
  ai_system_vendors: AiSystemLinksTable;
  datasets: DatasetsTable;
  vendors: VendorsTable;
  risk_scenarios: RiskScenariosTable;
  risks: RisksTable;
  risk_ai_systems: RiskAiSystemsTable;
  scope_versions: ScopeVersionsTable;
  context_issues: ContextIssuesTable;
  interested_parties: InterestedPartiesTable;
  settings: SettingsTable;
  trail: TrailTable;
  frameworks: FrameworksTable;
  requirements: RequirementsTable;
  controls: ControlsTable;
  control_mappings: ControlMappingsTable;
  framework_mappings: FrameworkMappingsTable;
  control_risks: { control_id: string; risk_id: string };
  control_ai_systems: { control_id: string; ai_system_id: string };
  coverage_confirmations: CoverageConfirmationsTable;
  readiness_snapshots: ReadinessSnapshotsTable;
  blobs: { sha256: string; size_bytes: number; storage: string; created_at: string };
  blob_chunks: { sha256: string; seq: number; data: Buffer };
  evidence: EvidenceTable;
  evidence_versions: EvidenceVersionsTable;
  evidence_controls: { evidence_id: string; control_id: string };
  soa_entries: SoaEntriesTable;
  soa_versions: SoaVersionsTable;
}

export type {
  IntegrationsTable,
  IssuesTable,
  ResourcesTable,
  TestExclusionsTable,
  TestResultsTable,
  TestRunsTable,
  TestsTable,
  TestTransitionsTable,
} from './schema-monitoring.js';
