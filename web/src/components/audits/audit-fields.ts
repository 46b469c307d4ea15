import type { components } from '../../api/schema.js';
import type { FieldConfig } from '../registers/fields.js';
import type { Option } from '../registers/labels.js';

export type Audit = components['schemas']['Audit'];
export type AuditSummary = components['schemas']['AuditSummary'];
export type AuditFinding = components['schemas']['AuditFinding'];
export type AuditProgramme = components['schemas']['AuditProgramme'];
export type ChecklistItem = Audit['checklist'][number];
export type IndependenceWarning = AuditSummary['independenceWarnings'][number];

export const AUDIT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export const STATUS_COLOURS: Record<string, string> = {
  planned: 'blue',
  in_progress: 'orange',
  completed: 'teal',
  cancelled: 'gray',
};
export const PROGRAMME_COLOURS: Record<string, string> = {
  draft: 'yellow',
  approved: 'teal',
  closed: 'gray',
};

export const RESULT_OPTIONS: Option[] = [
  { value: 'conforming', label: 'Conforming' },
  { value: 'minor_nc', label: 'Minor nonconformity' },
  { value: 'major_nc', label: 'Major nonconformity' },
  { value: 'observation', label: 'Observation' },
  { value: 'opportunity', label: 'Opportunity for improvement' },
];
export const RESULT_COLOURS: Record<string, string> = {
  conforming: 'teal',
  minor_nc: 'orange',
  major_nc: 'red',
  observation: 'blue',
  opportunity: 'grape',
};
export const resultLabel = (value: string | null | undefined) =>
  RESULT_OPTIONS.find((o) => o.value === value)?.label ?? 'Not assessed';

/** The plan of an audit; the programme select is filled in by the page from the programmes it loads. */
export function auditFields(programmes: Option[]): FieldConfig[] {
  return [
    { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
    { name: 'programmeId', label: 'Programme', type: 'select', options: programmes, nullable: true },
    { name: 'leadAuditorId', label: 'Lead auditor', type: 'record', kind: 'people', required: true },
    { name: 'teamIds', label: 'Audit team', type: 'records', kind: 'people', wide: true },
    { name: 'plannedStart', label: 'Planned start', type: 'date', required: true },
    { name: 'plannedEnd', label: 'Planned end', type: 'date', required: true },
    {
      name: 'requirementRefs',
      label: 'Requirements to audit',
      type: 'tags',
      wide: true,
      placeholder: 'e.g. 4, 5.2, A.6',
      description: 'Clause or Annex A refs and prefixes; empty: everything in the programme scope.',
    },
    { name: 'scope', label: 'Scope', type: 'textarea', wide: true },
    { name: 'criteria', label: 'Criteria', type: 'textarea', wide: true },
  ];
}

export const PROGRAMME_FIELDS: FieldConfig[] = [
  { name: 'name', label: 'Name', type: 'text', required: true, wide: true },
  { name: 'cycleStart', label: 'Cycle start', type: 'date', required: true },
  {
    name: 'cycleEnd',
    label: 'Cycle end',
    type: 'date',
    description: 'Empty: three years after the start (one certification cycle).',
  },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'objectives', label: 'Objectives', type: 'textarea', wide: true },
];
