/** The tables of the training module (ISO/IEC 42001 7.2 competence, 7.3 awareness). */
type Bool = boolean | number;

export interface CoursesTable {
  id: string;
  title: string;
  description: string;
  /** Markdown. */
  material: string;
  material_url: string | null;
  /** JSON array of app roles the course is meant for. */
  audience_roles: string;
  /** JSON array of departments; empty means every department. */
  audience_departments: string;
  recurrence_months: number | null;
  duration_minutes: number | null;
  pass_score: number | null;
  /** JSON array of ISO/IEC 42001 references. */
  iso_refs: string;
  template_id: string | null;
  owner_id: string | null;
  active: Bool;
  created_at: string;
  updated_at: string;
}

export interface TrainingAssignmentsTable {
  id: string;
  course_id: string;
  person_id: string;
  assigned_at: string;
  /** YYYY-MM-DD. */
  due_on: string;
  reason: string;
  source_type: string | null;
  source_id: string | null;
  /** "courseId|personId" while open, null once completed: one open assignment per pair on both databases. */
  open_key: string | null;
  completed_at: string | null;
  score: number | null;
  evidence_note: string;
  evidence_id: string | null;
  completed_by_label: string | null;
}

export interface TrainingTables {
  courses: CoursesTable;
  training_assignments: TrainingAssignmentsTable;
}
