import type { AccountabilityTables } from './schema-accountability.js';
import type { ChangeManagementTables } from './schema-change-management.js';
import type { CheckActTables } from './schema-check-act.js';
import type { ComplianceTables } from './schema-compliance.js';
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

export interface DB
  extends PoliciesTables,
    TrainingTables,
    AccountabilityTables,
    IncidentsTables,
    ChangeManagementTables,
    NotificationsTables,
    MonitoringTables,
    CheckActTables,
    ComplianceTables {
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
}

export type {
  ControlsTable,
  EvidenceTable,
  EvidenceVersionsTable,
  FrameworksTable,
  RequirementsTable,
} from './schema-compliance.js';
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
