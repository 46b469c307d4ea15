import type { components } from '../../api/schema.js';
import type { FieldConfig } from '../registers/fields.js';
import { enumOptions } from '../registers/labels.js';

export type Nonconformity = components['schemas']['Nonconformity'];
export type CorrectiveAction = components['schemas']['CorrectiveAction'];
export type CorrectiveActionPlan = components['schemas']['CorrectiveActionPlan'];

export const NC_STATUSES = ['open', 'action_planned', 'verifying', 'closed', 'cancelled'] as const;
export const NC_GRADES = ['minor', 'major'] as const;
export const NC_SOURCES = [
  'audit_finding',
  'test',
  'incident',
  'complaint',
  'management_review',
  'manual',
] as const;
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const ACTION_KINDS = ['correction', 'corrective', 'improvement'] as const;

export const NC_STATUS_COLOURS: Record<string, string> = {
  open: 'red',
  action_planned: 'orange',
  verifying: 'yellow',
  closed: 'teal',
  cancelled: 'gray',
};
export const GRADE_COLOURS: Record<string, string> = { minor: 'yellow', major: 'red' };
export const ACTION_STATUS_COLOURS: Record<string, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'teal',
  cancelled: 'gray',
};

/** What is known when a nonconformity is raised; the cause and actions come later. */
export const NC_FIELDS: FieldConfig[] = [
  { name: 'title', label: 'Nonconformity', type: 'text', required: true, wide: true },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
  { name: 'grade', label: 'Grade', type: 'select', options: enumOptions(NC_GRADES), required: true },
  { name: 'raisedOn', label: 'Raised on', type: 'date' },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  {
    name: 'requirementId',
    label: 'Requirement not met',
    type: 'text',
    nullable: true,
    placeholder: 'iso-42001-2023:8.2',
    description: 'The requirement id, framework and clause.',
  },
];

export const CONTAINMENT_FIELDS: FieldConfig[] = [
  { name: 'containment', label: 'Containment (stop the harm now)', type: 'textarea', wide: true },
  { name: 'correction', label: 'Correction (fix this occurrence)', type: 'textarea', wide: true },
];

export const ACTION_FIELDS: FieldConfig[] = [
  { name: 'title', label: 'Action', type: 'text', required: true, wide: true },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
  { name: 'kind', label: 'Kind', type: 'select', options: enumOptions(ACTION_KINDS) },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'dueDate', label: 'Due', type: 'date', required: true },
  { name: 'status', label: 'Status', type: 'select', options: enumOptions(ACTION_STATUSES) },
  { name: 'progress', label: 'Progress %', type: 'number' },
  { name: 'investment', label: 'Investment', type: 'number', decimal: true, nullable: true },
  { name: 'investmentNote', label: 'Investment note', type: 'text', wide: true },
  { name: 'completionNotes', label: 'Completion notes', type: 'textarea', wide: true },
];
