/** The tables of continuous monitoring: integrations, resources, tests and their results, issues. */
type Bool = boolean | number;

export interface IntegrationsTable {
  id: string;
  kind: string;
  name: string;
  config: string;
  secrets: string | null;
  schedule: string;
  enabled: Bool;
  owner_id: string | null;
  next_sync_at: string | null;
  last_sync_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  resource_count: number;
  created_at: string;
  updated_at: string;
}

export interface ResourcesTable {
  id: string;
  integration_id: string;
  type: string;
  external_id: string;
  name: string;
  attributes: string;
  attributes_hash: string;
  collected_at: string;
  changed_at: string;
}

export interface TestsTable {
  id: string;
  builtin: Bool;
  title: string;
  description: string;
  severity: string;
  resource_type: string;
  applies_when: string | null;
  condition: string;
  controls: string;
  remediation: string;
  owner_id: string | null;
  schedule: string;
  enabled: Bool;
  disabled_reason: string | null;
  version: number;
  content_hash: string | null;
  status: string;
  counts: string;
  next_run_at: string | null;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TestResultsTable {
  test_id: string;
  resource_id: string;
  outcome: string;
  reason: string;
  test_version: number;
  since: string;
  excluded: Bool;
  flapping: Bool;
}

export interface TestRunsTable {
  id: string;
  test_id: string;
  test_version: number;
  trigger: string;
  slot: string | null;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  counts: string;
  transitions: number;
  status: string;
  worker: string;
}

export interface TestTransitionsTable {
  id: string;
  test_id: string;
  resource_id: string;
  resource_name: string;
  run_id: string | null;
  test_version: number;
  from_outcome: string | null;
  to_outcome: string;
  reason: string;
  snapshot_sha256: string;
  at: string;
}

export interface TestExclusionsTable {
  id: string;
  test_id: string;
  resource_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface IssuesTable {
  id: string;
  number: number;
  test_id: string;
  resource_id: string;
  resource_name: string;
  open_key: string | null;
  title: string;
  severity: string;
  status: string;
  owner_id: string | null;
  due_at: string;
  opened_at: string;
  opened_transition_id: string;
  resolved_at: string | null;
  resolution: string | null;
  resolved_transition_id: string | null;
  flapping: Bool;
  updated_at: string;
}

export interface MonitoringTables {
  integrations: IntegrationsTable;
  resources: ResourcesTable;
  tests: TestsTable;
  test_controls: { test_id: string; control_id: string };
  test_versions: {
    test_id: string;
    version: number;
    definition: string;
    created_by: string;
    created_at: string;
  };
  test_results: TestResultsTable;
  test_runs: TestRunsTable;
  resource_snapshots: { sha256: string; attributes: string; created_at: string };
  test_transitions: TestTransitionsTable;
  test_exclusions: TestExclusionsTable;
  issues: IssuesTable;
  issue_comments: {
    id: string;
    issue_id: string;
    author_label: string;
    author_user_id: string | null;
    body: string;
    created_at: string;
  };
  monitoring_cursors: { name: string; position: number; updated_at: string };
}
