/** The tables of frameworks, controls, evidence and the Statement of Applicability. */
type Bool = boolean | number;

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

export interface ComplianceTables {
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
