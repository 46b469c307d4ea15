/** The tables of the incidents module (ISO/IEC 42001 A.8.4, EU AI Act Art. 73). */
type Bool = boolean | number;

export interface IncidentsTable {
  id: string;
  /** Human number, e.g. INC-2026-004: the year it was recorded and its place in that year. */
  reference: string;
  ref_year: number;
  ref_number: number;
  title: string;
  description: string;
  severity: string;
  harm_type: string;
  /** An Art. 3(49) "serious incident". */
  serious: Bool;
  serious_category: string | null;
  occurred_at: string;
  detected_at: string;
  status: string;
  root_cause: string;
  /** JSON array of corrective action ids (the corrective actions module arrives later). */
  corrective_action_ids: string;
  lessons_learned: string;
  owner_id: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentAiSystemsTable {
  incident_id: string;
  ai_system_id: string;
}

export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  at: string;
  kind: string;
  text: string;
  author_label: string;
  created_at: string;
}

export interface IncidentNotificationsTable {
  id: string;
  incident_id: string;
  /** Set on notifications the module creates and keeps in step ('eu_ai_act_art73', 'gdpr_art33'). */
  rule: string | null;
  party: string;
  interested_party_id: string | null;
  basis: string;
  due_at: string;
  notified_at: string | null;
  reference: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface IncidentsTables {
  incidents: IncidentsTable;
  incident_ai_systems: IncidentAiSystemsTable;
  incident_timeline: IncidentTimelineTable;
  incident_notifications: IncidentNotificationsTable;
}
